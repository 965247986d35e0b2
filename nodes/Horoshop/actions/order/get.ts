import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResults } from '../../../shared/results/itemResults';
import { failExecutionOption } from '../../../shared/results/itemResults';
import { transportOptions } from '../../../shared/transport/retry';
import { fetchOrders } from '../../paging';
import type { HoroshopSession } from '../../session';
import { emitOrders, includeDeliveryDetails, itemError, orderIdParameter, orderIdProperty } from './common';

const show = { resource: ['order'], operation: ['get'] };

export const description: INodeProperties[] = [
	orderIdProperty(show),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		displayOptions: { show },
		default: {},
		options: [failExecutionOption, includeDeliveryDetails, ...transportOptions],
	},
];

export async function execute(this: IExecuteFunctions, session: HoroshopSession, results: ItemResults): Promise<void> {
	const options = this.getNodeParameter('options', 0, {}) as { additionalData?: boolean };
	for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
		let orders: unknown[];
		try {
			const id = orderIdParameter(this, this.getNodeParameter('orderId', itemIndex), 'Order ID', itemIndex);
			orders = await fetchOrders(
				this,
				session,
				{ ids: [id], additionalData: options.additionalData === true },
				{ pageSize: 1, limit: 1, itemIndex },
			);
			if (orders.length === 0) {
				throw new NodeOperationError(this.getNode(), `Order ${id} was not found in the shop`, { itemIndex });
			}
		} catch (error) {
			results.failure(itemIndex, itemError(this, error, itemIndex));
			continue;
		}
		emitOrders(this, results, itemIndex, orders, false);
	}
}
