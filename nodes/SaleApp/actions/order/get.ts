import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ItemResults } from '../../../shared/results/itemResults';
import { findOrders } from '../../transport';
import { forEachItem, optionsProperty, plain, startOperation } from '../common';
import { param } from './fields';
import { readIdentity } from './identity';

const show = { resource: ['order'], operation: ['get'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Find By',
		name: 'findBy',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'SaleApp ID', value: 'id' },
			{ name: 'Order Number', value: 'number' },
			{ name: 'External ID', value: 'externalId', description: 'The ID the order was created with through the API' },
		],
		default: 'id',
		displayOptions: { show },
	},
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'number',
		default: 0,
		required: true,
		displayOptions: { show: { ...show, findBy: ['id'] } },
		description: "SaleApp's ID of the order",
	},
	{
		displayName: 'Order Number',
		name: 'orderNumber',
		type: 'number',
		default: 0,
		required: true,
		displayOptions: { show: { ...show, findBy: ['number'] } },
		description: "SaleApp's document number of the order",
	},
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { ...show, findBy: ['externalId'] } },
	},
	{
		displayName: 'Client ID',
		name: 'clientId',
		type: 'string',
		default: '',
		displayOptions: { show: { ...show, '/keyKind': ['organisation'] } },
		description: 'Only orders of this SaleApp client; useful when several clients have orders with the same external ID',
	},
	optionsProperty('get', [
		{
			displayName: 'When Not Found',
			name: 'notFound',
			type: 'options',
			options: [
				{
					name: 'Send to Error Output',
					value: 'error',
					description: 'An error naming the ID asked for (the workflow stops unless the node continues on error)',
				},
				{
					name: 'Output an Item With Found: False',
					value: 'item',
					description: 'An item with found: false and the ID asked for, on the main output',
				},
			],
			default: 'error',
			description: 'What to do when SaleApp has no order with this ID, number or external ID',
		},
	]),
];

const ASKED_BY = { id: 'ID', number: 'number', externalId: 'external ID' } as const;

/** One output item per order found; one item or error naming the ID asked for when there is none. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const session = await startOperation(this, true);
	const results = new ItemResults(this);
	const notFound = (this.getNodeParameter('options', 0, {}) as { notFound?: string }).notFound ?? 'error';

	await forEachItem(
		this,
		results,
		async (itemIndex) => {
			const clientId = session.kind === 'organisation' ? param(this, 'clientId', itemIndex, '').trim() : '';
			const identity = readIdentity(this, 'get', itemIndex);
			const orders = await findOrders(session, { ...identity, clientId: clientId || undefined }, itemIndex);
			for (const order of orders) results.success(itemIndex, plain(order));
			if (orders.length > 0) return;
			const [by, asked] = Object.entries(identity).find(([, value]) => value !== undefined) as [keyof typeof ASKED_BY, string | number];
			if (notFound === 'item') {
				results.success(itemIndex, { found: false, [by]: asked });
				return;
			}
			results.failure(itemIndex, `SaleApp has no order with ${ASKED_BY[by]} ${asked}`, { [by]: asked }, 'rejected');
		},
		session.secrets,
	);
	return results.output();
}
