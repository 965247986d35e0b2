import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * Horoshop signs in with an admin user's login and password (`POST /api/auth/`) and hands out a
 * token that lives 600 seconds and travels in the JSON body of every call. The Horoshop node
 * gets and renews that token itself, so this credential only holds what `auth` needs.
 */
export class HoroshopApi implements ICredentialType {
	name = 'horoshopApi';

	displayName = 'Horoshop API';

	icon = { light: 'file:../nodes/Horoshop/horoshop.svg', dark: 'file:../nodes/Horoshop/horoshop.dark.svg' } as const;

	documentationUrl = 'https://github.com/order-sync/n8n-nodes-order-sync/blob/main/docs/nodes/horoshop.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Shop URL',
			name: 'shopUrl',
			type: 'string',
			default: '',
			placeholder: 'https://myshop.com.ua',
			description:
				'The address of your shop. If the shop opens over https, use https here too: Horoshop only answers the API on the scheme the shop uses.',
			required: true,
		},
		{
			displayName: 'Login',
			name: 'login',
			type: 'string',
			default: '',
			description: 'Login of a Horoshop admin user that is allowed to use the API',
			required: true,
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Shop Timezone',
			name: 'shopTimezone',
			type: 'string',
			default: 'Europe/Kyiv',
			placeholder: 'e.g. Europe/Kyiv',
			description:
				'The time zone the shop writes order times in and reads its date filters in (its own local time, without a zone): Europe/Kyiv for a Ukrainian shop',
		},
	];

	// Horoshop answers HTTP 200 to a wrong login too; only the body's status tells.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ ($credentials.shopUrl.includes("://") ? $credentials.shopUrl : "https://" + $credentials.shopUrl).trim().replace(/\\/+$/, "").replace(/\\/api$/, "") }}',
			url: '/api/auth/',
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: { login: '={{$credentials.login}}', password: '={{$credentials.password}}' },
			json: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status',
					value: 'ERROR',
					message:
						'Horoshop refused the login or password. Check them, and that this admin user is allowed to use the API.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status',
					value: 'UNDEFINED_FUNCTION',
					message: 'This address does not answer like a Horoshop shop. Check the shop URL.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'response.token',
					value: undefined,
					message: 'Horoshop did not hand out a token. Check the shop URL, login and password.',
				},
			},
		],
	};
}
