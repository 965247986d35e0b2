export interface OneCConnection {
	/** `<server>/<publication>`, the publication percent-encoded (it may be Cyrillic). */
	baseUrl: string;
	skipSslCertificateValidation: boolean;
}

/** Where the infobase is, from the credential's server URL and publication name. */
export function oneCConnection(credentials: { serverUrl?: unknown; publication?: unknown; ignoreSslIssues?: unknown }): OneCConnection {
	const server = String(credentials.serverUrl ?? '').trim().replace(/\/+$/, '');
	const publication = String(credentials.publication ?? '').trim().replace(/^\/+|\/+$/g, '');
	return {
		baseUrl: `${server}/${encodePath(publication)}`,
		skipSslCertificateValidation: credentials.ignoreSslIssues === true,
	};
}

/** Percent-encodes each segment of a path (Cyrillic names), keeping the slashes. */
export function encodePath(path: string): string {
	return path
		.split('/')
		.filter((segment) => segment !== '')
		.map((segment) => encodeURIComponent(segment))
		.join('/');
}

/** What a 404 from 1C (or the web server in front of it) asks the user to check. */
export function notFoundAdvice(onTheNode: string): Record<number, string> {
	return { 404: `check the Server URL and Publication Name in the credential, and the ${onTheNode} on the node` };
}
