import type { ZodError } from 'zod';

import type { Problems } from './problems';

/** Records each zod issue as an error on the field it names ("order_item_list[0].price"). */
export function recordZodIssues(error: ZodError, problems: Problems, prefix = ''): void {
	for (const issue of error.issues) {
		const path = issue.path
			.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`))
			.join('');
		const field = prefix && path ? `${prefix}.${path}` : prefix || path;
		problems.error(field, issue.message);
	}
}
