import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { horoshopUpdateLogEntrySchema } from '../../../shared/orders/horoshop/schema';
import type { HoroshopUpdateLogEntry } from '../../../shared/orders/horoshop/schema';
import type { ItemResults } from '../../../shared/results/itemResults';
import { apiError } from '../../../shared/transport/errors';
import { failExecutionOption } from '../../../shared/results/itemResults';
import { transportOptions } from '../../../shared/transport/retry';
import { messageOf } from '../../session';
import type { Answer, HoroshopSession } from '../../session';
import { itemError, orderIdParameter, orderIdProperty } from './common';

const show = { resource: ['order'], operation: ['updateStatus'] };

export const description: INodeProperties[] = [
	orderIdProperty(show),
	{
		displayName: 'Status Name or ID',
		name: 'status',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getStatuses' },
		required: true,
		displayOptions: { show },
		default: '',
		description:
			'The status to give the order. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Tracking Code',
		name: 'trackingCode',
		type: 'string',
		displayOptions: { show },
		default: '',
		description: 'Waybill number to store on the order; left empty, the order keeps the one it has',
	},
	{
		displayName: 'Paid',
		name: 'paid',
		type: 'options',
		displayOptions: { show },
		default: 'unchanged',
		options: [
			{ name: 'Leave As Is', value: 'unchanged' },
			{ name: 'Paid', value: 'paid' },
			{ name: 'Not Paid', value: 'notPaid' },
		],
		description: 'Whether to mark the order as paid',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		displayOptions: { show },
		default: {},
		options: [
			{
				displayName: 'Orders per Request',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 500 },
				default: 50,
				description: 'How many orders to send to the shop in one request',
			},
			failExecutionOption,
			...transportOptions,
		],
	},
];

interface Update {
	itemIndex: number;
	order: IDataObject & { order_id: number };
}

export async function execute(this: IExecuteFunctions, session: HoroshopSession, results: ItemResults): Promise<void> {
	const updates: Update[] = [];
	for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
		try {
			updates.push({ itemIndex, order: orderUpdate(this, itemIndex) });
		} catch (error) {
			results.failure(itemIndex, itemError(this, error, itemIndex));
		}
	}
	const { batchSize = 50 } = this.getNodeParameter('options', 0, {}) as { batchSize?: number };
	for (const batch of batchesOf(updates, batchSize)) {
		let answer: Answer;
		try {
			answer = await session.call(
				'orders/update',
				{ orders: batch.map((update) => update.order) },
				{ operation: 'update order status', idempotent: true, accept: ['WARNING'], itemIndex: batch[0].itemIndex },
			);
		} catch (error) {
			for (const update of batch) results.failure(update.itemIndex, itemError(this, error, update.itemIndex));
			continue;
		}
		const log = logOf(answer.response);
		batch.forEach((update, position) => {
			const entry =
				log.find((candidate) => candidate.order_id !== undefined && candidate.order_id === update.order.order_id) ??
				(log.length === batch.length && log[position].order_id === undefined ? log[position] : undefined);
			const entryStatus = entry?.status?.toUpperCase();
			const message = entry ? messageOf(entry) : '';
			const updated = entry ? entryStatus === 'OK' || entryStatus === 'SUCCESS' : answer.status === 'OK';
			if (updated) {
				results.success(update.itemIndex, { ...update.order, updated: true, ...(message ? { message } : {}) });
				return;
			}
			const reason = entry
				? `the shop did not update order ${update.order.order_id}: "${message || entryStatus}"`
				: `the shop answered ${answer.status} and gave no result for order ${update.order.order_id}`;
			results.failure(
				update.itemIndex,
				apiError(this.getNode(), {
					system: 'Horoshop',
					operation: 'update order status',
					message: reason,
					itemIndex: update.itemIndex,
				}),
				{ order_id: update.order.order_id, sent: update.order },
			);
		});
	}
}

function orderUpdate(context: IExecuteFunctions, itemIndex: number): Update['order'] {
	const order: Update['order'] = {
		order_id: orderIdParameter(context, context.getNodeParameter('orderId', itemIndex), 'Order ID', itemIndex),
		status: orderIdParameter(context, context.getNodeParameter('status', itemIndex), 'Status', itemIndex),
	};
	const trackingCode = String(context.getNodeParameter('trackingCode', itemIndex, '') ?? '').trim();
	if (trackingCode) order.tracking_code = trackingCode;
	const paid = context.getNodeParameter('paid', itemIndex, 'unchanged') as string;
	if (paid !== 'unchanged') {
		// The Russian/Ukrainian docs spell the flag "payed", the English one "paid"; which one the
		// API reads is not documented, so both go out with the same value.
		order.payed = paid === 'paid' ? 1 : 0;
		order.paid = order.payed;
	}
	return order;
}

/** Batches of at most `size`, never two updates of one order in a batch (the answer's log is keyed by order). */
function batchesOf(updates: Update[], size: number): Update[][] {
	const batches: Array<{ updates: Update[]; ids: Set<number> }> = [];
	for (const update of updates) {
		let batch = batches.find((candidate) => candidate.updates.length < size && !candidate.ids.has(update.order.order_id));
		if (!batch) {
			batch = { updates: [], ids: new Set() };
			batches.push(batch);
		}
		batch.updates.push(update);
		batch.ids.add(update.order.order_id);
	}
	return batches.map((batch) => batch.updates);
}

function logOf(response: unknown): HoroshopUpdateLogEntry[] {
	const log = (response as { log?: unknown } | null)?.log;
	const entries = Array.isArray(log) ? log : log && typeof log === 'object' ? Object.values(log) : [];
	return entries.flatMap((entry) => {
		const parsed = horoshopUpdateLogEntrySchema.safeParse(entry);
		return parsed.success ? [parsed.data] : [];
	});
}
