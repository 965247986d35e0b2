import { detectChanges, shopNow, windowStart } from '../../../nodes/Horoshop/trigger/changes';
import type { ChangeOptions, Fingerprint, SeenOrder, TriggerState } from '../../../nodes/Horoshop/trigger/changes';
import { newestFirst, readOrder } from '../../../nodes/Horoshop/trigger/orders';

const order = (id: number, status: number, paid: 0 | 1, created: string, total = 100): SeenOrder<number> => ({
	id: String(id),
	fingerprint: [status, paid, total, created],
	item: id,
});

const options = (overrides: Partial<ChangeOptions> = {}): ChangeOptions => ({
	event: 'newOrder',
	emitExistingOnFirstPoll: false,
	statuses: [],
	windowOf: (cursor) => windowStart(cursor, '2026-12-01 12:00:00', 2),
	...overrides,
});

const known = (entries: Record<string, Fingerprint>, cursor = '2026-12-01 10:00:00'): TriggerState => ({ cursor, orders: entries });

describe('Horoshop Trigger: the window', () => {
	it('starts the lookback before the cursor, in shop wall-clock time', () => {
		expect(windowStart('2026-12-01 10:00:00', '2026-12-01 12:00:00', 2)).toBe('2026-11-29 10:00:00');
		expect(windowStart('2026-12-01 10:00:00', '2026-12-01 12:00:00', 0.25)).toBe('2026-12-01 04:00:00');
	});

	it('starts before now without a cursor, or with one ahead of the clock or unreadable', () => {
		expect(windowStart(undefined, '2026-12-01 12:00:00', 2)).toBe('2026-11-29 12:00:00');
		expect(windowStart('2027-01-05 00:00:00', '2026-12-01 12:00:00', 2)).toBe('2026-11-29 12:00:00');
		expect(windowStart('05.01.2027', '2026-12-01 12:00:00', 2)).toBe('2026-11-29 12:00:00');
	});

	it('is plain wall-clock arithmetic across a DST change (no hour missing or doubled)', () => {
		// Kyiv left summer time on 2026-10-25 at 04:00.
		expect(windowStart('2026-10-26 03:30:00', '2026-12-01 12:00:00', 2)).toBe('2026-10-24 03:30:00');
	});

	it("reads now in Kyiv's time", () => {
		expect(shopNow('Europe/Kyiv', new Date('2026-07-01T09:00:00Z'))).toBe('2026-07-01 12:00:00');
		expect(shopNow('Europe/Kyiv', new Date('2026-12-01T09:00:00Z'))).toBe('2026-12-01 11:00:00');
	});
});

describe('Horoshop Trigger: which orders a poll emits', () => {
	it('first poll: remembers every order and emits none; the cursor is the newest placing time', () => {
		const { emit, state } = detectChanges({}, [order(1, 1, 0, '2026-12-01 09:00:00'), order(2, 1, 0, '2026-12-01 09:05:00')], options());

		expect(emit).toEqual([]);
		expect(state).toEqual({
			cursor: '2026-12-01 09:05:00',
			orders: { 1: [1, 0, 100, '2026-12-01 09:00:00'], 2: [1, 0, 100, '2026-12-01 09:05:00'] },
		});
	});

	it('first poll with emitExistingOnFirstPoll: emits them as new', () => {
		const { emit } = detectChanges({}, [order(1, 1, 0, '2026-12-01 09:00:00')], options({ emitExistingOnFirstPoll: true }));

		expect(emit).toEqual([1]);
	});

	it('New Order: only ids never seen, whatever changed on the others', () => {
		const previous = known({ 1: [1, 0, 100, '2026-12-01 09:00:00'] });
		const { emit } = detectChanges(previous, [order(1, 3, 1, '2026-12-01 09:00:00', 5), order(2, 1, 0, '2026-12-01 09:30:00')], options());

		expect(emit).toEqual([2]);
	});

	it('Order Status Changed: known orders with another status; the new status is remembered', () => {
		const previous = known({ 1: [1, 0, 100, '2026-12-01 09:00:00'], 2: [2, 0, 100, '2026-12-01 09:10:00'] });
		const orders = [order(1, 2, 0, '2026-12-01 09:00:00'), order(2, 2, 1, '2026-12-01 09:10:00'), order(3, 4, 0, '2026-12-01 09:20:00')];

		const first = detectChanges(previous, orders, options({ event: 'statusChanged' }));
		const second = detectChanges(first.state, orders, options({ event: 'statusChanged' }));

		expect(first.emit).toEqual([1]);
		expect(first.state.orders![1]).toEqual([2, 0, 100, '2026-12-01 09:00:00']);
		expect(second.emit).toEqual([]);
	});

	it('Order Paid: known unpaid orders now paid, and new orders already paid; never twice', () => {
		const previous = known({ 1: [1, 0, 100, '2026-12-01 09:00:00'], 2: [1, 1, 100, '2026-12-01 09:10:00'] });
		const orders = [
			order(1, 1, 1, '2026-12-01 09:00:00'),
			order(2, 1, 1, '2026-12-01 09:10:00'),
			order(3, 1, 1, '2026-12-01 09:20:00'),
			order(4, 1, 0, '2026-12-01 09:30:00'),
		];

		const first = detectChanges(previous, orders, options({ event: 'paid' }));
		const second = detectChanges(first.state, orders, options({ event: 'paid' }));

		expect(first.emit).toEqual([1, 3]);
		expect(second.emit).toEqual([]);
	});

	it('Only Statuses: emits only orders now in them, and still remembers the others', () => {
		const previous = known({ 1: [1, 0, 100, '2026-12-01 09:00:00'], 2: [1, 0, 100, '2026-12-01 09:10:00'] });
		const { emit, state } = detectChanges(
			previous,
			[order(1, 2, 0, '2026-12-01 09:00:00'), order(2, 3, 0, '2026-12-01 09:10:00')],
			options({ event: 'statusChanged', statuses: [3] }),
		);

		expect(emit).toEqual([2]);
		expect(state.orders![1][0]).toBe(2);
	});

	it('drops entries placed before the next window', () => {
		const previous = known({ 1: [1, 0, 100, '2026-11-20 09:00:00'], 2: [1, 0, 100, '2026-11-29 09:00:00'] }, '2026-11-29 09:00:00');
		const { state } = detectChanges(
			previous,
			[order(2, 2, 0, '2026-11-29 09:00:00'), order(3, 1, 0, '2026-12-01 11:00:00')],
			options(),
		);

		// The next window starts 2 days before order 3: order 2 (placed 2 days and 2 hours before) goes.
		expect(state.cursor).toBe('2026-12-01 11:00:00');
		expect(Object.keys(state.orders!)).toEqual(['3']);
	});

	it('does not change the state it was given', () => {
		const previous = known({ 1: [1, 0, 100, '2026-12-01 09:00:00'] });
		const copy = structuredClone(previous);

		detectChanges(previous, [order(1, 2, 1, '2026-12-01 09:00:00'), order(2, 1, 0, '2026-12-01 09:30:00')], options());

		expect(previous).toEqual(copy);
	});
});

describe('Horoshop Trigger: reading an order', () => {
	it('reads the fingerprint through the wire schema: numbers as strings, the paided spelling', () => {
		const seen = readOrder({ order_id: '12', stat_status: '2', paided: '1', total_sum: '1001.50', stat_created: '2026-12-01 09:00:00', products: [] }, 'now');

		expect(seen?.id).toBe('12');
		expect(seen?.fingerprint).toEqual([2, 1, 1001.5, '2026-12-01 09:00:00']);
		expect(seen?.item.json).toMatchObject({ order_id: 12, total_sum: 1001.5 });
	});

	it('an order without a readable placing time is remembered as placed now', () => {
		expect(readOrder({ order_id: 3, stat_status: 1, payed: 0, products: [] }, '2026-12-01 12:00:00')?.fingerprint[3]).toBe('2026-12-01 12:00:00');
	});

	it('an order the schema cannot read becomes an error item that keeps the order, still with a fingerprint', () => {
		const seen = readOrder({ order_id: 5, stat_status: '3', payed: 1, total_sum: 'n/a', stat_created: '2026-12-01 09:00:00', products: 'x' }, 'now');

		expect(seen?.fingerprint).toEqual([3, 1, null, '2026-12-01 09:00:00']);
		expect(seen?.item.json).toEqual({
			error: expect.stringMatching(/^Order 5: /),
			details: { order_id: '5', order: expect.objectContaining({ products: 'x' }) },
		});
	});

	it('skips an entry without an order id, and sorts newest first by placing time, then number', () => {
		expect(readOrder({ stat_status: 1 }, 'now')).toBeUndefined();
		const sorted = newestFirst([order(1, 1, 0, '2026-12-01 09:00:00'), order(3, 1, 0, '2026-12-01 08:00:00'), order(2, 1, 0, '2026-12-01 09:00:00')]);
		expect(sorted.map((seen) => seen.item)).toEqual([2, 1, 3]);
	});
});

describe('Horoshop Trigger: stored state it cannot read', () => {
	it('drops entries that are not [status, paid, total, placed] instead of keeping them forever', () => {
		const previous = {
			cursor: '2026-12-01 10:00:00',
			orders: { 1: 'x', 2: [1, 0, 100], 3: [1, 0, 100, 'yesterday'], 4: [1, 0, 100, '2026-12-01 09:00:00'] },
		} as unknown as TriggerState;

		const { emit, state } = detectChanges(previous, [order(2, 1, 0, '2026-12-01 09:30:00')], options());

		expect(emit).toEqual([2]);
		expect(Object.keys(state.orders!)).toEqual(['2', '4']);
	});
});
