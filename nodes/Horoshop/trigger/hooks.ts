import type { IDataObject, IHookFunctions, NodeApiError } from 'n8n-workflow';

import type { HoroshopSession } from '../session';
import { messageOf } from '../session';
import { apiError } from '../../shared/transport/errors';
import type { TriggerEvent } from './changes';

/** Horoshop's webhook event for each trigger event (public client code; Horoshop documents order_created only). */
export const HOOK_EVENT: Record<TriggerEvent, string> = {
	newOrder: 'order_created',
	statusChanged: 'order_update',
	paid: 'order_paid',
};

/** What the node keeps of its subscription in its static data: Horoshop's API cannot list them. */
export interface StoredSubscription {
	id: string;
	event: string;
	url: string;
}

/**
 * `hooks/subscribe {event, target_url}`: Horoshop answers 201 `{id}` (a bare body); at most 5
 * subscriptions per event, the sixth is refused. Not repeated after a lost answer, since a second
 * subscription would take one of the five places.
 */
export async function subscribe(
	context: IHookFunctions,
	session: HoroshopSession,
	event: string,
	url: string,
): Promise<StoredSubscription> {
	const operation = `subscribe to ${event}`;
	let answer: { statusCode: number; body: unknown };
	try {
		answer = await session.callBare('hooks/subscribe', { event, target_url: url }, { operation });
	} catch (error) {
		const failure = error as NodeApiError;
		if (Number(failure.httpCode) >= 400 && Number(failure.httpCode) < 500) failure.message += `. ${LIMIT_ADVICE}`;
		throw failure;
	}
	const body = answer.body as IDataObject | undefined;
	const enveloped = typeof body?.status === 'string';
	const id = (enveloped ? (body?.response as IDataObject | undefined)?.id : body?.id) as unknown;
	if (enveloped && String(body?.status).toUpperCase() !== 'OK') {
		throw refusal(context, operation, `the shop answered ${String(body?.status)}: "${messageOf(body?.response)}". ${LIMIT_ADVICE}`);
	}
	if ((typeof id !== 'number' && typeof id !== 'string') || id === '') {
		throw refusal(context, operation, `the answer (HTTP ${answer.statusCode}) carries no subscription id: ${JSON.stringify(body) ?? 'empty'}`);
	}
	return { id: String(id), event, url };
}

const LIMIT_ADVICE =
	'Horoshop allows at most 5 subscriptions per event and its API cannot list them: deactivate other workflows or tools subscribed to this event, or ask Horoshop support to remove unused subscriptions. Webhooks also need the Pro plan; the Horoshop Trigger (polling) works on every plan.';

/**
 * `hooks/unSubscribe {id, target_url}`: 410 Gone on success. A shop that knows the function only as
 * `hooks/unsubscribe` (the spelling differs between sources) is asked that way. 404: already gone.
 */
export async function unsubscribe(context: IHookFunctions, session: HoroshopSession, subscription: StoredSubscription): Promise<void> {
	const operation = `unsubscribe from ${subscription.event}`;
	for (const fn of ['hooks/unSubscribe', 'hooks/unsubscribe']) {
		const answer = await session.callBare(
			fn,
			{ id: Number(subscription.id) || subscription.id, target_url: subscription.url },
			{ operation, idempotent: true, acceptStatuses: [404, 410] },
		);
		const body = answer.body as IDataObject | undefined;
		const status = typeof body?.status === 'string' ? body.status.toUpperCase() : undefined;
		if (status === 'UNDEFINED_FUNCTION') continue;
		if (status !== undefined && status !== 'OK') {
			throw refusal(context, operation, `the shop answered ${status}: "${messageOf(body?.response)}"`);
		}
		return;
	}
	throw refusal(context, operation, 'the shop knows neither hooks/unSubscribe nor hooks/unsubscribe (UNDEFINED_FUNCTION)');
}

function refusal(context: IHookFunctions, operation: string, message: string): NodeApiError {
	return apiError(context.getNode(), { system: 'Horoshop', operation, message });
}

/**
 * The order number in a webhook payload. Horoshop does not document the payload, so the usual
 * places are all looked at: `order_id`, `order.order_id` / `order.id`, `data.…`, `orders[0].…`,
 * then a top-level `id` when nothing else names an order.
 */
export function orderIdOfPayload(payload: unknown): number | undefined {
	const candidates: unknown[] = [];
	const visit = (value: unknown, depth: number) => {
		if (!value || typeof value !== 'object' || depth > 2) return;
		if (Array.isArray(value)) {
			visit(value[0], depth + 1);
			return;
		}
		const object = value as IDataObject;
		candidates.push(object.order_id, object.orderId);
		for (const key of ['order', 'data', 'orders', 'payload', 'object']) visit(object[key], depth + 1);
		if (depth > 0) candidates.push(object.id);
	};
	visit(payload, 0);
	candidates.push((payload as IDataObject | null)?.id);
	for (const candidate of candidates) {
		const id = typeof candidate === 'string' && candidate.trim() !== '' ? Number(candidate) : candidate;
		if (typeof id === 'number' && Number.isInteger(id) && id > 0) return id;
	}
	return undefined;
}
