import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

/**
 * Aqua-delivery: a ready API token, or a login and password exchanged at `POST /v1/auth/login`
 * for `data.auth_key`. Either way n8n keeps the token in the hidden `sessionToken` field, gets a
 * new one when it is empty or a request comes back 401, and sends it as `Authorization: Bearer`.
 */
export class AquaDeliveryApi implements ICredentialType {
	name = 'aquaDeliveryApi';

	displayName = 'Aqua Delivery API';

	icon: Icon = { light: 'file:../nodes/AquaDelivery/aquaDelivery.svg', dark: 'file:../nodes/AquaDelivery/aquaDelivery.dark.svg' };

	documentationUrl = 'https://github.com/order-sync/n8n-nodes-order-sync/blob/main/docs/nodes/aqua-delivery.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: 'https://api.aqua-delivery.ru',
			description: 'Aqua-delivery\'s API address; the test system is https://api.test.aqua-delivery.ru',
		},
		{
			displayName: 'Sign In With',
			name: 'signInMethod',
			type: 'options',
			options: [
				{ name: 'Login and Password', value: 'login' },
				{ name: 'API Token', value: 'token' },
			],
			default: 'login',
		},
		{
			displayName: 'Login',
			name: 'login',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show: { signInMethod: ['login'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			required: true,
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { signInMethod: ['login'] } },
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			required: true,
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { signInMethod: ['token'] } },
		},
		{
			displayName:
				'Test checks an API token with an empty order import (no order is created): Aqua has no read-only request to check it with',
			name: 'testNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { signInMethod: ['token'] } },
		},
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		// A ready token needs no exchange; authenticate() sends it as it is.
		if (credentials.signInMethod === 'token') return {};
		let answer: { success?: boolean; message?: string; data?: { auth_key?: string } } | undefined;
		try {
			answer = (await this.helpers.httpRequest({
				method: 'POST',
				url: `${aquaBaseUrl(credentials.baseUrl)}/v1/auth/login`,
				body: { login: credentials.login, password: credentials.password },
				json: true,
				timeout: 30_000,
			})) as typeof answer;
		} catch (error) {
			const status = Number(
				(error as { httpCode?: string }).httpCode ?? (error as { response?: { status?: number } }).response?.status,
			);
			if (status === 429 || status >= 500) {
				// Aqua could not take the sign-in now: the node tries again later, as for any busy server.
				throw Object.assign(new Error(`Aqua Delivery could not sign in now (HTTP ${status}); it is tried again`), { httpCode: String(status) });
			}
			throw new Error(
				status
					? `Aqua Delivery refused the sign-in (HTTP ${status}): check the login and password`
					: `Aqua Delivery could not be reached to sign in: check the base URL`,
			);
		}
		const token = answer?.data?.auth_key;
		if (answer?.success === false || typeof token !== 'string' || token === '') {
			throw new Error('Aqua Delivery refused the sign-in: check the login and password');
		}
		return { sessionToken: token };
	}

	// A function rather than the generic form: the token to send depends on how the user signs in.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const token = credentials.signInMethod === 'token' ? credentials.apiToken : credentials.sessionToken;
		requestOptions.headers = { ...requestOptions.headers, Authorization: `Bearer ${String(token ?? '')}` };
		return requestOptions;
	}

	// With a login, the sign-in (preAuthentication) is the check, and the test repeats it: harmless.
	// A ready token can only be checked by an empty import (no order is created): seed 000 and the
	// public client code show no request of Aqua's that reads without importing.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "").replace(/\\/v1$/, "")}}',
			url: '={{$credentials.signInMethod === "token" ? "/v1/order/import/" : "/v1/auth/login"}}',
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			// A string: n8n's declarative request would merge an array body into an object.
			body: '={{$credentials.signInMethod === "token" ? "[]" : JSON.stringify({ login: $credentials.login, password: $credentials.password })}}',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Aqua Delivery refused the API token (tested with an empty order import, which creates nothing: Aqua has no read-only request to test a token with)',
				},
			},
			{
				type: 'responseCode',
				properties: { value: 404, message: 'Nothing found at this address: check the base URL' },
			},
		],
	};
}

/** The base URL without a trailing slash or `/v1`, as users paste either. */
function aquaBaseUrl(value: unknown): string {
	return String(value ?? '').trim().replace(/\/+$/, '').replace(/\/v1$/, '');
}
