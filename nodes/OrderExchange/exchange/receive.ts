import { parseJsonBody } from '../../shared/transport/body';
import { Problems } from '../../shared/orders/problems';
import type { Problem } from '../../shared/orders/problems';
import { checkOneCOrder } from '../../shared/orders/onec/check';
import type { OneCOrder } from '../../shared/orders/onec/schema';

/** Field errors the way the exchange answers them: `{ "client.phone": ["is required ..."] }`. */
export type FieldErrors = Record<string, string[]>;

export interface InvalidOrder {
	/** The order's id as sent, or `order <n>` (1-based) when it has none. */
	id: string;
	errors: FieldErrors;
}

export type ReceivedExchange =
	| { ok: true; orders: OneCOrder[]; invalid: InvalidOrder[] }
	| { ok: false; message: string };

/**
 * Reads the body of an exchange call (seed 001: an array of orders, maybe after a UTF-8 BOM) and
 * checks every order against the exchange schema, so the workflow only sees orders it can use.
 */
export function receiveExchange(body: unknown): ReceivedExchange {
	const parsed = parseJsonBody(body);
	if (!parsed.ok) return { ok: false, message: `The body is not JSON: ${parsed.excerpt}` };
	if (!Array.isArray(parsed.value)) return { ok: false, message: 'The body must be an array of orders, e.g. [{"id": "...", ...}]' };

	const orders: OneCOrder[] = [];
	const invalid: InvalidOrder[] = [];
	const seen = new Set<string>();
	parsed.value.forEach((raw, index) => {
		const problems = new Problems();
		const order = checkOneCOrder(raw, problems);
		const id = order?.id ?? idOf(raw) ?? `order ${index + 1}`;
		if (order && seen.has(id)) problems.error('id', `"${id}" is sent twice in this call; the answer holds one result per order id`);
		seen.add(id);
		if (order && !problems.failed) orders.push(order);
		else invalid.push({ id, errors: fieldErrors(problems.errors) });
	});
	return { ok: true, orders, invalid };
}

function idOf(raw: unknown): string | undefined {
	const id = (raw as { id?: unknown } | null)?.id;
	return (typeof id === 'string' && id.trim() !== '') || typeof id === 'number' ? String(id).trim() : undefined;
}

/** Problems by field, as the exchange answers them; one without a field is the order's. */
export function fieldErrors(problems: Array<Pick<Problem, 'message'> & { field?: string }>): FieldErrors {
	const errors: FieldErrors = {};
	for (const problem of problems) (errors[problem.field || 'order'] ??= []).push(problem.message);
	return errors;
}
