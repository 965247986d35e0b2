import type { FieldErrors, InvalidOrder } from './receive';

/** One order's result, as 1C answers it (seed 001): the order as the receiver keeps it, or its errors. */
export type OrderResult =
	| { success: true; data: Array<{ id: string | number | null; external_id: string }> }
	| { success: false; data: FieldErrors };

/** The answer to the whole call: results keyed by the sender's order id. */
export interface ExchangeAnswer {
	success: true;
	data: Record<string, OrderResult>;
}

/** What the workflow did with one order. */
export type Outcome = { done: true; receiverId?: string | number } | { done: false; errors: FieldErrors };

const UNANSWERED: FieldErrors = {
	order: ['the workflow gave this order no answer (it reached neither input of Answer Order Exchange); send it again'],
};

/**
 * The envelope for every order of the call: each one the workflow took, by its outcome (an order
 * with no outcome is answered as failed, so the sender keeps it and sends it again), and each
 * invalid one with its field errors.
 */
export function exchangeAnswer(orderIds: string[], invalid: InvalidOrder[], outcomes: Map<string, Outcome>): ExchangeAnswer {
	const data: Record<string, OrderResult> = {};
	for (const id of orderIds) {
		const outcome = outcomes.get(id);
		if (!outcome) data[id] = { success: false, data: UNANSWERED };
		else if (outcome.done) data[id] = { success: true, data: [{ id: outcome.receiverId ?? null, external_id: id }] };
		else data[id] = { success: false, data: outcome.errors };
	}
	for (const order of invalid) data[order.id] = { success: false, data: order.errors };
	return { success: true, data };
}
