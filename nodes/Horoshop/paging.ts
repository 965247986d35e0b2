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
 * - A shop may silently answer fewer orders than asked for per page (Horoshop documents no
 *   maximum; `catalog/export` caps at 500 without saying so). So a short first page is not taken
 *   as the end: the next page is asked for, and if it holds orders, the first page's size is the
 *   shop's cap. A later page ends the reading only when it holds fewer than the largest page
 *   before it, or nothing (EMPTY). N orders cost ceil(N / page size) requests, plus one when the
 *   first page is short or N is a multiple of the page size.
 * - Limit is exact: the last page asks only for what is still missing. With `ids`, at most that
 *   many orders can match, which ends the reading as a limit does, and an order not asked for
 *   is an error (the shop ignored the filter).
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
	const asked = filter.ids?.length ? new Set(filter.ids.map(String)) : undefined;
	const limit = asked ? Math.min(options.limit ?? asked.size, asked.size) : options.limit;
	let offset = 0;
	let largestPage = 0;
	while (limit === undefined || orders.length < limit) {
		const wanted = limit === undefined ? options.pageSize : Math.min(options.pageSize, limit - orders.length);
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
			if (asked && !(id !== undefined && asked.has(id))) {
				throw apiError(context.getNode(), {
					system: 'Horoshop',
					operation: 'get orders',
					message: `asked for ${ordersNamed([...asked])}, the shop answered order ${id ?? '(no order_id)'}; it seems to ignore "ids"`,
					itemIndex: options.itemIndex,
				});
			}
			if (id !== undefined) {
				if (seen.has(id)) continue;
				seen.add(id);
			}
			fresh++;
			orders.push(order);
			if (limit !== undefined && orders.length >= limit) break;
		}
		const received = page.data.orders.length;
		if (received === 0 || (received < wanted && received < largestPage)) break;
		if (fresh === 0) {
			throw apiError(context.getNode(), {
				system: 'Horoshop',
				operation: 'get orders',
				message: `the page at offset ${offset} held only orders already read; the shop seems to ignore "offset", so paging cannot go on safely`,
				itemIndex: options.itemIndex,
			});
		}
		largestPage = Math.max(largestPage, received);
		offset += received;
	}
	return orders;
}

/** "order 12", "orders 12, 3", "7 orders (12, 3, 5, ...)" */
function ordersNamed(ids: string[]): string {
	if (ids.length === 1) return `order ${ids[0]}`;
	if (ids.length <= 5) return `orders ${ids.join(', ')}`;
	return `${ids.length} orders (${ids.slice(0, 3).join(', ')}, ...)`;
}

export function orderIdOf(order: unknown): string | undefined {
	const id = (order as { order_id?: unknown } | null)?.order_id;
	return id === undefined || id === null || id === '' ? undefined : String(id);
}
