import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResults } from '../../../shared/results/itemResults';
import { failExecutionOption } from '../../../shared/results/itemResults';
import { transportOptions } from '../../../shared/transport/retry';
import { fetchOrders } from '../../paging';
import type { OrdersFilter } from '../../paging';
import type { HoroshopSession } from '../../session';
import { toShopTime } from '../../shopTime';
import { emitOrders, idListParameter, includeDeliveryDetails, itemError } from './common';

const show = { resource: ['order'], operation: ['getAll'] };

export const DEFAULT_PAGE_SIZE = 500;

export const description: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		displayOptions: { show },
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		displayOptions: { show: { ...show, returnAll: [false] } },
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		displayOptions: { show },
		default: {},
		options: [
			{
				displayName: 'Created From',
				name: 'from',
				type: 'dateTime',
				default: '',
				description:
					"Only orders placed at or after this time. Sent to the shop in its own time (the credential's Shop Timezone) as YYYY-MM-DD HH:mm:ss.",
			},
			{
				displayName: 'Created To',
				name: 'to',
				type: 'dateTime',
				default: '',
				description:
					"Only orders placed at or before this time. Sent to the shop in its own time (the credential's Shop Timezone) as YYYY-MM-DD HH:mm:ss.",
			},
			{
				displayName: 'Order IDs',
				name: 'ids',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1021, 1022',
				description: 'Only these orders: their numbers, separated by commas',
			},
			{
				displayName: 'Status Names or IDs',
				name: 'statuses',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getStatuses' },
				default: [],
				description:
					'Only orders in these statuses. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		displayOptions: { show },
		default: {},
		options: [
			includeDeliveryDetails,
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				default: 'orders',
				options: [
					{ name: 'One Item per Order', value: 'orders', description: 'Each order with its products in a list' },
					{
						name: 'One Item per Product Line',
						value: 'lines',
						description: "Each product line as an item of its own, with its order's fields alongside",
					},
				],
			},
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 500 },
				default: DEFAULT_PAGE_SIZE,
				description:
					'How many orders to ask the shop for per request. Horoshop documents no maximum; 500 is what its other export functions allow.',
			},
			failExecutionOption,
			...transportOptions,
		],
	},
];

interface Filters {
	from?: unknown;
	to?: unknown;
	ids?: unknown;
	statuses?: unknown;
}

interface Options {
	additionalData?: boolean;
	output?: 'orders' | 'lines';
	pageSize?: number;
}

export async function execute(this: IExecuteFunctions, session: HoroshopSession, results: ItemResults): Promise<void> {
	const zones = { workflow: this.getTimezone(), shop: session.timezone };
	// How to read and output (page size, output shape, delivery details) is one choice per run.
	const options = this.getNodeParameter('options', 0, {}) as Options;
	for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
		let orders: unknown[];
		try {
			const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
			const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
			const filters = this.getNodeParameter('filters', itemIndex, {}) as Filters;
			const filter: OrdersFilter = {
				from: shopTimeParameter(this, filters.from, 'Created From', zones, itemIndex),
				to: shopTimeParameter(this, filters.to, 'Created To', zones, itemIndex),
				ids: idListParameter(this, filters.ids, 'Order IDs', itemIndex),
				statuses: idListParameter(this, filters.statuses, 'Statuses', itemIndex),
				additionalData: options.additionalData === true,
			};
			orders = await fetchOrders(this, session, filter, {
				pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
				limit,
				itemIndex,
			});
		} catch (error) {
			results.failure(itemIndex, itemError(this, error, itemIndex));
			continue;
		}
		emitOrders(this, results, itemIndex, orders, options.output === 'lines');
	}
}

function shopTimeParameter(
	context: IExecuteFunctions,
	value: unknown,
	field: string,
	zones: { workflow: string; shop: string },
	itemIndex: number,
): string | undefined {
	try {
		return toShopTime(value, zones.workflow, zones.shop);
	} catch (error) {
		throw new NodeOperationError(context.getNode(), `${field}: ${(error as Error).message}`, { itemIndex });
	}
}
