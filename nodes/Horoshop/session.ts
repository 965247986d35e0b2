import type { IDataObject, NodeApiError } from 'n8n-workflow';

import { horoshopAuthResponseSchema, horoshopEnvelopeSchema } from '../shared/orders/horoshop/schema';
import { excerptOf } from '../shared/transport/body';
import { apiError } from '../shared/transport/errors';
import { callApi } from '../shared/transport/request';
import type { ApiContext } from '../shared/transport/request';
import type { TransportSettings } from '../shared/transport/retry';

export const CREDENTIAL_TYPE = 'horoshopApi';
const SYSTEM = 'Horoshop';

/** Horoshop tokens live 600 s; renewing a minute early keeps a slow page from carrying a dying token. */
export const TOKEN_LIFETIME_MS = 600_000;
export const RENEW_BEFORE_MS = 60_000;

export interface HoroshopCredentials {
	shopUrl: string;
	login: string;
	password: string;
	/** The zone of the shop's own wall-clock times (credentials saved before the field: Kyiv). */
	shopTimezone?: string;
}

/** The answer statuses a call may return instead of throwing. */
export type AnswerStatus = 'OK' | 'EMPTY' | 'WARNING' | 'UNDEFINED_FUNCTION';

export interface Answer {
	status: AnswerStatus;
	response: unknown;
}

export interface CallOptions {
	/** Shown in errors: "get orders", "update order status", ... */
	operation: string;
	itemIndex?: number;
	idempotent?: boolean;
	/** Statuses handed back to the caller; OK and EMPTY always are, anything else not listed throws. */
	accept?: AnswerStatus[];
}

/** "myshop.com.ua", "https://myshop.com.ua/", ".../api" -> "https://myshop.com.ua". */
export function shopBaseUrl(shopUrl: string): string {
	const trimmed = shopUrl.trim();
	const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
	return withScheme.replace(/\/+$/, '').replace(/\/api$/i, '');
}

/**
 * One Horoshop sign-in for the length of one node execution: the token is fetched on the first
 * call, renewed a minute before its 600 s run out, and renewed once more (with the call repeated)
 * when the shop says it is no longer good. A session lives in the execution that made it and is
 * never kept in module scope, so no token outlives its execution.
 */
export class HoroshopSession {
	private token?: string;

	private renewAt = 0;

	private signingIn?: Promise<string>;

	/** Why the shop refused the login; asking again with the same password would only risk a lockout. */
	private refusal?: string;

	private readonly baseUrl: string;

	constructor(
		private readonly context: ApiContext,
		private readonly credentials: HoroshopCredentials,
		private readonly settings?: TransportSettings,
		private readonly now: () => number = Date.now,
	) {
		this.baseUrl = shopBaseUrl(credentials.shopUrl ?? '');
	}

	static async open(context: ApiContext, settings?: TransportSettings): Promise<HoroshopSession> {
		const credentials = await context.getCredentials<HoroshopCredentials>(CREDENTIAL_TYPE);
		return new HoroshopSession(context, credentials, settings);
	}

	/** The time zone the shop writes and filters times in. */
	get timezone(): string {
		return this.credentials.shopTimezone?.trim() || 'Europe/Kyiv';
	}

	/** Calls `/api/<fn>/` with the token in the body and reads Horoshop's `{status, response}`. */
	async call(fn: string, body: IDataObject, options: CallOptions): Promise<Answer> {
		const accept = new Set<string>(['OK', 'EMPTY', ...(options.accept ?? [])]);
		for (let attempt = 1; ; attempt++) {
			const { token, secrets, outcome } = await this.attempt(fn, body, options);
			if (!outcome.response) {
				if ((outcome.failure as NodeApiError).httpCode === '401' && attempt === 1) {
					this.forget(token);
					continue;
				}
				throw outcome.failure;
			}
			const { statusCode, body: rawBody } = outcome.response;
			const envelope = this.envelopeOf(rawBody, options, statusCode, secrets);
			if (looksLikeExpiredToken(envelope.status, envelope.response)) {
				if (attempt === 1) {
					this.forget(token);
					continue;
				}
				throw this.error(options, `the shop refused a fresh token too: ${describe(envelope)}`, secrets);
			}
			if (accept.has(envelope.status)) return envelope as Answer;
			if (envelope.status === 'UNDEFINED_FUNCTION') {
				throw this.error(
					options,
					`the shop does not know the function "${fn}" (UNDEFINED_FUNCTION). Check the shop URL, or whether your Horoshop version has this function.`,
					secrets,
				);
			}
			throw this.error(options, describe(envelope), secrets);
		}
	}

	/**
	 * Calls a function that answers a bare body with a meaningful HTTP status instead of the
	 * `{status, response}` envelope (`hooks/subscribe`: 201 `{id}`; `hooks/unSubscribe`: 410).
	 * Token handling is the same as `call`: renewed once when the shop refuses it (HTTP 401, or an
	 * envelope saying so). `acceptStatuses` lists HTTP error statuses that are answers here (410).
	 */
	async callBare(
		fn: string,
		body: IDataObject,
		options: CallOptions & { acceptStatuses?: number[] },
	): Promise<{ statusCode: number; body: unknown }> {
		for (let attempt = 1; ; attempt++) {
			const { token, secrets, outcome } = await this.attempt(fn, body, options);
			if (!outcome.response) {
				const httpCode = Number((outcome.failure as NodeApiError).httpCode);
				if (options.acceptStatuses?.includes(httpCode)) return { statusCode: httpCode, body: undefined };
				if (httpCode === 401 && attempt === 1) {
					this.forget(token);
					continue;
				}
				throw outcome.failure;
			}
			const envelope = horoshopEnvelopeSchema.safeParse(outcome.response.body);
			if (envelope.success && looksLikeExpiredToken(envelope.data.status.toUpperCase(), envelope.data.response)) {
				if (attempt === 1) {
					this.forget(token);
					continue;
				}
				throw this.error(options, `the shop refused a fresh token too: ${describe({ status: envelope.data.status, response: envelope.data.response })}`, secrets);
			}
			return { statusCode: outcome.response.statusCode, body: outcome.response.body };
		}
	}

	/** One attempt of a call: POST `/api/<fn>/` with the current token in the body. */
	private async attempt(fn: string, body: IDataObject, options: CallOptions) {
		const token = await this.currentToken(options.itemIndex);
		const secrets = [token];
		const outcome = await callApi(this.context, {
			system: SYSTEM,
			operation: options.operation,
			credentialType: CREDENTIAL_TYPE,
			request: { method: 'POST', url: `${this.baseUrl}/api/${fn}/`, body: { ...body, token } },
			settings: this.settings,
			idempotent: options.idempotent,
			itemIndex: options.itemIndex,
			secrets,
		}).then(
			(response) => ({ response, failure: undefined }),
			(failure: unknown) => ({ response: undefined, failure }),
		);
		return { token, secrets, outcome };
	}

	private async currentToken(itemIndex?: number): Promise<string> {
		if (this.token && this.now() < this.renewAt) return this.token;
		if (this.refusal) throw this.error({ operation: 'sign in', itemIndex }, this.refusal, []);
		this.signingIn ??= this.signIn(itemIndex).finally(() => {
			this.signingIn = undefined;
		});
		return await this.signingIn;
	}

	/** Drops the token a call was refused with, unless another call already replaced it. */
	private forget(token: string): void {
		if (this.token === token) {
			this.token = undefined;
			this.renewAt = 0;
		}
	}

	private async signIn(itemIndex?: number): Promise<string> {
		const options: CallOptions = { operation: 'sign in', itemIndex };
		const startedAt = this.now();
		const response = await callApi(this.context, {
			system: SYSTEM,
			operation: options.operation,
			credentialType: CREDENTIAL_TYPE,
			request: {
				method: 'POST',
				url: `${this.baseUrl}/api/auth/`,
				body: { login: this.credentials.login, password: this.credentials.password },
			},
			settings: this.settings,
			idempotent: true,
			itemIndex,
		});
		const envelope = this.envelopeOf(response.body, options, response.statusCode, []);
		const auth = horoshopAuthResponseSchema.safeParse(envelope.response);
		if (envelope.status !== 'OK' || !auth.success) {
			const hint = envelope.status === 'ERROR' ? ' Check the login and password in the Horoshop credential.' : '';
			const reason = `${describe(envelope)}.${hint}`;
			if (envelope.status === 'ERROR') this.refusal = reason;
			throw this.error(options, reason, []);
		}
		this.token = auth.data.token;
		this.renewAt = startedAt + TOKEN_LIFETIME_MS - RENEW_BEFORE_MS;
		return this.token;
	}

	private envelopeOf(body: unknown, options: CallOptions, statusCode: number, secrets: string[]) {
		const envelope = horoshopEnvelopeSchema.safeParse(body);
		if (!envelope.success) {
			throw this.error(
				options,
				`the answer is not a Horoshop answer (no "status"): "${excerptOf(JSON.stringify(body) ?? '')}". Check the shop URL.`,
				secrets,
				statusCode,
			);
		}
		return { status: envelope.data.status.toUpperCase(), response: envelope.data.response };
	}

	private error(options: CallOptions, message: string, secrets: string[], statusCode?: number): NodeApiError {
		return apiError(this.context.getNode(), {
			system: SYSTEM,
			operation: options.operation,
			message,
			statusCode,
			itemIndex: options.itemIndex,
			secrets: [this.credentials.password, ...secrets].filter(Boolean),
		});
	}
}

/**
 * Horoshop does not document how it refuses an expired token; public clients re-login on any of
 * these, and so do we.
 */
export function looksLikeExpiredToken(status: string, response: unknown): boolean {
	if (status === 'UNAUTHORIZED' || status === 'AUTHORIZATION_ERROR') return true;
	if (status !== 'ERROR' && status !== 'HTTP_ERROR') return false;
	return /token|токен|авториз/i.test(messageOf(response));
}

/** Horoshop's own words from an answer: `response.message`, or the response itself. */
export function messageOf(response: unknown): string {
	if (typeof response === 'string') return response;
	if (response && typeof response === 'object') {
		const { message, code } = response as { message?: unknown; code?: unknown };
		const text = typeof message === 'string' ? message : message === undefined ? '' : JSON.stringify(message);
		if (text && code !== undefined && code !== null && code !== '') return `${text} (code ${String(code)})`;
		if (text) return text;
		const json = JSON.stringify(response);
		return json === '[]' || json === '{}' ? '' : json;
	}
	return '';
}

function describe(envelope: { status: string; response: unknown }): string {
	const message = messageOf(envelope.response);
	return message
		? `the shop answered ${envelope.status}: "${excerptOf(message)}"`
		: `the shop answered ${envelope.status}`;
}
