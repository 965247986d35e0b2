import { DateTime } from 'luxon';
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { withoutEmpty } from '../orders/read';
import type { ImportInput } from './engine';

/** Which receiver the form is for: Aqua has `ask_for_checkout` and Aqua line ids, 1C does not. */
export type FormSystem = 'aqua' | 'onec';

const LINES_EXAMPLE = '[\n  {\n    "product_id": "WTR-19",\n    "price": 150,\n    "quantity": 2\n  }\n]';

/**
 * The order's fields on the node's form, used when each input item is not already an order.
 * Every field takes an expression, so any item shape can be turned into an order here.
 */
export function orderSourceProperties(displayOptions: IDisplayOptions, system: FormSystem): INodeProperties[] {
	const fromFields: IDisplayOptions = { show: { ...displayOptions.show, orderSource: ['fields'] } };
	const lineIdHint =
		system === 'aqua'
			? '"id" (the line\'s id in your system), "order_product_id" (Aqua\'s line id), "name"'
			: '"id" (the line\'s id in 1C), "name"';
	const extra: INodeProperties[] = [
		{ displayName: 'Client Email', name: 'clientEmail', type: 'string', placeholder: 'e.g. name@email.com', default: '' },
		{
			displayName: 'Client External ID',
			name: 'clientExternalId',
			type: 'string',
			default: '',
			description: 'The ID the receiving system gave the client, if you stored it',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			description: 'The client\'s ID in your system; with it, name and phone are optional',
		},
		{ displayName: 'Coins', name: 'coins', type: 'number', default: 0, description: 'Loyalty points paying for the order' },
		{ displayName: 'Comment', name: 'comment', type: 'string', default: '' },
		{ displayName: 'Created At', name: 'createdAt', type: 'dateTime', default: '' },
		{ displayName: 'Delivery Cost', name: 'deliveryCost', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0 },
		{ displayName: 'Entrance', name: 'entrance', type: 'string', default: '' },
		{
			displayName: 'External ID',
			name: 'externalId',
			type: 'string',
			default: '',
			description: 'The ID the receiving system gave this order on an earlier import. Send it back to avoid duplicates.',
		},
		{ displayName: 'Floor', name: 'floor', type: 'string', default: '' },
		{ displayName: 'Payment Type', name: 'paymentType', type: 'string', default: '', placeholder: 'e.g. cash' },
		{ displayName: 'Returned Bottles', name: 'returnedBottles', type: 'number', typeOptions: { minValue: 0 }, default: 0 },
		{ displayName: 'Room', name: 'room', type: 'string', default: '', description: 'Flat or office number' },
	];
	if (system === 'aqua') {
		extra.splice(0, 0, {
			displayName: 'Ask for Documents',
			name: 'askForCheckout',
			type: 'options',
			options: [
				{ name: 'Bill', value: 'bill' },
				{ name: 'Agreement', value: 'agreement' },
			],
			default: 'bill',
			description: 'Whether the client wants a bill or an agreement',
		});
	}

	return [
		{
			displayName: 'Order Source',
			name: 'orderSource',
			type: 'options',
			options: [
				{
					name: 'Input Item Is the Order',
					value: 'json',
					description: 'Each input item already is an order in this format, e.g. from the Order Transformer',
				},
				{ name: 'Fields Below', value: 'fields', description: 'Build each order from the fields below' },
			],
			default: 'json',
			displayOptions,
		},
		{
			displayName: 'Order ID',
			name: 'orderId',
			type: 'string',
			required: true,
			default: '',
			description: 'The order\'s ID in your system. Results come back under it.',
			displayOptions: fromFields,
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'New', value: 'new' },
				{ name: 'Approved', value: 'approved', description: 'A courier is assigned' },
				{ name: 'Completed', value: 'completed', description: 'Delivered' },
				{ name: 'Removed', value: 'removed', description: 'Cancelled' },
			],
			default: 'new',
			displayOptions: fromFields,
		},
		{
			displayName: 'Total',
			name: 'total',
			type: 'number',
			typeOptions: { numberPrecision: 2 },
			required: true,
			default: 0,
			description: 'Order total, delivery included',
			displayOptions: fromFields,
		},
		{
			displayName: 'Delivery From',
			name: 'shippingDateFrom',
			type: 'dateTime',
			required: true,
			default: '',
			description: 'Start of the delivery window (the workflow\'s time zone when no offset is given)',
			displayOptions: fromFields,
		},
		{
			displayName: 'Delivery To',
			name: 'shippingDateTo',
			type: 'dateTime',
			required: true,
			default: '',
			displayOptions: fromFields,
		},
		{
			displayName: 'Client Name',
			name: 'clientName',
			type: 'string',
			default: '',
			description: 'Required for a client the receiving system does not know yet',
			displayOptions: fromFields,
		},
		{
			displayName: 'Client Phone',
			name: 'clientPhone',
			type: 'string',
			default: '',
			placeholder: 'e.g. +380671234567 or +79161234567',
			description: 'Required for a client the receiving system does not know yet; at most 12 characters',
			displayOptions: fromFields,
		},
		{ displayName: 'City', name: 'city', type: 'string', required: true, default: '', displayOptions: fromFields },
		{ displayName: 'Street', name: 'street', type: 'string', required: true, default: '', displayOptions: fromFields },
		{
			displayName: 'House',
			name: 'house',
			type: 'string',
			required: true,
			default: '',
			description: 'At most 10 characters',
			displayOptions: fromFields,
		},
		{
			displayName: 'Address Line',
			name: 'addressLine',
			type: 'string',
			required: true,
			default: '',
			description: 'The whole delivery address as one line',
			displayOptions: fromFields,
		},
		{
			displayName: 'Order Lines (JSON)',
			name: 'lines',
			type: 'json',
			required: true,
			default: LINES_EXAMPLE,
			description: `A list of lines, each with "product_id", "price" and "quantity"; optional ${lineIdHint}. Usually an expression that reads the lines from the input item.`,
			displayOptions: fromFields,
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: fromFields,
			options: extra,
		},
	];
}

/**
 * The orders of all input items, not yet validated. In "fields" mode each item's fields are
 * read once; a field that cannot be read (lines that are not JSON) fails only that item.
 */
export function readOrders(
	context: IExecuteFunctions,
	system: FormSystem,
	onUnreadable: (itemIndex: number, error: NodeOperationError) => void,
): ImportInput[] {
	const items = context.getInputData();
	if (context.getNodeParameter('orderSource', 0) === 'json') {
		return items.map((item, itemIndex) => ({ itemIndex, order: item.json }));
	}
	const inputs: ImportInput[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			inputs.push({ itemIndex, order: orderFromFields(context, system, itemIndex) });
		} catch (error) {
			onUnreadable(itemIndex, error as NodeOperationError);
		}
	}
	return inputs;
}

function orderFromFields(context: IExecuteFunctions, system: FormSystem, itemIndex: number): IDataObject {
	const param = (name: string) => context.getNodeParameter(name, itemIndex, '') as string | number;
	const more = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const timezone = context.getTimezone();

	const order: IDataObject = {
		id: param('orderId'),
		status: param('status'),
		total: param('total'),
		shipping_date_from: withZone(param('shippingDateFrom'), timezone),
		shipping_date_to: withZone(param('shippingDateTo'), timezone),
		order_item_list: linesOf(context, context.getNodeParameter('lines', itemIndex), itemIndex) as IDataObject[],
		client: withoutEmpty({
			id: more.clientId,
			external_id: more.clientExternalId,
			username: param('clientName'),
			phone: param('clientPhone'),
			emai: more.clientEmail,
		}),
		shipping_address: withoutEmpty({
			city: param('city'),
			street: param('street'),
			house: param('house'),
			entrance: more.entrance,
			floor: more.floor,
			room: more.room,
			str: param('addressLine'),
		}),
	};
	Object.assign(
		order,
		withoutEmpty({
			external_id: more.externalId,
			created_at: more.createdAt === undefined ? undefined : withZone(more.createdAt as string, timezone),
			delivery_cost: more.deliveryCost,
			coins: more.coins,
			payment_type: more.paymentType,
			comment: more.comment,
			count_of_returned_bottles: more.returnedBottles,
			ask_for_checkout: system === 'aqua' ? more.askForCheckout : undefined,
		}),
	);
	return order;
}

function linesOf(context: IExecuteFunctions, value: unknown, itemIndex: number): unknown {
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value) as unknown;
	} catch {
		throw new NodeOperationError(context.getNode(), 'Order Lines (JSON) is not valid JSON', {
			itemIndex,
			description: 'Give a list such as [{"product_id": "WTR-19", "price": 150, "quantity": 2}], or an expression like {{ $json.items }}',
		});
	}
}

/** A date picked on the form has no offset: it is meant in the workflow's time zone. */
function withZone(value: string | number, timezone: string): string | number {
	if (typeof value !== 'string' || value.trim() === '') return value;
	const parsed = DateTime.fromISO(value.trim(), { zone: timezone, setZone: true });
	return parsed.isValid ? parsed.toISO({ suppressMilliseconds: true }) ?? value : value;
}
