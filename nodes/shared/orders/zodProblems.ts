import type { ZodError, ZodIssue, ZodTypeAny, z } from 'zod';

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
		problems.error(path, issueMessage(issue));
	}
}

const TYPE_WORDS: Record<string, string> = { string: 'text', number: 'a number', boolean: 'true or false', array: 'a list', object: 'an object' };

/**
 * An issue's message in the package's own style ("is required", "must be text"): the schemas write
 * theirs so, and zod's defaults for the fields that set none ("Required", "Expected string,
 * received number") are put the same way.
 */
export function issueMessage(issue: ZodIssue): string {
	if (issue.code !== 'invalid_type') return issue.message;
	if (issue.message === 'Required') return 'is required';
	if (issue.message === `Expected ${issue.expected}, received ${issue.received}`) return `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
	return issue.message;
}
