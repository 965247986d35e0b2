import type { IDataObject } from 'n8n-workflow';

import { horoshopOrdersPageSchema } from '../shared/orders/horoshop/schema';
import { apiError } from '../shared/transport/errors';
import type { ApiContext } from '../shared/transport/request';
import type { HoroshopSession } from './session';

/** `orders/get` filters of seed 002, already in the shop's format. */
export interface OrdersFilter {
	from?: string;
	to?: string;
	ids?: number[];
	statuses?: number[];
	additionalData?: boolean;
}

export interface PagingOptions {
	pageSize: number;
	/** Stop after this many orders; undefined for all. */
	limit?: number;
	itemIndex?: number;
}

/** The request body of `orders/get` for these filters (without paging and token). */
export function filterBody(filter: OrdersFilter): IDataObject {
	const body: IDataObject = {};
	if (filter.from) body.from = filter.from;
	if (filter.to) body.to = filter.to;
	if (filter.ids?.length) body.ids = filter.ids;
	if (filter.statuses?.length) body.status = filter.statuses;
	if (filter.additionalData) body.additionalData = true;
	return body;
}

/**
 * Reads `orders/get` page by page with `offset` + `limit` and returns each order once.
 *
 * - Stops on EMPTY or on a page shorter than asked for, so N orders cost ceil(N / page size)
 *   requests, plus one EMPTY answer when N is a multiple of the page size.
 * - Limit is exact: the last page asks only for what is still missing.
 * - Orders created while paging shift the list, so a page may repeat orders of the one before;
 *   they are dropped by `order_id` and the offset still moves by what the page held.
 * - The session renews an expired token and repeats the same page, so none is lost or repeated.
 */
export async function fetchOrders(
	context: ApiContext,
	session: HoroshopSession,
	filter: OrdersFilter,
	options: PagingOptions,
): Promise<unknown[]> {
	const orders: unknown[] = [];
	const seen = new Set<string>();
	const base = filterBody(filter);
	let offset = 0;
	while (options.limit === undefined || orders.length < options.limit) {
		const wanted = options.limit === undefined ? options.pageSize : Math.min(options.pageSize, options.limit - orders.length);
		const answer = await session.call(
			'orders/get',
			{ ...base, offset, limit: wanted },
			{ operation: 'get orders', itemIndex: options.itemIndex, idempotent: true },
		);
		if (answer.status === 'EMPTY') break;
		const page = horoshopOrdersPageSchema.safeParse(answer.response);
		if (!page.success) {
			throw apiError(context.getNode(), {
				system: 'Horoshop',
				operation: 'get orders',
				message: `the shop answered ${answer.status} without a list of orders (response.orders)`,
				itemIndex: options.itemIndex,
			});
		}
		let fresh = 0;
		for (const order of page.data.orders) {
			const id = orderIdOf(order);
			if (id !== undefined) {
				if (seen.has(id)) continue;
				seen.add(id);
			}
			fresh++;
			orders.push(order);
			if (options.limit !== undefined && orders.length >= options.limit) break;
		}
		const received = page.data.orders.length;
		if (received < wanted) break;
		if (fresh === 0) {
			throw apiError(context.getNode(), {
				system: 'Horoshop',
				operation: 'get orders',
				message: `the page at offset ${offset} held only orders already read; the shop seems to ignore "offset", so paging cannot go on safely`,
				itemIndex: options.itemIndex,
			});
		}
		offset += received;
	}
	return orders;
}

export function orderIdOf(order: unknown): string | undefined {
	const id = (order as { order_id?: unknown } | null)?.order_id;
	return id === undefined || id === null || id === '' ? undefined : String(id);
}
