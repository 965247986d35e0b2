import type { ZodError, ZodTypeAny, z } from 'zod';

import type { Problems } from './problems';

/** The value as the schema reads it; undefined, with each issue recorded, when it does not pass. */
export function parseOrRecord<Schema extends ZodTypeAny>(schema: Schema, value: unknown, problems: Problems): z.output<Schema> | undefined {
	const parsed = schema.safeParse(value);
	if (parsed.success) return parsed.data as z.output<Schema>;
	recordZodIssues(parsed.error, problems);
	return undefined;
}

/** Records each zod issue as an error on the field it names ("order_item_list[0].price"). */
function recordZodIssues(error: ZodError, problems: Problems): void {
	for (const issue of error.issues) {
		const path = issue.path
			.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`))
			.join('');
		problems.error(path, issue.message);
	}
}
