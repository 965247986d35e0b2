import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { SALEAPP_PRODUCTS } from '../../../sandbox/systems/saleapp';
import { KEY_KINDS, runSaleApp, sentForms } from './helpers';

describe('SaleApp node: get orders', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	describe.each(KEY_KINDS)('with the %s key', (kind) => {
		it('finds an order by id, number and external id, with numbers as numbers', async () => {
			const order = sandbox.saleapp.seedOrder({
				externalId: 'SHOP-1001',
				statusId: 1,
				deliveryType: 3,
				insuranceAmount: 300,
				lines: [{ product: SALEAPP_PRODUCTS[2], qty: 3, cost: 29.9, discountPercent: 5 }],
			});
			const lookups = [
				{ findBy: 'id', orderId: order.id },
				{ findBy: 'number', orderNumber: order.number },
				{ findBy: 'externalId', externalId: 'SHOP-1001' },
			];
			for (const lookup of lookups) {
				const { ok, failed } = await runSaleApp(sandbox, { kind, parameters: { operation: 'get', ...lookup } });
				expect(failed).toEqual([]);
				expect(ok).toHaveLength(1);
				expect(ok[0].pairedItem).toEqual({ item: 0 });
				expect(ok[0].json).toMatchObject({
					id: order.id,
					number: order.number,
					external_id: 'SHOP-1001',
					status_id: 1,
					status_name: 'Повністю зарезервований',
					delivery_types: 3,
					insurance_amount: 300,
				});
				expect((ok[0].json.products as object[])[0]).toMatchObject({ id: SALEAPP_PRODUCTS[2].id, qty: 3, cost: 29.9, discount_percent: 5 });
			}
			const forms = sentForms(sandbox);
			expect(forms.map((form) => form.method_type)).toEqual(['GET', 'GET', 'GET']);
			expect(forms[0].id).toBe(String(order.id));
			expect(forms[1].number).toBe(String(order.number));
			expect(forms[2].external_id).toBe('SHOP-1001');
		});

		it('sends an order SaleApp does not have to the error output, naming the ID asked for', async () => {
			const { ok, failed } = await runSaleApp(sandbox, {
				kind,
				items: [{ id: 999, caller: 'shop' }, { id: 998 }],
				parameters: { operation: 'get', findBy: 'id', orderId: '={{ $json.id }}' },
			});
			expect(ok).toEqual([]);
			expect(failed.map((item) => [item.json.error, item.pairedItem])).toEqual([
				['SaleApp has no order with ID 999', { item: 0 }],
				['SaleApp has no order with ID 998', { item: 1 }],
			]);
			expect(failed[0].json).toMatchObject({ caller: 'shop', details: { errorKind: 'rejected', id: 999 } });
			expect(sentForms(sandbox).map((form) => form.id)).toEqual(['999', '998']);
		});

		it('with When Not Found "Output an Item", gives found: false and the ID asked for', async () => {
			const { ok, failed } = await runSaleApp(sandbox, {
				kind,
				items: [{ number: 4242 }],
				parameters: { operation: 'get', findBy: 'number', orderNumber: '={{ $json.number }}', options: { notFound: 'item' } },
				onError: 'stopWorkflow',
			});
			expect(failed).toEqual([]);
			expect(ok.map((item) => [item.json, item.pairedItem])).toEqual([[{ found: false, number: 4242 }, { item: 0 }]]);
		});
	});

	it('outputs every order sharing an external id, each paired with its input item', async () => {
		sandbox.saleapp.seedOrder({ externalId: 'DUP', clientId: '50' });
		sandbox.saleapp.seedOrder({ externalId: 'DUP', clientId: '51' });
		sandbox.saleapp.seedOrder({ externalId: 'OTHER', clientId: '51' });
		const { ok } = await runSaleApp(sandbox, {
			kind: 'organisation',
			items: [{ ext: 'DUP' }, { ext: 'OTHER' }],
			parameters: { operation: 'get', findBy: 'externalId', externalId: '={{ $json.ext }}' },
		});
		expect(ok.map((item) => [item.json.external_id, item.pairedItem])).toEqual([
			['DUP', { item: 0 }],
			['DUP', { item: 0 }],
			['OTHER', { item: 1 }],
		]);
	});

	it('narrows an external id to one client with the organisation key; a counterparty key sees only its own client', async () => {
		sandbox.saleapp.seedOrder({ externalId: 'DUP', clientId: '50' });
		const other = sandbox.saleapp.seedOrder({ externalId: 'DUP', clientId: '51' });
		const organisation = await runSaleApp(sandbox, {
			kind: 'organisation',
			parameters: { operation: 'get', findBy: 'externalId', externalId: 'DUP', clientId: '51' },
		});
		expect(organisation.ok.map((item) => item.json.id)).toEqual([other.id]);

		const counterparty = await runSaleApp(sandbox, {
			kind: 'counterparty',
			parameters: { operation: 'get', findBy: 'id', orderId: other.id, clientId: '51' },
		});
		expect(counterparty.ok).toEqual([]);
		expect(sentForms(sandbox).at(-1)).not.toHaveProperty('client_id');
	});

	it('rejects an id that is not a whole number on the error output, without asking SaleApp', async () => {
		const { ok, failed } = await runSaleApp(sandbox, {
			kind: 'organisation',
			items: [{ id: 'abc' }, { id: 0 }],
			parameters: { operation: 'get', findBy: 'id', orderId: '={{ $json.id }}' },
		});
		expect(ok).toEqual([]);
		expect(failed.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(failed[1].json.error).toContain('Order ID must be a whole number above 0');
		expect(sentForms(sandbox)).toEqual([]);
	});
});
