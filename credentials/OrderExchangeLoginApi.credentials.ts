import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The login a caller (Aqua-delivery, a shop) must send to the Order Exchange Trigger, as it would
 * to a 1C HTTP service: HTTP Basic. n8n checks it; it is never sent anywhere, so its test (in the
 * trigger, `testedBy`) checks that it can be carried by HTTP Basic at all.
 */
export class OrderExchangeLoginApi implements ICredentialType {
	name = 'orderExchangeLoginApi';

	displayName = 'Order Exchange Login API';

	icon: Icon = { light: 'file:../nodes/OrderExchange/orderExchange.svg', dark: 'file:../nodes/OrderExchange/orderExchange.dark.svg' };

	documentationUrl = 'https://github.com/order-sync/n8n-nodes-order-sync/blob/main/docs/nodes/order-exchange.md';

	properties: INodeProperties[] = [
		{
			displayName: 'User',
			name: 'user',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. aqua',
			description: 'The user the caller signs in with; in Aqua-delivery, the 1C user of its 1C exchange settings',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
	];
}
