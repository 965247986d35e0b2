import type { INodeProperties } from 'n8n-workflow';

/** The Resource selector every system node shows: each one works on orders only, for now. */
export const orderResource: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [{ name: 'Order', value: 'order' }],
	default: 'order',
};
