import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { redact } from './redact';

export interface ApiErrorDetails {
	system: string;
	operation: string;
	message: string;
	statusCode?: number;
	description?: string;
	itemIndex?: number;
	secrets?: readonly string[];
}

/**
 * The one way an API failure leaves the transport: a NodeApiError that names the system,
 * the operation and the HTTP status, built from plain text only (never from the HTTP
 * client's error, which holds the request and its credentials), with secrets removed.
 */
export function apiError(node: INode, details: ApiErrorDetails): NodeApiError {
	const status = details.statusCode ? ` (HTTP ${details.statusCode})` : '';
	const message = redact(
		`${details.system}: ${details.operation} failed${status}: ${details.message}`,
		details.secrets,
	);
	const description = details.description ? redact(details.description, details.secrets) : undefined;
	const response: JsonObject = { message };
	if (details.statusCode) response.httpCode = String(details.statusCode);
	const error = new NodeApiError(node, response, {
		message,
		description,
		httpCode: details.statusCode ? String(details.statusCode) : undefined,
		itemIndex: details.itemIndex,
	});
	// NodeApiError swaps a message that mentions ECONNREFUSED, ETIMEDOUT, ... for a generic
	// sentence without the system or operation; keep ours.
	error.message = message;
	return error;
}

const NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ENOTFOUND',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

export interface NetworkFailure {
	code: string;
	timedOut: boolean;
}

/** Finds the network-level cause (reset, refused, timeout) in an error and its causes. */
export function networkFailureOf(error: unknown): NetworkFailure | undefined {
	let current = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		const code = typeof current.code === 'string' ? current.code : '';
		const message = typeof current.message === 'string' ? current.message : '';
		const timedOut = /timeout/i.test(message) || code === 'ETIMEDOUT' || code === 'ECONNABORTED';
		if (NETWORK_CODES.has(code) || timedOut || /socket hang up/i.test(message)) {
			return { code: code || (timedOut ? 'ETIMEDOUT' : 'ECONNRESET'), timedOut };
		}
		current = current.cause as typeof current;
	}
	return undefined;
}

/** The HTTP status an n8n request helper attached to its error, if any. */
export function statusOf(error: unknown): number | undefined {
	const candidate = error as { httpCode?: unknown; response?: { status?: unknown } } | undefined;
	const raw = candidate?.httpCode ?? candidate?.response?.status;
	const status = Number(raw);
	return Number.isInteger(status) && status >= 100 ? status : undefined;
}
