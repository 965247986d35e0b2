/** One thing wrong (or worth a look) in one order, named by the field it concerns. */
export interface Problem {
	field: string;
	message: string;
}

/**
 * Collects what a conversion found: errors stop the order, notes travel with it.
 * Mapping functions stay pure: they only write into the collector they are given.
 */
export class Problems {
	readonly errors: Problem[] = [];

	readonly notes: Problem[] = [];

	error(field: string, message: string): void {
		this.errors.push({ field, message });
	}

	note(field: string, message: string): void {
		this.notes.push({ field, message });
	}

	get failed(): boolean {
		return this.errors.length > 0;
	}
}

export function describeProblem(problem: Problem): string {
	return problem.field ? `${problem.field}: ${problem.message}` : problem.message;
}

/** "Order 41: products[0].price: must be a number; total_sum: must be a number" */
export function describeOrderProblems(orderId: string, problems: readonly Problem[]): string {
	return `Order ${orderId}: ${problems.map(describeProblem).join('; ')}`;
}
