import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { SALEAPP_PRODUCTS } from '../../../sandbox/systems/saleapp';
import { KEY_KINDS, runSaleApp, sentForms } from './helpers';

describe('SaleApp node: update and delete orders', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	describe.each(KEY_KINDS)('with the %s key', (kind) => {
		it('updates by id, sending only the fields the user set', async () => {
			const order = sandbox.saleapp.seedOrder({ externalId: 'UP-1', receiverName: 'Старе Імʼя', city: 'Київ', cityRef: 'c-1', deliveryType: 5 });
			const { ok, failed } = await runSaleApp(sandbox, {
				kind,
				parameters: {
					operation: 'update',
					findBy: 'id',
					orderId: order.id,
					updateFields: { receiverName: 'Нове Імʼя', receiverPhone: '+7 (919) 199-19-19' },
				},
			});
			expect(failed).toEqual([]);
			expect(ok[0].json).toEqual({ updated: true, id: order.id, receiver_name: 'Нове Імʼя', receiver_phone: '79191991919' });
			const [form] = sentForms(sandbox, 'PUT');
			expect(Object.keys(form).sort()).toEqual(['id', 'method_type', 'receiver_name', 'receiver_phone']);
			const stored = sandbox.saleapp.orders.get(order.id)!;
			expect([stored.receiverName, stored.receiverPhone, stored.city, stored.cityRef]).toEqual(['Нове Імʼя', '79191991919', 'Київ', 'c-1']);
		});

		it('updates by external id: new delivery place and products', async () => {
			const order = sandbox.saleapp.seedOrder({ externalId: 'UP-2' });
			const { ok, failed } = await runSaleApp(sandbox, {
				kind,
				items: [{ type: '3' }],
				parameters: {
					operation: 'update',
					findBy: 'externalId',
					externalId: 'UP-2',
					updateFields: {
						// From an expression the type arrives as text.
						deliveryType: '={{ $json.type }}',
						city: 'Одеса',
						cityRef: 'city-ref-od',
						branchRef: 'branch-ref-7',
						products: { line: [{ id: SALEAPP_PRODUCTS[3].id, qty: 2, cost: 240 }] },
					},
				},
			});
			expect(failed).toEqual([]);
			expect(ok[0].json).toMatchObject({ updated: true, external_id: 'UP-2' });
			const stored = sandbox.saleapp.orders.get(order.id)!;
			expect([stored.deliveryType, stored.city, stored.cityRef, stored.branchRef]).toEqual([3, 'Одеса', 'city-ref-od', 'branch-ref-7']);
			expect(stored.lines.map((line) => [line.product.id, line.qty, line.cost])).toEqual([[SALEAPP_PRODUCTS[3].id, 2, 240]]);
			expect(JSON.parse(sentForms(sandbox, 'PUT')[0].products)).toEqual([{ id: SALEAPP_PRODUCTS[3].id, qty: 2, cost: 240 }]);
		});

		it('deletes a new order and outputs the deleted ids', async () => {
			const order = sandbox.saleapp.seedOrder({ externalId: 'DEL-1', statusId: 2 });
			const { ok, failed } = await runSaleApp(sandbox, {
				kind,
				parameters: { operation: 'delete', findBy: 'externalId', externalId: 'DEL-1' },
			});
			expect(failed).toEqual([]);
			expect(ok[0].json).toEqual({
				deleted: [order.id],
				deletedOrders: [{ id: order.id, number: order.number, external_id: 'DEL-1' }],
			});
			expect(sandbox.saleapp.orders.has(order.id)).toBe(false);
		});

		it('refuses to delete in status 3 or later: a per-item error naming the status, on the error output', async () => {
			const shipped = sandbox.saleapp.seedOrder({ statusId: 3 });
			const fresh = sandbox.saleapp.seedOrder({ statusId: 0 });
			const delivered = sandbox.saleapp.seedOrder({ statusId: 4 });
			const { ok, failed } = await runSaleApp(sandbox, {
				kind,
				items: [{ id: shipped.id }, { id: fresh.id }, { id: delivered.id }],
				parameters: { operation: 'delete', findBy: 'id', orderId: '={{ $json.id }}' },
			});
			expect(ok.map((item) => [item.json.deleted, item.pairedItem])).toEqual([[[fresh.id], { item: 1 }]]);
			expect(failed.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
			expect(failed[0].json.id).toBe(shipped.id);
			expect(failed[0].json.error).toBe(
				`SaleApp: delete order failed: Order ${shipped.id} (number ${shipped.number}) cannot be deleted: it is in status 3 "Відвантажений", ` +
					'and SaleApp deletes only orders in status 0 (new), 1 (fully reserved) or 2 (partly reserved)',
			);
			expect(failed[1].json.error).toContain('it is in status 4 "Доставлений"');
			expect(sandbox.saleapp.orders.has(shipped.id)).toBe(true);
			expect(sandbox.saleapp.orders.has(delivered.id)).toBe(true);
		});
	});

	it('stops the node at a refused delete when not continuing on error', async () => {
		const shipped = sandbox.saleapp.seedOrder({ statusId: 5 });
		const { error } = await runSaleApp(sandbox, {
			kind: 'organisation',
			parameters: { operation: 'delete', findBy: 'id', orderId: shipped.id },
			onError: 'stopWorkflow',
		});
		expect(error?.message).toContain(`Order ${shipped.id} (number ${shipped.number}) cannot be deleted: it is in status 5 "Скасований"`);
	});

	it('reports a delete of a missing order as not found', async () => {
		const { failed } = await runSaleApp(sandbox, {
			kind: 'counterparty',
			parameters: { operation: 'delete', findBy: 'id', orderId: 4242 },
		});
		expect(failed[0].json.error).toContain('Order 4242 was not found, so nothing was deleted');
	});

	it('checks update input before sending: place without delivery type, branch type without refs, nothing to update', async () => {
		const order = sandbox.saleapp.seedOrder();
		const cases: Array<[object, string]> = [
			[{ city: 'Львів' }, 'delivery_types is required when changing city (add "Delivery Type")'],
			[{ deliveryType: 3, cityRef: 'c-1' }, 'branch_ref is required for delivery type 3 (Nova Poshta branch)'],
			[{ deliveryType: 5, city: 'Львів' }, 'city_ref is required for delivery type 5 (only 1 and 2 go without it)'],
			[{}, 'nothing to update: add at least one field under "Update Fields"'],
			[{ receiverPhone: '---' }, 'receiver_phone "---" has no digits'],
		];
		for (const [updateFields, message] of cases) {
			const { ok, failed } = await runSaleApp(sandbox, {
				kind: 'organisation',
				parameters: { operation: 'update', findBy: 'id', orderId: order.id, updateFields },
			});
			expect(ok).toEqual([]);
			expect(failed.map((item) => [item.json.error, item.pairedItem])).toEqual([[`Order ${order.id}: ${message}`, { item: 0 }]]);
		}
		expect(sentForms(sandbox)).toEqual([]);
	});

	it('with the organisation key finds by external id within the client; a counterparty key never sends client, currency or warehouse', async () => {
		sandbox.saleapp.seedOrder({ clientId: '50', externalId: 'SHARED' });
		const order = sandbox.saleapp.seedOrder({ clientId: '51', externalId: 'SHARED' });
		const { failed } = await runSaleApp(sandbox, {
			kind: 'organisation',
			parameters: { operation: 'update', findBy: 'externalId', externalId: 'SHARED', clientId: '51', updateFields: { warehouseId: '8' } },
		});
		expect(failed).toEqual([]);
		expect(sentForms(sandbox, 'PUT')[0]).toMatchObject({ client_id: '51', external_id: 'SHARED', warehouse_id: '8' });
		expect(sandbox.saleapp.orders.get(order.id)).toMatchObject({ clientId: '51', warehouseId: '8' });

		sandbox.log.clear();
		const other = sandbox.saleapp.seedOrder({ clientId: '50' });
		await runSaleApp(sandbox, {
			kind: 'counterparty',
			parameters: { operation: 'update', findBy: 'id', orderId: other.id, updateFields: { receiverName: 'X', warehouseId: '8' } },
		});
		expect(Object.keys(sentForms(sandbox, 'PUT')[0]).sort()).toEqual(['id', 'method_type', 'receiver_name']);
	});
});
