import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readHoroshopOrder } from '../../../shared/orders/horoshop/read';
import { Problems, describeOrderProblems } from '../../../shared/orders/problems';
import type { ItemError, ItemResults } from '../../../shared/results/itemResults';
import { orderIdOf } from '../../paging';

export const includeDeliveryDetails: INodeProperties = {
	displayName: 'Include Delivery Details',
	name: 'additionalData',
	type: 'boolean',
	default: false,
	description:
		"Whether to also get each order's delivery blocks (Horoshop's additionalData): Nova Poshta / Ukrposhta waybill, sender and recipient warehouses, redelivery",
};

/** The order an operation works on, by its number in the shop (read with `orderIdParameter`). */
export function orderIdProperty(show: { resource: string[]; operation: string[] }): INodeProperties {
	return {
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		required: true,
		displayOptions: { show },
		default: '',
		placeholder: 'e.g. 1021',
		description: 'The number of the order in the shop',
	};
}

/** The error to put on an item: API and input errors as they are, anything else wrapped with the item's index. */
export function itemError(context: IExecuteFunctions, error: unknown, itemIndex: number): ItemError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

/** Reads a positive whole order id from a parameter; throws naming the field otherwise. */
export function orderIdParameter(context: IExecuteFunctions, value: unknown, field: string, itemIndex: number): number {
	const id = typeof value === 'number' ? value : Number(String(value ?? '').trim());
	if (!Number.isInteger(id) || id <= 0 || String(value ?? '').trim() === '') {
		throw new NodeOperationError(context.getNode(), `${field} must be a whole number above 0, got ${JSON.stringify(value ?? '')}`, {
			itemIndex,
		});
	}
	return id;
}

/** "12, 13 14", [12, "13"], 12 -> [12, 13, 14]; throws naming the field on anything that is not a whole number. */
export function idListParameter(context: IExecuteFunctions, value: unknown, field: string, itemIndex: number): number[] {
	const parts = (Array.isArray(value) ? value : String(value ?? '').split(/[\s,;]+/)).filter(
		(part) => part !== '' && part !== null && part !== undefined,
	);
	return parts.map((part) => orderIdParameter(context, part, `Each value of ${field}`, itemIndex));
}

/**
 * Puts orders on the output: each one read through the wire schema (numbers sent as strings
 * become numbers, `[]` blocks become null), one item per order or one per product line. An
 * order the schema cannot read goes to the error output with its id and the field at fault.
 */
export function emitOrders(
	context: IExecuteFunctions,
	results: ItemResults,
	itemIndex: number,
	orders: unknown[],
	perLine: boolean,
): void {
	for (const raw of orders) {
		const problems = new Problems();
		const order = readHoroshopOrder(raw, problems) as (IDataObject & { products: IDataObject[] }) | undefined;
		if (!order) {
			const id = orderIdOf(raw) ?? '(no order_id)';
			const message = describeOrderProblems(id, problems.errors);
			results.failure(itemIndex, new NodeOperationError(context.getNode(), message, { itemIndex }), {
				order_id: id,
				order: raw as IDataObject,
			});
			continue;
		}
		if (!perLine) {
			results.success(itemIndex, order);
			continue;
		}
		const { products, ...fields } = order;
		if (products.length === 0) results.success(itemIndex, { ...fields, product: null, line_number: 0 });
		products.forEach((product, index) => results.success(itemIndex, { ...fields, product, line_number: index + 1 }));
	}
}
