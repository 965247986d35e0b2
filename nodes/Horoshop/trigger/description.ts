import type { INodeProperties } from 'n8n-workflow';

import { includeDeliveryDetails } from '../actions/order/common';
import { DEFAULT_PAGE_SIZE } from '../actions/order/getMany';
import { transportOptions } from '../../shared/transport/retry';
import type { TriggerEvent } from './changes';

export const DEFAULT_LOOKBACK_DAYS = 2;

/** How many orders a manual run (Fetch Test Event) shows. */
export const SAMPLE_SIZE = 5;

export const EVENT_NAMES: Record<TriggerEvent, string> = {
	newOrder: 'New Order',
	statusChanged: 'Order Status Changed',
	paid: 'Order Paid',
};

export const eventProperty: INodeProperties = {
	displayName: 'Event',
	name: 'event',
	type: 'options',
	noDataExpression: true,
	default: 'newOrder',
	options: [
		{ name: EVENT_NAMES.newOrder, value: 'newOrder', description: 'An order the trigger has not seen before' },
		{
			name: EVENT_NAMES.statusChanged,
			value: 'statusChanged',
			description: 'An order seen before whose status is now another one',
		},
		{
			name: EVENT_NAMES.paid,
			value: 'paid',
			description: 'An order seen before unpaid that is now paid, or a new order that is already paid',
		},
	],
};

export interface TriggerOptions {
	lookbackDays?: number;
	emitExisting?: boolean;
	statuses?: unknown[];
	additionalData?: boolean;
	pageSize?: number;
	timeoutSeconds?: number;
	retry?: unknown;
}

export const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Emit Orders Already There on First Poll',
			name: 'emitExisting',
			type: 'boolean',
			default: false,
			description:
				'Whether the first poll after activation emits the orders of the lookback window already in the shop (for New Order: all of them; for Order Paid: the paid ones). Off: the first poll only remembers them, and only orders that arrive or change afterwards start the workflow.',
		},
		includeDeliveryDetails,
		{
			displayName: 'Lookback (Days)',
			name: 'lookbackDays',
			type: 'number',
			typeOptions: { minValue: 0.01, numberPrecision: 2 },
			default: DEFAULT_LOOKBACK_DAYS,
			description:
				'Each poll reads again every order placed this long before the newest order seen, so orders the shop writes late and changes to recent orders are caught. Changes to orders placed earlier are not seen.',
		},
		{
			displayName: 'Only Status Names or IDs',
			name: 'statuses',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getStatuses' },
			default: [],
			description:
				'Start the workflow only for orders (now) in these statuses, e.g. Order Status Changed to Delivered. Empty: any status. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Page Size',
			name: 'pageSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 500 },
			default: DEFAULT_PAGE_SIZE,
			description: 'How many orders to ask the shop for per request',
		},
		...transportOptions,
	],
};
