import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { requestCounts, runHoroshop } from './run';

describe('Horoshop Get (one order by its number)', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => {
		sandbox.reset();
		sandbox.horoshop.addOrders(20);
	});

	it('gets each asked order, paired with its item', async () => {
		const result = await runHoroshop(sandbox, {
			items: [{ id: 12 }, { id: 3 }],
			parameters: { operation: 'get', orderId: '={{ $json.id }}' },
		});

		expect(result.output('Horoshop').map((item) => [item.json.order_id, item.pairedItem])).toEqual([
			[12, { item: 0 }],
			[3, { item: 1 }],
		]);
		expect(result.output('Horoshop')[0].json).toMatchObject({
			delivery_name: sandbox.horoshop.orders.get(12)!.delivery_name,
			products: expect.any(Array),
		});
		// Both in one request: all asked orders came back, so nothing more is asked.
		expect(sandbox.log.forRoute('horoshop.orders.get').map((entry) => entry.body)).toEqual([
			expect.objectContaining({ ids: [12, 3], limit: 2, offset: 0 }),
		]);
		expect(requestCounts(sandbox).auth).toBe(1);
	});

	it('reads 1,200 asked orders in 3 requests of up to 500 ids, each item with its own order', async () => {
		sandbox.horoshop.addOrders(1_180);
		// Orders 1,180..1 and then 20..1 again: 1,200 items, the last 200 asking for 180 orders.
		const asked = [...Array.from({ length: 1_180 }, (_, i) => 1_180 - i), ...Array.from({ length: 20 }, (_, i) => 20 - i)];

		const result = await runHoroshop(sandbox, {
			items: asked.map((id) => ({ id })),
			parameters: { operation: 'get', orderId: '={{ $json.id }}' },
		});

		expect(result.nodeError('Horoshop')).toBeUndefined();
		expect(result.output('Horoshop').map((item) => [item.json.order_id, (item.pairedItem as { item: number }).item])).toEqual(
			asked.map((id, item) => [id, item]),
		);
		const requests = sandbox.log.forRoute('horoshop.orders.get').map((entry) => entry.body as { ids: number[]; limit: number });
		expect(requests.map((body) => [body.ids.length, body.limit])).toEqual([
			[500, 500],
			[500, 500],
			[180, 180],
		]);
	});

	it('from a shop that answers fewer orders than asked per request, still gets every one', async () => {
		sandbox.horoshop.maxPageSize = 2;

		const result = await runHoroshop(sandbox, {
			items: [{ id: 7 }, { id: 404 }, { id: 3 }, { id: 9 }, { id: 7 }, { id: 1 }],
			parameters: { operation: 'get', orderId: '={{ $json.id }}' },
			onError: 'continueErrorOutput',
		});

		expect(result.output('Horoshop').map((item) => [item.json.order_id, item.pairedItem])).toEqual([
			[7, { item: 0 }],
			[3, { item: 2 }],
			[9, { item: 3 }],
			[7, { item: 4 }],
			[1, { item: 5 }],
		]);
		expect(result.output('Horoshop', 1).map((item) => [item.json.error, item.pairedItem])).toEqual([
			['Order 404 was not found in the shop', { item: 1 }],
		]);
		expect(sandbox.log.forRoute('horoshop.orders.get').map((entry) => (entry.body as { offset: number }).offset)).toEqual([0, 2, 4]);
	});

	it('an order the shop returns that was not asked for is an error naming both, not the wrong order', async () => {
		sandbox.horoshop.ignoresIds = true;

		const result = await runHoroshop(sandbox, { parameters: { operation: 'get', orderId: '12' } });

		expect(result.output('Horoshop')).toEqual([]);
		expect(result.nodeError('Horoshop')?.message).toBe(
			'Horoshop: get orders failed: asked for order 12, the shop answered order 20; it seems to ignore "ids"',
		);
	});

	it('an Order ID that is not a number fails its own item only', async () => {
		const result = await runHoroshop(sandbox, {
			items: [{ id: 4 }, { id: 'abc' }, { id: 5 }],
			parameters: { operation: 'get', orderId: '={{ $json.id }}' },
			onError: 'continueErrorOutput',
		});

		expect(result.output('Horoshop').map((item) => [item.json.order_id, item.pairedItem])).toEqual([
			[4, { item: 0 }],
			[5, { item: 2 }],
		]);
		expect(result.output('Horoshop', 1).map((item) => [item.json.error, item.pairedItem])).toEqual([
			['Order ID must be a whole number above 0, got "abc"', { item: 1 }],
		]);
		expect(sandbox.log.forRoute('horoshop.orders.get').map((entry) => (entry.body as { ids: number[] }).ids)).toEqual([[4, 5]]);
	});

	it('with Include Delivery Details returns the Nova Poshta waybill', async () => {
		const novaPoshta = [...sandbox.horoshop.orders.values()].find((order) => (order.delivery_type as { id: number }).id === 3)!;

		const result = await runHoroshop(sandbox, {
			parameters: { operation: 'get', orderId: String(novaPoshta.order_id), options: { additionalData: true } },
		});

		expect(result.output('Horoshop')[0].json).toMatchObject({
			additional_data: { np_number: String((novaPoshta.additional_data as { np_number: number }).np_number) },
			delivery_data: { deliveryOperatorType: 'nova_poshta' },
		});
	});

	it('an order the shop does not have goes to the error output, named', async () => {
		const result = await runHoroshop(sandbox, {
			items: [{ id: 404 }, { id: 5 }],
			parameters: { operation: 'get', orderId: '={{ $json.id }}' },
			onError: 'continueErrorOutput',
		});

		expect(result.output('Horoshop').map((item) => item.json.order_id)).toEqual([5]);
		expect(result.output('Horoshop', 1).map((item) => [item.json.error, item.json.id, item.json.details, item.pairedItem])).toEqual([
			['Order 404 was not found in the shop', 404, { order_id: 404 }, { item: 0 }],
		]);
	});

	it('an Order ID expression that comes out empty stops the node naming the field, before anything is sent', async () => {
		const result = await runHoroshop(sandbox, { items: [{ id: '' }], parameters: { operation: 'get', orderId: '={{ $json.id }}' } });

		expect(result.nodeError('Horoshop')?.message).toBe('Order ID must be a whole number above 0, got ""');
		expect(requestCounts(sandbox).get).toBe(0);
	});
});
