import type { Problem } from '../orders/problems';
import { excerptOf } from '../transport/body';

/** "order_item_list.0.price: must have at most 2 decimal places" for each problem of an order. */
export function describeProblems(problems: readonly Problem[]): string[] {
	return problems.map((problem) => {
		const path = problem.field.replace(/\[(\d+)\]/g, '.$1');
		return path ? `${path}: ${problem.message}` : problem.message;
	});
}

/** How an order is named in messages: by its sender id when it has one, else by its input item. */
export function orderLabel(raw: unknown, itemIndex: number): string {
	const id = (raw as { id?: unknown } | null)?.id;
	if ((typeof id === 'string' && id.trim() !== '') || typeof id === 'number') return `order ${String(id).trim()}`;
	return `the order of item ${itemIndex + 1} (it has no id)`;
}

/**
 * Turns a rejection's `data` (a string, a list, or Yii-style `{field: [messages]}`) into one
 * line such as "coins: not enough points; client.phone: is required".
 */
export function describeRejection(data: unknown): string {
	const parts: string[] = [];
	const walk = (value: unknown, path: string) => {
		if (value === null || value === undefined || value === '') return;
		if (typeof value !== 'object') {
			parts.push(path ? `${path}: ${String(value)}` : String(value));
			return;
		}
		if (Array.isArray(value)) {
			for (const entry of value) walk(entry, path);
			return;
		}
		for (const [key, entry] of Object.entries(value)) {
			walk(entry, key === 'message' && path === '' ? '' : path ? `${path}.${key}` : key);
		}
	};
	walk(data, '');
	const text = parts.join('; ');
	return text ? excerptOf(text) : 'no reason given';
}
