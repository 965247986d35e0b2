import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { Outcome } from './answer';
import { fieldErrors } from './receive';
import type { FieldErrors } from './receive';

/**
 * Where an item names the order it is about: the package's nodes put the sender's id in `orderId`
 * (results) or `details.orderId` (errors); a SaleApp order carries it as `external_id`; an order
 * straight from the trigger as `id`. The first of these that is one of the call's orders counts.
 */
function orderIdOf(item: INodeExecutionData, orderIds: Set<string>): string | undefined {
	const json = item.json;
	const details = (json.details ?? {}) as IDataObject;
	for (const candidate of [details.orderId, json.orderId, json.external_id, json.id]) {
		if ((typeof candidate === 'string' || typeof candidate === 'number') && orderIds.has(String(candidate))) return String(candidate);
	}
	return undefined;
}

/** An error item's errors by field: the Transformer's problems name theirs; any other error is the order's. */
function errorsOf(item: INodeExecutionData): FieldErrors {
	const problems = ((item.json.details ?? {}) as IDataObject).problems;
	if (Array.isArray(problems) && problems.length > 0) return fieldErrors(problems as Array<{ field?: string; message: string }>);
	return { order: [String(item.json.error ?? item.json.message ?? 'failed in the workflow')] };
}

/**
 * What the workflow did with each order of the call: done (with the receiver's id), or failed.
 * An order with a failed item is failed, even if another of its items went through.
 */
export function outcomesOf(
	orderIds: Set<string>,
	done: INodeExecutionData[],
	receiverIds: Array<string | number | undefined>,
	failed: INodeExecutionData[],
): Map<string, Outcome> {
	const outcomes = new Map<string, Outcome>();
	done.forEach((item, index) => {
		const id = orderIdOf(item, orderIds);
		const receiverId = receiverIds[index];
		if (id !== undefined && !outcomes.has(id)) outcomes.set(id, { done: true, receiverId: receiverId === '' ? undefined : receiverId });
	});
	for (const item of failed) {
		const id = orderIdOf(item, orderIds);
		if (id === undefined) continue;
		const earlier = outcomes.get(id);
		const errors = errorsOf(item);
		if (earlier && !earlier.done) {
			for (const [field, messages] of Object.entries(errors)) (earlier.errors[field] ??= []).push(...messages);
		} else {
			outcomes.set(id, { done: false, errors });
		}
	}
	return outcomes;
}
