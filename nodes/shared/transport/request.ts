import { sleep } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
	NodeApiError,
} from 'n8n-workflow';

import { excerptOf, parseJsonBody } from './body';
import { apiError, networkFailureOf, statusOf } from './errors';
import { secretsOf } from './redact';
import { DEFAULT_RETRY, backoffDelay, parseRetryAfter } from './retry';
import type { TransportSettings } from './retry';

export type ApiContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IHookFunctions | IWebhookFunctions;

export interface ApiRequest {
	method: IHttpRequestMethods;
	url: string;
	qs?: IDataObject;
	/** An object is sent as JSON, or as form fields when `form` is set. */
	body?: IDataObject | IDataObject[];
	form?: boolean;
	headers?: IDataObject;
	skipSslCertificateValidation?: boolean;
}

/** Why an attempt failed and whether the server may have acted on it. */
export interface AttemptFailure {
	attempt: number;
	statusCode?: number;
	networkCode?: string;
	/** The request may have reached the server and taken effect (timeout, reset, 5xx). */
	outcomeUnknown: boolean;
	error: NodeApiError;
}

export interface ApiCall {
	/** Shown in errors: "Aqua Delivery", "1C", ... */
	system: string;
	/** Shown in errors: "import orders", "get orders", ... */
	operation: string;
	credentialType: string;
	request: ApiRequest;
	settings?: TransportSettings;
	/**
	 * Safe to repeat after a lost answer (timeout, reset, 500, 502, 504): reads, and writes whose
	 * repetition changes nothing (an update by the receiver's id). Other calls are not repeated
	 * then, unless `beforeRetry` can settle what happened.
	 */
	idempotent?: boolean;
	itemIndex?: number;
	/** Advice added to the message of a refusal with this HTTP status, e.g. what to check for a 404. */
	adviceByStatus?: Record<number, string>;
	/** Extra strings to keep out of errors, besides the credential's secrets. */
	secrets?: string[];
	/**
	 * Runs before a retry whose previous attempt may have taken effect. A value other than
	 * undefined ends the call with that value as the answer body (used to find a created order).
	 */
	beforeRetry?: (failure: AttemptFailure) => Promise<unknown>;
}

export interface ApiResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
	attempts: number;
}

interface RawResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

const CONNECTION_FAILURES: Record<string, string> = {
	ECONNREFUSED: 'the server refused the connection; check the URL and that the server is up',
	ECONNRESET: 'the connection was dropped before an answer came',
	ENOTFOUND: 'the server name was not found; check the URL',
	EAI_AGAIN: 'the server name could not be looked up; check the URL and the network',
};

/** The server says it did not take the request: always safe to try again later. */
const REFUSED_STATUSES = new Set([429, 503]);

/** The server may have done the work before failing to answer. */
const OUTCOME_UNKNOWN_STATUSES = new Set([500, 502, 504]);

/** Failures before any byte reached the server. */
const NOT_CONNECTED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

const DEFAULT_SETTINGS: TransportSettings = { timeoutMs: 30_000, retry: DEFAULT_RETRY };

/**
 * The one way nodes talk to an API: credentials applied by n8n, a timeout per attempt,
 * retries with capped, jittered backoff that honour Retry-After, JSON read tolerant of a BOM,
 * and every failure turned into a NodeApiError with secrets removed.
 */
export async function callApi(context: ApiContext, call: ApiCall): Promise<ApiResponse> {
	const settings = call.settings ?? DEFAULT_SETTINGS;
	const { retry } = settings;
	// The credential's secrets are read only to keep them out of an error: most calls need none,
	// and reading a credential costs n8n a database query and a decryption.
	let secrets: string[] | undefined;
	const fail = async (message: string, statusCode?: number, description?: string) => {
		secrets ??= [...secretsOf(await credentialsOf(context, call.credentialType)), ...(call.secrets ?? [])];
		return apiError(context.getNode(), {
			system: call.system,
			operation: call.operation,
			message,
			statusCode,
			description,
			itemIndex: call.itemIndex,
			secrets,
		});
	};

	// Repeating a request that may have taken effect is harmless only for some calls.
	const safeToRepeat = call.idempotent === true || call.beforeRetry !== undefined;
	let waitedMs = 0;
	for (let attempt = 1; ; attempt++) {
		const outcome = await send(context, call, settings.timeoutMs).then(
			(response) => ({ response, thrown: undefined }),
			(thrown: unknown) => ({ response: undefined, thrown }),
		);
		let failure: AttemptFailure;
		let retryAfterMs: number | undefined;
		if (outcome.response) {
			const { statusCode, headers, body } = outcome.response;
			if (statusCode >= 200 && statusCode < 300) {
				const parsed = parseJsonBody(body);
				if (!parsed.ok) throw await fail(`the answer is not JSON: "${parsed.excerpt}"`, statusCode);
				return { statusCode, headers, body: parsed.value, attempts: attempt };
			}
			const advice = call.adviceByStatus?.[statusCode];
			const error = await fail(`${describeHttpFailure(body)}${advice ? `; ${advice}` : ''}`, statusCode);
			const outcomeUnknown = OUTCOME_UNKNOWN_STATUSES.has(statusCode);
			if (!outcomeUnknown && !REFUSED_STATUSES.has(statusCode)) throw withKind(error, 'rejected');
			retryAfterMs = parseRetryAfter(headers['retry-after']);
			failure = { attempt, statusCode, outcomeUnknown, error };
		} else {
			const network = networkFailureOf(outcome.thrown);
			if (!network) {
				// 401 after n8n renewed the credential, a request that could not be made (a sign-in
				// refused), or a sign-in the server could not take now (429, 5xx): nothing was sent, and
				// only the last is worth another attempt.
				const statusCode = statusOf(outcome.thrown);
				const error = await fail(describeThrown(outcome.thrown, statusCode), statusCode);
				if (statusCode === undefined || (statusCode !== 429 && statusCode < 500)) throw withKind(error, 'cannot_send');
				failure = { attempt, statusCode, outcomeUnknown: false, error };
			} else {
				const what = network.timedOut
					? `no answer within ${seconds(settings.timeoutMs)} s`
					: `${CONNECTION_FAILURES[network.code] ?? 'the connection failed'} (${network.code})`;
				failure = { attempt, networkCode: network.code, outcomeUnknown: !NOT_CONNECTED_CODES.has(network.code), error: await fail(what) };
			}
		}

		if (failure.outcomeUnknown && !safeToRepeat) {
			failure.error.message += `; it was not sent again, as ${call.system} may have done it already`;
			throw withKind(withAttempts(failure.error, attempt), 'outcome_unknown');
		}
		if (attempt >= retry.maxAttempts) {
			throw withKind(withAttempts(failure.error, attempt), 'transport');
		}
		const waitMs = retryAfterMs ?? backoffDelay(attempt, retry);
		if (waitedMs + waitMs > retry.maxTotalWaitMs) {
			const reason = `the next wait (${seconds(waitMs)} s) would pass the ${seconds(retry.maxTotalWaitMs)} s retry budget`;
			throw withKind(withAttempts(failure.error, attempt, reason), 'transport');
		}
		if (failure.outcomeUnknown && call.beforeRetry) {
			const settled = await call.beforeRetry(failure);
			if (settled !== undefined) {
				return { statusCode: 200, headers: {}, body: settled, attempts: attempt };
			}
		}
		waitedMs += waitMs;
		await sleep(waitMs);
	}
}

/**
 * What a failed call means for its caller:
 * - `rejected`: the server answered no (4xx other than 429);
 * - `outcome_unknown`: the request may have reached the server and taken effect (timeout, reset,
 *   500, 502, 504), and repeating it was not known to be harmless, so it was not repeated;
 * - `transport`: the server could not take it (refused connection, 429, 503, ...) or, for a call
 *   safe to repeat, kept failing, after every retry;
 * - `cannot_send`: the request could not be made at all (credentials refused, sign-in failed);
 *   the same call would fail the same way again.
 */
export type FailureKind = 'rejected' | 'outcome_unknown' | 'transport' | 'cannot_send';

export function failureKindOf(error: unknown): FailureKind | undefined {
	return (error as NodeApiError | undefined)?.context?.failureKind as FailureKind | undefined;
}

function withKind(error: NodeApiError, kind: FailureKind): NodeApiError {
	error.context.failureKind = kind;
	return error;
}

async function send(context: ApiContext, call: ApiCall, timeoutMs: number): Promise<RawResponse> {
	const { request } = call;
	const headers: IDataObject = { ...request.headers };
	if (request.body !== undefined) {
		headers['Content-Type'] = request.form
			? 'application/x-www-form-urlencoded'
			: 'application/json; charset=utf-8';
	}
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.url,
		qs: request.qs,
		body: request.body,
		headers,
		timeout: timeoutMs,
		encoding: 'text',
		json: false,
		returnFullResponse: true,
		// 401 still throws so that n8n can renew an expirable credential and repeat the call.
		ignoreHttpStatusErrors: { ignore: true, except: [401] },
		skipSslCertificateValidation: request.skipSslCertificateValidation,
	};
	return (await context.helpers.httpRequestWithAuthentication.call(
		context,
		call.credentialType,
		options,
	)) as RawResponse;
}

async function credentialsOf(context: ApiContext, type: string): Promise<IDataObject | undefined> {
	try {
		return (await context.getCredentials(type)) as IDataObject;
	} catch {
		// No credential of this type on the node: nothing to redact, and the request says why.
		return undefined;
	}
}

function describeHttpFailure(rawBody: unknown): string {
	const parsed = parseJsonBody(rawBody);
	if (!parsed.ok) return `"${parsed.excerpt}"`;
	const body = parsed.value as IDataObject | undefined;
	const message =
		body?.message ?? body?.error_description ?? body?.error ?? (body && JSON.stringify(body));
	return message ? `"${excerptOf(String(message))}"` : 'the answer was empty';
}

function describeThrown(error: unknown, statusCode: number | undefined): string {
	if (statusCode === 401) return 'the credentials were refused; check them in the credential';
	const message = (error as Error)?.message;
	return message ? excerptOf(message) : 'the request failed';
}

function withAttempts(error: NodeApiError, attempts: number, reason?: string): NodeApiError {
	if (attempts > 1 || reason) {
		error.message += ` (gave up after ${attempts} attempt${attempts > 1 ? 's' : ''}${reason ? `: ${reason}` : ''})`;
	}
	return error;
}

function seconds(ms: number): string {
	return (ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1);
}
