import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class SaleAppApi implements ICredentialType {
	name = 'saleAppApi';

	displayName = 'SaleApp API';

	icon = { light: 'file:../nodes/SaleApp/saleApp.svg', dark: 'file:../nodes/SaleApp/saleApp.dark.svg' } as const;

	documentationUrl = 'https://github.com/order-sync/n8n-nodes-order-sync/blob/main/docs/nodes/saleapp.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://apps.conwix.com/server/api',
			placeholder: 'https://apps.conwix.com/server/api',
			description: 'The address of the SaleApp API, without "/Orders" at the end',
			required: true,
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The API key from SaleApp settings (the organisation key or a counterparty key)',
			required: true,
		},
		{
			displayName: 'Key Kind',
			name: 'kind',
			type: 'options',
			options: [
				{
					name: 'Organisation Key',
					value: 'organisation',
					description: "The organisation's global key: orders need a client, currency and warehouse ID",
				},
				{
					name: 'Counterparty Key',
					value: 'counterparty',
					description:
						"A counterparty's key: client, currency and warehouse are the ones chosen when the key was made",
				},
			],
			default: 'organisation',
			description: 'Which kind of key this is; it decides which order fields SaleApp expects',
		},
	];

	// SaleApp reads the key from the query string of every call.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			qs: { secret_key: '={{$credentials.secretKey}}' },
		},
	};

	// A lookup of an order that cannot exist: harmless; seed 003 answers a GET with the list of the
	// orders found (empty here) and error "false", and error "true" to a wrong key. n8n's declarative
	// rules match exact values only, so a SaleApp that called "not found" an error would fail here.
	// The node's own lookups (transport.ts) take that answer as "no order".
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/Orders',
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: { method_type: 'GET', external_id: 'n8n-credential-check' },
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: { key: 'error', value: 'true', message: 'SaleApp answered an error to a lookup of an order that cannot exist (which finds nothing with a right key): check the Secret Key' },
			},
			{
				type: 'responseSuccessBody',
				properties: { key: 'error', value: true, message: 'SaleApp answered an error to a lookup of an order that cannot exist (which finds nothing with a right key): check the Secret Key' },
			},
		],
	};
}
