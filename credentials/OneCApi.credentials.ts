import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestMethods,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

/**
 * A 1C:Enterprise infobase published on a web server: HTTP Basic with a 1C user. The header is
 * built here because 1C user names are often Cyrillic and must be encoded as UTF-8, which the
 * HTTP client's own `auth` option does not do.
 */
export class OneCApi implements ICredentialType {
	name = 'oneCApi';

	displayName = '1C API';

	icon: Icon = { light: 'file:../nodes/OneCOrders/oneCOrders.svg', dark: 'file:../nodes/OneCOrders/oneCOrders.dark.svg' };

	documentationUrl = 'https://github.com/order-sync/n8n-nodes-order-sync/blob/main/docs/nodes/1c.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Server URL',
			name: 'serverUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://192.168.1.10:8080',
			required: true,
			description: 'Scheme, host and port of the web server the infobase is published on',
		},
		{
			displayName: 'Publication Name',
			name: 'publication',
			type: 'string',
			default: '',
			placeholder: 'e.g. trade',
			required: true,
			description: 'The name the infobase was published under (the first part of the path)',
		},
		{
			displayName: 'User',
			name: 'user',
			type: 'string',
			default: '',
			description: 'The 1C user; leave empty when the publication signs in by itself',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{
			displayName: 'Test With',
			name: 'testWith',
			type: 'options',
			options: [
				{
					name: 'HTTP Service',
					value: 'service',
					description: 'POSTs an empty order list to the exchange\'s HTTP service (seed 001): nothing is created',
				},
				{
					name: 'OData',
					value: 'odata',
					description: 'Reads the root of the standard OData interface (for Get Many), which must be published',
				},
			],
			default: 'service',
			description: 'What the credential\'s Test checks: the HTTP service Send uses, or the OData interface Get Many uses',
		},
		{
			displayName: 'HTTP Service to Test',
			name: 'testService',
			type: 'string',
			default: 'AquaDeliveri/getOrdersURL',
			placeholder: 'e.g. AquaDeliveri/getOrdersURL',
			description: 'The HTTP service\'s Root URL and Service Method URL as set on the 1C Orders node, joined by /',
			displayOptions: { show: { testWith: ['service'] } },
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSslIssues',
			type: 'boolean',
			default: false,
			description: 'Whether to connect even if the server\'s certificate cannot be verified (self-signed certificates on your own server)',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const user = String(credentials.user ?? '');
		if (credentials.ignoreSslIssues === true) requestOptions.skipSslCertificateValidation = true;
		if (user === '') return requestOptions;
		const basic = utf8Base64(`${user}:${String(credentials.password ?? '')}`);
		requestOptions.headers = { ...requestOptions.headers, Authorization: `Basic ${basic}` };
		return requestOptions;
	}

	// One request, as n8n's declarative test allows (a test function would need the deprecated
	// helpers.request): the HTTP service with an empty order list, or the OData root. 404 (often an
	// HTML page) means a wrong URL, publication or service, 401 a wrong user or password.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.serverUrl.replace(/\\/+$/, "")}}/{{encodeURIComponent($credentials.publication.replace(/^\\/+|\\/+$/g, ""))}}',
			url: '={{$credentials.testWith === "odata" ? "/odata/standard.odata/?$format=json" : "/hs/" + String($credentials.testService || "AquaDeliveri/getOrdersURL").replace(/^\\/+|\\/+$/g, "")}}',
			// n8n resolves expressions in every field of the request; the type names literal methods only.
			method: '={{$credentials.testWith === "odata" ? "GET" : "POST"}}' as IHttpRequestMethods,
			headers: { 'Content-Type': 'application/json' },
			// A string: n8n's declarative request would merge an array body into an object.
			body: '={{$credentials.testWith === "odata" ? "" : "[]"}}',
			skipSslCertificateValidation: '={{$credentials.ignoreSslIssues}}',
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: '1C refused the user or password' },
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'Nothing found at this address: check the Server URL and the Publication Name, then HTTP Service to Test (Test With: HTTP Service posts an empty order list there) or that OData is published (Test With: OData)',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 500,
					message:
						'The server, publication and user are right, but 1C\'s HTTP service failed on an empty order list (HTTP 500): ask your 1C administrator, or test with OData',
				},
			},
		],
	};
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of the text's UTF-8 bytes, so "Менеджер:пароль" reaches 1C intact. */
function utf8Base64(text: string): string {
	const bytes = new TextEncoder().encode(text);
	let out = '';
	for (let i = 0; i < bytes.length; i += 3) {
		const [a, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
		const n = (a << 16) | (b << 8) | c;
		out += BASE64[(n >> 18) & 63] + BASE64[(n >> 12) & 63];
		out += i + 1 < bytes.length ? BASE64[(n >> 6) & 63] : '=';
		out += i + 2 < bytes.length ? BASE64[n & 63] : '=';
	}
	return out;
}
