import type { IDataObject, IExecuteFunctions, NodeApiError } from 'n8n-workflow';
import type { z } from 'zod';

import type { SaleAppKeyKind, SaleAppMethodType, SaleAppOrder } from '../shared/orders/saleapp/schema';
import { saleAppGetResponseSchema } from '../shared/orders/saleapp/schema';
import { apiError } from '../shared/transport/errors';
import { secretsOf } from '../shared/transport/redact';
import { callApi } from '../shared/transport/request';
import type { AttemptFailure } from '../shared/transport/request';
import type { TransportSettings } from '../shared/transport/retry';

export const CREDENTIAL_TYPE = 'saleAppApi';
const SYSTEM = 'SaleApp';

/** What every call needs: where SaleApp is, which key kind the credential holds, retry settings. */
export interface SaleAppSession {
	context: IExecuteFunctions;
	ordersUrl: string;
	kind: SaleAppKeyKind;
	settings: TransportSettings;
	/** The secret key, kept out of every message this node builds itself. */
	secrets: string[];
}

export async function openSession(context: IExecuteFunctions, settings: TransportSettings): Promise<SaleAppSession> {
	const credentials = await context.getCredentials<{ baseUrl: string; kind?: SaleAppKeyKind }>(CREDENTIAL_TYPE);
	const base = String(credentials.baseUrl ?? '').trim().replace(/\/+$/, '');
	return {
		context,
		ordersUrl: `${base}/Orders`,
		kind: credentials.kind === 'counterparty' ? 'counterparty' : 'organisation',
		settings,
		secrets: secretsOf(credentials),
	};
}

export interface SaleAppCall {
	/** In users' words, for error messages: "get order", "create order". */
	operation: string;
	methodType: SaleAppMethodType;
	fields: IDataObject;
	itemIndex: number;
	idempotent?: boolean;
	beforeRetry?: (failure: AttemptFailure) => Promise<unknown>;
}

/** SaleApp's answer: accepted with its parsed body, or refused with its `error_description`. */
export type SaleAppAnswer<T> = { refused: false; body: T } | { refused: true; description: string };

/**
 * One form POST to `.../Orders` with `method_type`; the key goes into the query string through
 * the credential. SaleApp answers a refusal with HTTP 200 and `error: "true"`, so the body decides.
 */
export async function callSaleApp<S extends z.ZodTypeAny>(
	session: SaleAppSession,
	call: SaleAppCall,
	schema: S,
): Promise<SaleAppAnswer<z.output<S>>> {
	const response = await callApi(session.context, {
		system: SYSTEM,
		operation: call.operation,
		credentialType: CREDENTIAL_TYPE,
		request: {
			method: 'POST',
			url: session.ordersUrl,
			body: { method_type: call.methodType, ...withoutNullish(call.fields) },
			form: true,
		},
		settings: session.settings,
		idempotent: call.idempotent,
		itemIndex: call.itemIndex,
		beforeRetry: call.beforeRetry,
	});
	const parsed = schema.safeParse(response.body);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw saleAppError(
			session,
			call,
			`the answer is not in SaleApp's format (${issue.path.join('.') || 'body'}: ${issue.message})`,
		);
	}
	const body = parsed.data as z.output<S> & { error: boolean; error_description?: string };
	if (body.error) {
		const description = body.error_description?.trim() || 'SaleApp reported an error without a description';
		return { refused: true, description: KEY_PROBLEM.test(description) ? `${description} (check the secret key and its kind in the SaleApp credential)` : description };
	}
	return { refused: false, body };
}

/** A NodeApiError in the transport's words: system, operation, SaleApp's message; secrets removed. */
export function saleAppError(
	session: SaleAppSession,
	call: Pick<SaleAppCall, 'operation' | 'itemIndex'>,
	message: string,
): NodeApiError {
	return apiError(session.context.getNode(), {
		system: SYSTEM,
		operation: call.operation,
		message,
		itemIndex: call.itemIndex,
		secrets: session.secrets,
	});
}

export interface OrderLookup {
	id?: number;
	number?: number;
	externalId?: string;
	/** Narrows an external id lookup to one client (organisation key only). */
	clientId?: string;
}

/** GET: the orders matching the lookup (SaleApp's priority: id, number, external id); [] when none. */
export async function findOrders(
	session: SaleAppSession,
	lookup: OrderLookup,
	itemIndex: number,
	operation = 'get order',
): Promise<SaleAppOrder[]> {
	const call: SaleAppCall = {
		operation,
		methodType: 'GET',
		fields: {
			id: lookup.id,
			number: lookup.number,
			external_id: lookup.externalId,
			client_id: session.kind === 'organisation' ? lookup.clientId : undefined,
		},
		itemIndex,
		idempotent: true,
	};
	const answer = await callSaleApp(session, call, saleAppGetResponseSchema);
	if (answer.refused) {
		if (NOT_FOUND.test(answer.description)) return [];
		throw saleAppError(session, call, `"${answer.description}"`);
	}
	return answer.body.response ?? [];
}

const KEY_PROBLEM = /secret_key|ключ|\bkey\b/i;

// Some SaleApp versions may report "nothing found" as an error rather than an empty list.
const NOT_FOUND = /не\s+знайден|не\s+найден|not\s+found/i;

function withoutNullish(fields: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== null));
}
