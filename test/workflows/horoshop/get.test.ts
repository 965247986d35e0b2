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
		expect(sandbox.log.forRoute('horoshop.orders.get').map((entry) => entry.body)).toEqual([
			expect.objectContaining({ ids: [12], limit: 1, offset: 0 }),
			expect.objectContaining({ ids: [3], limit: 1, offset: 0 }),
		]);
		expect(requestCounts(sandbox).auth).toBe(1);
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
		expect(result.output('Horoshop', 1).map((item) => [item.json.error, item.json.id, item.pairedItem])).toEqual([
			['Order 404 was not found in the shop', 404, { item: 0 }],
		]);
	});

	it('an Order ID expression that comes out empty stops the node naming the field, before anything is sent', async () => {
		const result = await runHoroshop(sandbox, { items: [{ id: '' }], parameters: { operation: 'get', orderId: '={{ $json.id }}' } });

		expect(result.nodeError('Horoshop')?.message).toBe('Order ID must be a whole number above 0, got ""');
		expect(requestCounts(sandbox).get).toBe(0);
	});
});
