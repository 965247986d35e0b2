import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResults } from '../../../shared/results/itemResults';
import { failExecutionOption } from '../../../shared/results/itemResults';
import { transportOptions } from '../../../shared/transport/retry';
import { fetchOrders, orderIdOf } from '../../paging';
import type { HoroshopSession } from '../../session';
import { emitOrders, includeDeliveryDetails, itemError, orderIdParameter, orderIdProperty } from './common';
import { DEFAULT_PAGE_SIZE } from './getMany';

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

/** Orders asked for in one `orders/get` call (with `ids`): what one page of Get Many holds. */
const ORDERS_PER_REQUEST = DEFAULT_PAGE_SIZE;

/**
 * Reads the asked orders with one `ids` request per up to 500 input items (paged on if the shop
 * answers fewer); each item gets its own order, or an error naming the order the shop did not return.
 */
export async function execute(this: IExecuteFunctions, session: HoroshopSession, results: ItemResults): Promise<void> {
	const options = this.getNodeParameter('options', 0, {}) as { additionalData?: boolean };
	const itemCount = this.getInputData().length;
	for (let first = 0; first < itemCount; first += ORDERS_PER_REQUEST) {
		const asked = new Map<number, number>();
		for (let itemIndex = first; itemIndex < Math.min(itemCount, first + ORDERS_PER_REQUEST); itemIndex++) {
			try {
				asked.set(itemIndex, orderIdParameter(this, this.getNodeParameter('orderId', itemIndex), 'Order ID', itemIndex));
			} catch (error) {
				results.failure(itemIndex, itemError(this, error, itemIndex));
			}
		}
		if (asked.size === 0) continue;
		const ids = [...new Set(asked.values())];
		const [firstAsked] = asked.keys();
		let found: Map<string, unknown>;
		try {
			const orders = await fetchOrders(
				this,
				session,
				{ ids, additionalData: options.additionalData === true },
				{ pageSize: ids.length, itemIndex: firstAsked },
			);
			found = new Map(orders.map((order) => [orderIdOf(order) ?? '', order]));
		} catch (error) {
			for (const itemIndex of asked.keys()) results.failure(itemIndex, itemError(this, error, itemIndex));
			continue;
		}
		for (const [itemIndex, id] of asked) {
			const order = found.get(String(id));
			if (order === undefined) {
				const error = new NodeOperationError(this.getNode(), `Order ${id} was not found in the shop`, { itemIndex });
				results.failure(itemIndex, error, { order_id: id });
				continue;
			}
			emitOrders(this, results, itemIndex, [order], false);
		}
	}
}
