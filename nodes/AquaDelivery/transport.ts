/** The base URL without a trailing slash or `/v1`, as users paste either. */
export function aquaBaseUrl(value: unknown): string {
	return String(value ?? '')
		.trim()
		.replace(/\/+$/, '')
		.replace(/\/v1$/, '');
}
