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
	optionsProperty('get'),
];

/** One output item per order found; none when SaleApp has no such order. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const session = await startOperation(this, true);
	const results = new ItemResults(this);

	await forEachItem(
		this,
		results,
		async (itemIndex) => {
			const clientId = session.kind === 'organisation' ? param(this, 'clientId', itemIndex, '').trim() : '';
			const lookup = { ...readIdentity(this, 'get', itemIndex), clientId: clientId || undefined };
			for (const order of await findOrders(session, lookup, itemIndex)) results.success(itemIndex, plain(order));
		},
		session.secrets,
	);
	return results.output();
}
