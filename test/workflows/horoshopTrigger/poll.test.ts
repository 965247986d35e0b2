import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { runWorkflow } from '../../harness/runWorkflow';
import { runHoroshop } from '../horoshop/run';
import { PollHarness } from './pollHarness';

const ids = PollHarness.ids;
const MINUTE = 60_000;

/** A moment `minutes` ago (negative: from now on). */
const ago = (minutes: number) => new Date(Date.now() - minutes * MINUTE);

/** Kyiv wall-clock text of a moment, as the shop writes `stat_created`. */
const shopTime = (date: Date) => DateTime.fromJSDate(date).setZone('Europe/Kyiv').toFormat('yyyy-MM-dd HH:mm:ss');

const unpaidNew = { stat_status: 1, payed: 0 };

interface StoredState {
	cursor?: string;
	orders?: Record<string, [number | null, 0 | 1, number | null, string]>;
}

describe('Horoshop Trigger: polling', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	const orderGets = () => sandbox.log.forRoute('horoshop.orders.get');

	describe('New Order', () => {
		it('the first poll remembers the orders already there; each order placed later is emitted once', async () => {
			sandbox.horoshop.addOrders(3, { start: ago(90) });
			const trigger = new PollHarness(sandbox, { event: 'newOrder' });

			expect(await trigger.poll()).toBeNull();
			expect(Object.keys((trigger.state as StoredState).orders!)).toEqual(['1', '2', '3']);

			sandbox.horoshop.addOrders(2, { start: ago(5) });
			expect(ids(await trigger.poll())).toEqual([4, 5]);
			expect(await trigger.poll()).toBeNull();

			sandbox.horoshop.addOrders(1, { start: ago(1) });
			expect(ids(await trigger.poll())).toEqual([6]);
			expect(await trigger.poll()).toBeNull();
			expect(trigger.executions).toBe(2);
		});

		it('each poll reads from the lookback window before the newest order, in shop time', async () => {
			sandbox.horoshop.addOrders(2, { start: ago(60) });
			const trigger = new PollHarness(sandbox, { event: 'newOrder' });

			await trigger.poll();
			await trigger.poll();

			// A short first page costs a second request (it might be the shop's cap): one `from` per poll.
			const [first, second] = new Set(orderGets().map((entry) => (entry.body as { from: string }).from));
			// No cursor yet: two days before now; then two days before the newest order (placed 59 minutes ago).
			const expectedFirst = DateTime.fromFormat(shopTime(new Date()), 'yyyy-MM-dd HH:mm:ss').minus({ days: 2 });
			expect(Math.abs(DateTime.fromFormat(first, 'yyyy-MM-dd HH:mm:ss').diff(expectedFirst, 'seconds').seconds)).toBeLessThan(120);
			const newest = sandbox.horoshop.orders.get(2)!.stat_created;
			expect(second).toBe(DateTime.fromFormat(newest, 'yyyy-MM-dd HH:mm:ss').minus({ days: 2 }).toFormat('yyyy-MM-dd HH:mm:ss'));
			expect((trigger.state as StoredState).cursor).toBe(newest);
		});

		it('emits an order the shop writes late (placed before the newest one seen) once it appears', async () => {
			sandbox.horoshop.addOrders(2, { start: ago(30) });
			const trigger = new PollHarness(sandbox, { event: 'newOrder' });
			await trigger.poll();
			// Order 3 carries a placing time 20 hours before the newest order seen: inside the window.
			sandbox.horoshop.addOrders(1, { start: ago(20 * 60) });

			expect(ids(await trigger.poll())).toEqual([3]);
			expect(await trigger.poll()).toBeNull();
		});

		it('with Emit Orders Already There the first poll emits the window, oldest first, and later polls only what is new', async () => {
			sandbox.horoshop.addOrders(3, { start: ago(90) });
			// Placed before the two-day window: never read.
			sandbox.horoshop.addOrders(1, { start: ago(3 * 24 * 60) });
			const trigger = new PollHarness(sandbox, { event: 'newOrder', options: { emitExisting: true } });

			expect(ids(await trigger.poll())).toEqual([1, 2, 3]);
			expect(await trigger.poll()).toBeNull();
			sandbox.horoshop.addOrders(1, { start: ago(1) });
			expect(ids(await trigger.poll())).toEqual([5]);
		});

		it('emits the same order shape as Horoshop Get Many', async () => {
			sandbox.horoshop.addOrders(14, { start: ago(60) });
			const trigger = new PollHarness(sandbox, { event: 'newOrder', options: { emitExisting: true } });

			const emitted = await trigger.poll();
			const getMany = await runHoroshop(sandbox, { parameters: { operation: 'getAll', returnAll: true } });

			const byId = (items: Array<{ json: IDataObject }>) => Object.fromEntries(items.map((item) => [item.json.order_id, item.json]));
			expect(byId(emitted![0])).toEqual(byId(getMany.output('Horoshop')));
			// Order 7 and 14 carry PHP's quirks (numbers as strings, [] for empty blocks): read the same way.
			expect(byId(emitted![0])[7]).toMatchObject({ total_sum: expect.any(Number), analytics: null });
		});

		it('with Include Delivery Details the orders carry their delivery blocks', async () => {
			sandbox.horoshop.addOrders(8, { start: ago(60) });
			const trigger = new PollHarness(sandbox, { event: 'newOrder', options: { emitExisting: true, additionalData: true } });

			const emitted = (await trigger.poll())![0];

			expect(orderGets()[0].body).toMatchObject({ additionalData: true });
			expect(emitted.some((item) => (item.json.delivery_data as IDataObject | null)?.deliveryOperatorType === 'nova_poshta')).toBe(true);
		});

		it('an order the wire schema cannot read comes out as an error item beside the others, once', async () => {
			sandbox.horoshop.addOrders(1, { start: ago(60) });
			const trigger = new PollHarness(sandbox, { event: 'newOrder' });
			await trigger.poll();
			sandbox.horoshop.addOrders(2, { start: ago(5) });
			sandbox.horoshop.orders.get(2)!.products = 'broken';

			const [items] = (await trigger.poll())!;

			expect(items.map((item) => item.json.order_id ?? (item.json.details as IDataObject).order_id)).toEqual(['2', 3]);
			expect(items[0].json).toMatchObject({ error: expect.stringMatching(/^Order 2: products: /), details: { order_id: '2' } });
			expect(await trigger.poll()).toBeNull();
		});
	});

	describe('Order Status Changed', () => {
		it('emits an order whose status changed inside the window once, and again on its next change', async () => {
			sandbox.horoshop.addOrders(4, { start: ago(120), overrides: unpaidNew });
			const trigger = new PollHarness(sandbox, { event: 'statusChanged' });
			expect(await trigger.poll()).toBeNull();

			sandbox.horoshop.changeOrder(2, { stat_status: 2 });
			const [items] = (await trigger.poll())!;
			expect(items.map((item) => [item.json.order_id, item.json.stat_status])).toEqual([[2, 2]]);
			expect(await trigger.poll()).toBeNull();

			sandbox.horoshop.changeOrder(2, { stat_status: 3 });
			sandbox.horoshop.changeOrder(4, { stat_status: 6 });
			expect(ids(await trigger.poll())).toEqual([2, 4]);
			expect(await trigger.poll()).toBeNull();
		});

		it('does not emit new orders, nor changes of the paid flag or total only', async () => {
			sandbox.horoshop.addOrders(2, { start: ago(60), overrides: unpaidNew });
			const trigger = new PollHarness(sandbox, { event: 'statusChanged' });
			await trigger.poll();

			sandbox.horoshop.addOrders(1, { start: ago(1), overrides: unpaidNew });
			sandbox.horoshop.changeOrder(1, { payed: 1, fields: { total_sum: 1 } });
			expect(await trigger.poll()).toBeNull();

			// Order 3 was remembered although nothing was emitted: its first change is seen.
			sandbox.horoshop.changeOrder(3, { stat_status: 2 });
			expect(ids(await trigger.poll())).toEqual([3]);
		});

		it('sees a change made through Horoshop Update Status', async () => {
			sandbox.horoshop.addOrders(3, { start: ago(60), overrides: unpaidNew });
			const trigger = new PollHarness(sandbox, { event: 'statusChanged' });
			await trigger.poll();

			await runHoroshop(sandbox, { parameters: { operation: 'updateStatus', orderId: '2', status: 3 } });

			const [items] = (await trigger.poll())!;
			expect(items.map((item) => [item.json.order_id, item.json.stat_status])).toEqual([[2, 3]]);
		});

		it('with Only Statuses emits only changes to those statuses', async () => {
			sandbox.horoshop.addOrders(3, { start: ago(60), overrides: unpaidNew });
			const trigger = new PollHarness(sandbox, { event: 'statusChanged', options: { statuses: [3] } });
			await trigger.poll();

			sandbox.horoshop.changeOrder(1, { stat_status: 2 });
			sandbox.horoshop.changeOrder(2, { stat_status: 3 });
			expect(ids(await trigger.poll())).toEqual([2]);
			// Order 1 moved on to 3 later: now it counts.
			sandbox.horoshop.changeOrder(1, { stat_status: 3 });
			expect(ids(await trigger.poll())).toEqual([1]);
		});
	});

	describe('Order Paid', () => {
		it('emits an order seen unpaid once it is paid, and a new order that arrives already paid; each once', async () => {
			sandbox.horoshop.addOrders(3, { start: ago(60), overrides: unpaidNew });
			sandbox.horoshop.addOrders(1, { start: ago(50), overrides: { stat_status: 1, payed: 1 } });
			const trigger = new PollHarness(sandbox, { event: 'paid' });
			// Order 4 was paid before the trigger started: remembered, not emitted.
			expect(await trigger.poll()).toBeNull();

			sandbox.horoshop.changeOrder(2, { payed: 1 });
			sandbox.horoshop.addOrders(1, { start: ago(2), overrides: { stat_status: 1, payed: 1 } });
			sandbox.horoshop.addOrders(1, { start: ago(1), overrides: unpaidNew });
			expect(ids(await trigger.poll())).toEqual([2, 5]);
			expect(await trigger.poll()).toBeNull();

			sandbox.horoshop.changeOrder(6, { payed: 1, stat_status: 2 });
			expect(ids(await trigger.poll())).toEqual([6]);
			expect(await trigger.poll()).toBeNull();
		});
	});

	describe('manual runs (Fetch Test Event)', () => {
		it('show the newest few orders and do not move the cursor or the remembered orders', async () => {
			sandbox.horoshop.addOrders(8, { start: ago(60), overrides: unpaidNew });
			const trigger = new PollHarness(sandbox, { event: 'newOrder' });
			await trigger.poll();
			const before = trigger.state;
			sandbox.horoshop.addOrders(2, { start: ago(5), overrides: unpaidNew });

			expect(ids(await trigger.poll('manual'))).toEqual([10, 9, 8, 7, 6]);
			expect(ids(await trigger.poll('manual'))).toEqual([10, 9, 8, 7, 6]);

			expect(trigger.state).toEqual(before);
			// The orders shown in the editor are still new to the active trigger.
			expect(ids(await trigger.poll())).toEqual([9, 10]);
		});

		it('before activation leave no state, so the first real poll still only remembers', async () => {
			sandbox.horoshop.addOrders(3, { start: ago(60) });
			const trigger = new PollHarness(sandbox, { event: 'newOrder' });

			expect(ids(await trigger.poll('manual'))).toEqual([3, 2, 1]);
			expect(trigger.state).toEqual({});
			expect(await trigger.poll()).toBeNull();
		});

		it('for Order Paid show paid orders; with an empty window fall back to the shop\'s latest orders', async () => {
			sandbox.horoshop.addOrders(4, { start: ago(10 * 24 * 60), overrides: unpaidNew });
			sandbox.horoshop.changeOrder(3, { payed: 1 });
			const trigger = new PollHarness(sandbox, { event: 'paid' });

			expect(ids(await trigger.poll('manual'))).toEqual([3]);
		});

		it('return nothing (null) when the shop has no orders', async () => {
			const trigger = new PollHarness(sandbox, { event: 'newOrder' });

			expect(await trigger.poll('manual')).toBeNull();
		});

		it('run on the real engine as the start of a manual execution', async () => {
			sandbox.horoshop.addOrders(3, { start: ago(60) });

			const result = await runWorkflow({
				items: [{}],
				nodes: [{ name: 'Horoshop Trigger', type: 'horoshopTrigger', parameters: { event: 'newOrder' }, credentials: ['horoshopApi'] }],
				credentials: { horoshopApi: sandbox.horoshop.credentials() },
			});

			expect(result.nodeError('Horoshop Trigger')).toBeUndefined();
			expect(result.output('Horoshop Trigger').map((item) => item.json.order_id)).toEqual([3, 2, 1]);
		});
	});

	describe('state', () => {
		it('holds only the window: entries of orders placed before it are dropped', async () => {
			sandbox.horoshop.addOrders(2, { start: ago(60) });
			const trigger = new PollHarness(sandbox, { event: 'newOrder' });
			const old = shopTime(ago(5 * 24 * 60));
			trigger.saved = {
				'node:Horoshop Trigger': {
					cursor: shopTime(ago(70)),
					orders: { 901: [1, 0, 10, old], 902: [2, 1, 20, old], 1: [1, 0, 5, shopTime(ago(60))] },
				},
			};
			trigger.restart();

			expect(ids(await trigger.poll())).toEqual([2]);
			expect(Object.keys((trigger.state as StoredState).orders!).sort()).toEqual(['1', '2']);
		});

		it('stays bounded over days of orders while every order is emitted exactly once', async () => {
			const start = Date.now();
			let simulated = start;
			jest.useFakeTimers({
				now: start,
				advanceTimers: true,
				doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'],
			});
			try {
				const trigger = new PollHarness(sandbox, { event: 'newOrder', options: { lookbackDays: 1 } });
				await trigger.poll();
				const emitted: unknown[] = [];
				const sizes: number[] = [];
				// Five days, a poll every 6 hours, 12 orders placed (one a minute) before each poll.
				for (let poll = 1; poll <= 20; poll++) {
					simulated += 6 * 60 * MINUTE;
					jest.setSystemTime(simulated);
					sandbox.horoshop.addOrders(12, { start: new Date(simulated - 30 * MINUTE) });
					emitted.push(...ids(await trigger.poll()));
					sizes.push(Object.keys((trigger.state as StoredState).orders!).length);
				}

				expect(emitted).toEqual(Array.from({ length: 240 }, (_, i) => i + 1));
				// The window (1 day before the newest order) holds the orders of the last 4 polls, and
				// the last order of the poll before them, placed exactly 1 day before the newest.
				expect(Math.max(...sizes)).toBe(49);
				expect(sizes.slice(4)).toEqual(Array(16).fill(49));
			} finally {
				jest.useRealTimers();
			}
		});

		it('survives a restart of n8n: what was saved with the last execution is not emitted again', async () => {
			sandbox.horoshop.addOrders(2, { start: ago(60) });
			const trigger = new PollHarness(sandbox, { event: 'newOrder' });
			await trigger.poll();
			sandbox.horoshop.addOrders(2, { start: ago(10) });
			expect(ids(await trigger.poll())).toEqual([3, 4]);

			trigger.restart();
			sandbox.horoshop.addOrders(1, { start: ago(1) });

			expect(ids(await trigger.poll())).toEqual([5]);
		});
	});

	describe('failures', () => {
		it('renews a token the shop refuses mid-paging and emits every new order once', async () => {
			sandbox.horoshop.addOrders(2, { start: ago(60) });
			const trigger = new PollHarness(sandbox, { event: 'newOrder', options: { pageSize: 5 } });
			await trigger.poll();
			sandbox.horoshop.addOrders(12, { start: ago(30) });
			sandbox.log.clear();
			sandbox.addFault({ route: 'horoshop.orders.get', kind: 'tokenExpired', after: 1, times: 1 });

			expect(ids(await trigger.poll())).toEqual(Array.from({ length: 12 }, (_, i) => i + 3));

			expect(sandbox.log.forRoute('horoshop.auth')).toHaveLength(2);
			expect(orderGets().map((entry) => [(entry.body as { offset: number }).offset, entry.fault])).toEqual([
				[0, undefined],
				[5, 'tokenExpired'],
				[5, undefined],
				[10, undefined],
			]);
			expect(await trigger.poll()).toBeNull();
		});

		it('a poll the shop keeps failing throws a NodeApiError and leaves the state as it was', async () => {
			sandbox.horoshop.addOrders(2, { start: ago(60) });
			const trigger = new PollHarness(sandbox, { event: 'newOrder' });
			await trigger.poll();
			const before = trigger.state;
			sandbox.horoshop.addOrders(2, { start: ago(5) });
			sandbox.addFault({ route: 'horoshop.orders.get', kind: 'tokenExpired', times: 2 });

			await expect(trigger.poll()).rejects.toMatchObject({
				name: 'NodeApiError',
				message: 'Horoshop: get orders failed: the shop refused a fresh token too: the shop answered ERROR: "Invalid token (code 2)"',
			});
			expect(trigger.state).toEqual(before);

			// The next poll, once the shop answers again, emits the two orders.
			expect(ids(await trigger.poll())).toEqual([3, 4]);
		});

		it('a poll due while the one before is still reading (a slow shop) skips, so no order comes twice', async () => {
			sandbox.horoshop.addOrders(2, { start: ago(60) });
			const trigger = new PollHarness(sandbox, { event: 'newOrder' });
			await trigger.poll();
			sandbox.horoshop.addOrders(3, { start: ago(5) });
			sandbox.addFault({ route: 'horoshop.orders.get', kind: 'latency', latencyMs: 500, times: 1 });

			const [slow, next] = await Promise.all([trigger.poll(), trigger.poll()]);

			expect([ids(slow), ids(next)]).toEqual([[3, 4, 5], []]);
			expect(trigger.state.pollStartedAt).toBeUndefined();
			expect(await trigger.poll()).toBeNull();
		});

		it('a wrong password fails the activation poll with Horoshop\'s words', async () => {
			const trigger = new PollHarness(sandbox, { event: 'newOrder' }, { password: 'wrong' });

			await expect(trigger.poll()).rejects.toThrow(
				'Horoshop: sign in failed: the shop answered ERROR: "Невірний логін або пароль (code 3)". Check the login and password in the Horoshop credential.',
			);
		});

		it('a Lookback that is not above 0 is refused', async () => {
			const trigger = new PollHarness(sandbox, { event: 'newOrder', options: { lookbackDays: 0 } });

			await expect(trigger.poll()).rejects.toThrow('Lookback (Days) must be a number above 0, got 0');
		});
	});
});
