import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { requestCounts, runHoroshop } from './run';

const updateStatus = (options: object = {}) => ({
	operation: 'updateStatus',
	orderId: '={{ $json.order }}',
	status: '={{ $json.status }}',
	trackingCode: '={{ $json.ttn ?? "" }}',
	paid: '={{ $json.paid ?? "unchanged" }}',
	options,
});

const sentOrders = (sandbox: Sandbox) =>
	sandbox.log.forRoute('horoshop.orders.update').map((entry) => (entry.body as { orders: unknown[] }).orders);

describe('Horoshop Update Status', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => {
		sandbox.reset();
		sandbox.horoshop.addOrders(10, { overrides: { stat_status: 1, payed: 0 } });
	});

	it('sends the orders in one request and routes a mixed WARNING answer per order, each paired with its item', async () => {
		const result = await runHoroshop(sandbox, {
			items: [
				{ order: 3, status: 6, ttn: '20450000000003', paid: 'paid' },
				{ order: 999, status: 2 },
				{ order: 4, status: 42 },
				{ order: 5, status: 3, paid: 'notPaid' },
			],
			parameters: updateStatus(),
			onError: 'continueErrorOutput',
		});

		expect(sentOrders(sandbox)).toEqual([
			[
				{ order_id: 3, status: 6, tracking_code: '20450000000003', payed: 1, paid: 1 },
				{ order_id: 999, status: 2 },
				{ order_id: 4, status: 42 },
				{ order_id: 5, status: 3, payed: 0, paid: 0 },
			],
		]);
		expect(result.output('Horoshop', 0).map((item) => [item.json, item.pairedItem])).toEqual([
			[{ order_id: 3, status: 6, tracking_code: '20450000000003', payed: 1, paid: 1, updated: true, message: 'Замовлення оновлено' }, { item: 0 }],
			[{ order_id: 5, status: 3, payed: 0, paid: 0, updated: true, message: 'Замовлення оновлено' }, { item: 3 }],
		]);
		const failed = result.output('Horoshop', 1);
		expect(failed.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 2 }]);
		expect(failed[0].json).toMatchObject({
			order: 999,
			error: 'Horoshop: update order status failed: the shop did not update order 999: "Замовлення 999 не знайдено"',
		});
		expect(failed[1].json).toMatchObject({
			order: 4,
			error: 'Horoshop: update order status failed: the shop did not update order 4: "Невідомий статус 42"',
			details: { order_id: 4 },
		});
		expect(sandbox.horoshop.orders.get(3)).toMatchObject({ stat_status: 6, payed: 1 });
		expect(sandbox.horoshop.orders.get(4)).toMatchObject({ stat_status: 1 });
		expect(sandbox.horoshop.orders.get(5)).toMatchObject({ stat_status: 3, payed: 0 });
		expect(requestCounts(sandbox)).toEqual({ auth: 1, get: 0, update: 1 });
	});

	it('stops on the first order the shop refused when not set to continue', async () => {
		const result = await runHoroshop(sandbox, {
			items: [{ order: 3, status: 2 }, { order: 999, status: 2 }],
			parameters: updateStatus(),
		});

		const error = result.nodeError('Horoshop') as Error & { context?: { itemIndex?: number } };
		expect(error.message).toBe('Horoshop: update order status failed: the shop did not update order 999: "Замовлення 999 не знайдено"');
		expect(error.context?.itemIndex).toBe(1);
	});

	it('splits into requests of "Orders per Request", never two changes of one order in one request', async () => {
		const result = await runHoroshop(sandbox, {
			items: [
				{ order: 1, status: 2 },
				{ order: 2, status: 2 },
				{ order: 1, status: 3 },
				{ order: 3, status: 2 },
				{ order: 4, status: 2 },
			],
			parameters: updateStatus({ batchSize: 3 }),
		});

		expect(sentOrders(sandbox).map((orders) => orders.map((order) => (order as { order_id: number }).order_id))).toEqual([
			[1, 2, 3],
			[1, 4],
		]);
		expect(result.output('Horoshop').map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		expect(sandbox.horoshop.orders.get(1)).toMatchObject({ stat_status: 3 });
	});

	it('a bad order id or status goes to the error output without being sent', async () => {
		const result = await runHoroshop(sandbox, {
			items: [{ order: 'A-17', status: 2 }, { order: 2, status: '' }, { order: 3, status: 2 }],
			parameters: updateStatus(),
			onError: 'continueErrorOutput',
		});

		expect(sentOrders(sandbox)).toEqual([[{ order_id: 3, status: 2 }]]);
		expect(result.output('Horoshop', 1).map((item) => [item.json.error, item.pairedItem])).toEqual([
			['Order ID must be a whole number above 0, got "A-17"', { item: 0 }],
			['Status must be a whole number above 0, got ""', { item: 1 }],
		]);
	});

	it('renews an expired token and sends the update once more, applied once', async () => {
		sandbox.addFault({ route: 'horoshop.orders.update', kind: 'tokenExpired', times: 1 });

		const result = await runHoroshop(sandbox, { items: [{ order: 2, status: 6 }], parameters: updateStatus() });

		expect(result.output('Horoshop').map((item) => item.json.updated)).toEqual([true]);
		expect(requestCounts(sandbox)).toEqual({ auth: 2, get: 0, update: 2 });
		expect(sandbox.horoshop.updates.map((update) => update.status)).toEqual([6]);
	});

	it('signs in anew in every execution: no token is kept between executions', async () => {
		await runHoroshop(sandbox, { items: [{ order: 2, status: 4 }], parameters: updateStatus() });
		await runHoroshop(sandbox, { items: [{ order: 2, status: 6 }], parameters: updateStatus() });

		const tokens = sandbox.log.forRoute('horoshop.orders.update').map((entry) => (entry.body as { token: string }).token);
		expect(requestCounts(sandbox).auth).toBe(2);
		expect(tokens[0]).not.toBe(tokens[1]);
	});

	it('a whole-request failure reaches every order of that request', async () => {
		sandbox.horoshop.undefinedFunctions.add('orders/update');

		const result = await runHoroshop(sandbox, {
			items: [{ order: 1, status: 2 }, { order: 2, status: 2 }],
			parameters: updateStatus(),
			onError: 'continueErrorOutput',
		});

		const failed = result.output('Horoshop', 1);
		expect(failed.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		for (const item of failed) expect(String(item.json.error)).toContain('(UNDEFINED_FUNCTION)');
	});
});
