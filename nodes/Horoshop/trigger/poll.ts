import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { fetchOrders } from '../paging';
import { HoroshopSession } from '../session';
import { DEFAULT_PAGE_SIZE } from '../actions/order/getMany';
import { transportSettings } from '../../shared/transport/retry';
import { detectChanges, shopNow, windowStart } from './changes';
import type { SeenOrder, TriggerEvent, TriggerState } from './changes';
import { DEFAULT_LOOKBACK_DAYS, SAMPLE_SIZE } from './description';
import type { TriggerOptions } from './description';
import { newestFirst, readOrder } from './orders';

/** Orders read when the lookback window of a manual run is empty, to still show a sample. */
const FALLBACK_SAMPLE_READ = 50;

/**
 * A poll still reading when the next one is due (a slow shop, retries) would let both emit the
 * same orders: the later one skips. A mark older than this is from a poll that never finished.
 */
const POLL_IN_FLIGHT_MS = 10 * 60_000;

/**
 * One poll: reads the shop's orders placed since `cursor - lookback` (token renewal and paging
 * by HoroshopSession and fetchOrders), emits those new or changed for the chosen event, each
 * once, and stores the cursor and the window's fingerprints in the node's static data. A manual
 * run (Fetch Test Event) shows the newest few orders and leaves the stored state alone.
 */
export async function pollOrders(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const event = this.getNodeParameter('event', 'newOrder') as TriggerEvent;
	const options = this.getNodeParameter('options', {}) as TriggerOptions;
	const lookbackDays = options.lookbackDays ?? DEFAULT_LOOKBACK_DAYS;
	if (!(typeof lookbackDays === 'number' && lookbackDays > 0)) {
		throw new NodeOperationError(this.getNode(), `Lookback (Days) must be a number above 0, got ${JSON.stringify(lookbackDays)}`);
	}
	const statuses = statusList(this, options.statuses);
	const additionalData = options.additionalData === true;
	const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
	const session = await HoroshopSession.open(this, transportSettings(options));
	const now = shopNow(session.timezone);

	if (this.getMode() === 'manual') {
		const from = windowStart(undefined, now, lookbackDays);
		let raw = await fetchOrders(this, session, { from, additionalData }, { pageSize });
		if (raw.length === 0) {
			raw = await fetchOrders(this, session, { additionalData }, { pageSize: FALLBACK_SAMPLE_READ, limit: FALLBACK_SAMPLE_READ });
		}
		const sample = newestFirst(readAll(raw, now))
			.filter((order) => event !== 'paid' || order.fingerprint[1] === 1)
			.filter((order) => statuses.length === 0 || statuses.includes(order.fingerprint[0] ?? Number.NaN))
			.slice(0, SAMPLE_SIZE)
			.map((order) => order.item);
		return sample.length > 0 ? [sample] : null;
	}

	const stored = this.getWorkflowStaticData('node');
	const startedAt = Date.now();
	if (typeof stored.pollStartedAt === 'number' && startedAt - stored.pollStartedAt < POLL_IN_FLIGHT_MS) return null;
	stored.pollStartedAt = startedAt;
	try {
		const previous = stored as TriggerState;
		const from = windowStart(previous.cursor, now, lookbackDays);
		const raw = await fetchOrders(this, session, { from, additionalData }, { pageSize });
		// Oldest first, so the workflow gets the orders in the order they happened.
		const seen = newestFirst(readAll(raw, now)).reverse();
		const { emit, state } = detectChanges(previous, seen, {
			event,
			emitExistingOnFirstPoll: options.emitExisting === true,
			statuses,
			windowOf: (cursor) => windowStart(cursor, now, lookbackDays),
		});
		// Top-level assignments, so n8n notices the change and saves it with the next execution.
		stored.cursor = state.cursor;
		stored.orders = state.orders as unknown as IDataObject;
		return emit.length > 0 ? [emit] : null;
	} finally {
		delete stored.pollStartedAt;
	}
}

function readAll(raw: unknown[], now: string): Array<SeenOrder<INodeExecutionData>> {
	return raw.map((order) => readOrder(order, now)).filter((order) => order !== undefined);
}

function statusList(context: IPollFunctions, value: unknown): number[] {
	const list = Array.isArray(value) ? value : value === undefined || value === '' ? [] : String(value).split(/[\s,;]+/);
	return list
		.filter((entry) => entry !== '' && entry !== null && entry !== undefined)
		.map((entry) => {
			const id = Number(entry);
			if (!Number.isInteger(id)) {
				throw new NodeOperationError(context.getNode(), `Only Statuses: ${JSON.stringify(entry)} is not a status ID`);
			}
			return id;
		});
}
