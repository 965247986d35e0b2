import { DateTime } from 'luxon';

import { SHOP_TIME_FORMAT } from '../shopTime';

/** What the trigger starts a workflow for. */
export type TriggerEvent = 'newOrder' | 'statusChanged' | 'paid';

/** What the trigger remembers of an order: [status, paid (0/1), total, stat_created]. */
export type Fingerprint = [status: number | null, paid: 0 | 1, total: number | null, created: string];

/**
 * The node's static data. `cursor` is the newest `stat_created` seen (shop time); every poll
 * reads again from `cursor - lookback`, so orders written late or changed later are seen.
 * `orders` holds a fingerprint per order id inside that window, and nothing older.
 */
export interface TriggerState {
	cursor?: string;
	orders?: Record<string, Fingerprint>;
}

/** One order as read from the shop, reduced to what the decision needs. */
export interface SeenOrder<T> {
	id: string;
	fingerprint: Fingerprint;
	/** What to emit for it. */
	item: T;
}

export interface ChangeOptions {
	event: TriggerEvent;
	/** Orders present at the very first poll: remembered only (false), or emitted as new (true). */
	emitExistingOnFirstPoll: boolean;
	/** Emit only orders (now) in these statuses; empty for all. */
	statuses: number[];
	/** Where the poll after this one will start reading, for a cursor: entries placed earlier are dropped. */
	windowOf: (cursor: string | undefined) => string;
}

export interface Changes<T> {
	emit: T[];
	/** The state to store after this poll (a new object; the old one is not changed). */
	state: TriggerState;
}

const SHOP_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

export function isShopTime(value: unknown): value is string {
	return typeof value === 'string' && SHOP_TIME.test(value);
}

/** The shop's wall-clock time now (`stat_created` is written in the shop's zone, without it). */
export function shopNow(zone: string, now: Date = new Date()): string {
	return DateTime.fromJSDate(now).setZone(zone).toFormat(SHOP_TIME_FORMAT);
}

/**
 * Where a poll starts reading: `lookbackDays` before the cursor (the newest order seen), or
 * before now when there is no cursor yet or the cursor lies ahead of the clock (a shop clock
 * running fast must not push the window past the orders arriving now). Computed on the wall-clock
 * text itself, so a DST change inside the window shifts it by an hour at most.
 */
export function windowStart(cursor: string | undefined, now: string, lookbackDays: number): string {
	const anchor = cursor !== undefined && isShopTime(cursor) && cursor < now ? cursor : now;
	return DateTime.fromFormat(anchor, SHOP_TIME_FORMAT, { zone: 'UTC' })
		.minus({ milliseconds: Math.round(lookbackDays * 86_400_000) })
		.toFormat(SHOP_TIME_FORMAT);
}

/**
 * Decides which of the orders read in this poll to emit, and what to remember:
 * - New Order: an order never seen before;
 * - Order Status Changed: an order seen before with another status;
 * - Order Paid: an order seen before unpaid and now paid, or seen for the first time already paid
 *   (an order paid online may be paid before the trigger first sees it).
 *
 * Each change is emitted once: the fingerprint is updated with it. The very first poll (no state
 * yet) only remembers what is there, unless `emitExistingOnFirstPoll`. Entries of orders placed
 * before the next poll's window are dropped (that poll cannot read them again), so the state holds
 * the window's orders and no more.
 */
export function detectChanges<T>(
	previous: TriggerState,
	orders: Array<SeenOrder<T>>,
	options: ChangeOptions,
): Changes<T> {
	const firstPoll = previous.orders === undefined;
	const quiet = firstPoll && !options.emitExistingOnFirstPoll;
	// Entries that are not [status, paid, total, placed] (hand-edited static data) count as unknown.
	const known = Object.fromEntries(
		Object.entries(previous.orders ?? {}).filter(([, entry]) => Array.isArray(entry) && entry.length === 4 && isShopTime(entry[3])),
	);
	const statuses = new Set(options.statuses);
	const next: Record<string, Fingerprint> = { ...known };
	let cursor = isShopTime(previous.cursor) ? previous.cursor : undefined;

	const emit: T[] = [];
	for (const order of orders) {
		const before = known[order.id];
		const [status, paid] = order.fingerprint;
		const happened =
			options.event === 'newOrder'
				? before === undefined
				: options.event === 'statusChanged'
					? before !== undefined && before[0] !== status
					: paid === 1 && (before === undefined || before[1] === 0);
		const wanted = statuses.size === 0 || (status !== null && statuses.has(status));
		if (happened && wanted && !quiet) emit.push(order.item);
		// An order already known keeps its placing time, so it leaves the state with its window.
		const created = before?.[3] ?? order.fingerprint[3];
		next[order.id] = [order.fingerprint[0], order.fingerprint[1], order.fingerprint[2], created];
		if (isShopTime(order.fingerprint[3]) && (cursor === undefined || order.fingerprint[3] > cursor)) {
			cursor = order.fingerprint[3];
		}
	}
	const keepFrom = options.windowOf(cursor);
	for (const [id, fingerprint] of Object.entries(next)) {
		if (fingerprint[3] < keepFrom) delete next[id];
	}
	return { emit, state: { cursor, orders: next } };
}
