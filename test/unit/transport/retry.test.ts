import {
	DEFAULT_RETRY,
	backoffDelay,
	parseRetryAfter,
	transportOptions,
	transportSettings,
} from '../../../nodes/shared/transport/retry';

describe('retry policy', () => {
	it('reads Retry-After given in seconds', () => {
		expect(parseRetryAfter('3')).toBe(3000);
		expect(parseRetryAfter('0')).toBe(0);
		expect(parseRetryAfter(2)).toBe(2000);
	});

	it('reads Retry-After given as an HTTP date', () => {
		const now = Date.parse('Sun, 22 Nov 2026 10:00:00 GMT');
		expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:05 GMT', now)).toBe(5000);
		expect(parseRetryAfter('Sun, 22 Nov 2026 09:59:00 GMT', now)).toBe(0);
	});

	it('ignores a missing or unreadable Retry-After', () => {
		expect(parseRetryAfter(undefined)).toBeUndefined();
		expect(parseRetryAfter('')).toBeUndefined();
		expect(parseRetryAfter('soon')).toBeUndefined();
	});

	it('backs off exponentially with full jitter, capped', () => {
		const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
		const highest = () => 0.999999;
		expect(backoffDelay(1, policy, highest)).toBe(99);
		expect(backoffDelay(2, policy, highest)).toBe(199);
		expect(backoffDelay(3, policy, highest)).toBe(399);
		expect(backoffDelay(10, policy, highest)).toBe(999);
		expect(backoffDelay(3, policy, () => 0)).toBe(0);
	});

	it('turns node options into settings with defaults for what is not set', () => {
		expect(transportSettings({})).toEqual({ timeoutMs: 30_000, retry: DEFAULT_RETRY });
		expect(
			transportSettings({ timeoutSeconds: 5, retry: { settings: { maxAttempts: 1, maxTotalWaitSeconds: 2 } } }),
		).toEqual({ timeoutMs: 5000, retry: { ...DEFAULT_RETRY, maxAttempts: 1, maxTotalWaitMs: 2000 } });
	});
});

describe('retry options on the node', () => {
	it('show the same defaults the transport uses when nothing is set', () => {
		const retry = transportOptions.find((option) => option.name === 'retry');
		expect(retry?.default).toEqual({
			settings: { maxAttempts: DEFAULT_RETRY.maxAttempts, maxTotalWaitSeconds: DEFAULT_RETRY.maxTotalWaitMs / 1000 },
		});
	});
});
