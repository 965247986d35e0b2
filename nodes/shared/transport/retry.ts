import type { INodeProperties } from 'n8n-workflow';

/** How hard the transport tries before it gives up; set by the node's "Retry" options. */
export interface RetryPolicy {
	maxAttempts: number;
	/** Upper bound on all waiting between attempts of one request, in ms. */
	maxTotalWaitMs: number;
	baseDelayMs: number;
	maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
	maxAttempts: 4,
	maxTotalWaitMs: 60_000,
	baseDelayMs: 500,
	maxDelayMs: 15_000,
};

/** Capped exponential backoff with full jitter: a random wait in [0, min(cap, base * 2^attempt)). */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random) {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	return Math.floor(random() * ceiling);
}

/** Reads Retry-After as seconds or as an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: unknown, now: number = Date.now()): number | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (text === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

/** Options every node puts into its "Options" collection: request timeout and retry. */
export const transportOptions: INodeProperties[] = [
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeoutSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 30,
		description: 'How long to wait for one answer before the attempt counts as failed',
	},
	{
		displayName: 'Retry',
		name: 'retry',
		type: 'fixedCollection',
		placeholder: 'Add Retry Settings',
		default: { settings: { maxAttempts: 4, maxTotalWaitSeconds: 60 } },
		description:
			'Requests the server did not take (connection refused, 429, 503) are retried with growing, randomised waits. After a timeout, a dropped connection or a 500/502/504 the server may have done the work, so only requests that are harmless to repeat (reads, updates by the receiver\'s ID) are retried; new orders then go to the error output as outcome unknown, never sent twice.',
		options: [
			{
				displayName: 'Settings',
				name: 'settings',
				values: [
					{
						displayName: 'Max Attempts',
						name: 'maxAttempts',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 10 },
						default: 4,
						description: 'Attempts per request, the first one included. 1 turns retrying off.',
					},
					{
						displayName: 'Max Total Wait (Seconds)',
						name: 'maxTotalWaitSeconds',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 60,
						description:
							"The most time one request may spend waiting between attempts, a server's Retry-After included",
					},
				],
			},
		],
	},
];

export interface TransportSettings {
	timeoutMs: number;
	retry: RetryPolicy;
}

interface TransportOptionValues {
	timeoutSeconds?: number;
	retry?: { settings?: { maxAttempts?: number; maxTotalWaitSeconds?: number } };
}

/** Turns the node's option values into transport settings, defaults filled in. */
export function transportSettings(optionValues: object = {}): TransportSettings {
	const options = optionValues as TransportOptionValues;
	const retry = options.retry?.settings ?? {};
	return {
		timeoutMs: (options.timeoutSeconds ?? 30) * 1000,
		retry: {
			...DEFAULT_RETRY,
			maxAttempts: retry.maxAttempts ?? DEFAULT_RETRY.maxAttempts,
			maxTotalWaitMs:
				retry.maxTotalWaitSeconds === undefined
					? DEFAULT_RETRY.maxTotalWaitMs
					: retry.maxTotalWaitSeconds * 1000,
		},
	};
}
