import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { SALEAPP_KEYS, SALEAPP_PRODUCTS } from '../../../sandbox/systems/saleapp';

/** The fake SaleApp answers as seed 003 describes; these checks keep it honest for every test that uses it. */
describe('sandbox SaleApp fake', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	const call = async (key: string, form: Record<string, string>) => {
		const response = await fetch(`${sandbox.url}/Orders?secret_key=${encodeURIComponent(key)}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(form),
		});
		return { status: response.status, body: (await response.json()) as Record<string, unknown> };
	};
	const organisation = { client_id: '50', curency_id: '6', warehouse_id: '7' };
	const create = (key: string, products: object[], extra: Record<string, string> = {}) =>
		call(key, { method_type: 'POST', delivery_types: '1', products: JSON.stringify(products), ...extra });
	const [first, second, third] = SALEAPP_PRODUCTS;

	it('finds products by id, then external_id (organisation) or supplier_id (counterparty), then sku', async () => {
		const byId = await create(SALEAPP_KEYS.organisation, [{ id: first.id, sku: second.sku, qty: 1 }], organisation);
		const byExternal = await create(SALEAPP_KEYS.organisation, [{ external_id: second.externalId, sku: third.sku, qty: 1 }], organisation);
		const bySupplier = await create(SALEAPP_KEYS.counterparty, [{ supplier_id: third.supplierCode, sku: first.sku, qty: 1 }]);
		const ids = [byId, byExternal, bySupplier].map((answer) => answer.body.create_id as number);
		expect(ids.map((id) => sandbox.saleapp.orders.get(id)!.lines[0].product.id)).toEqual([first.id, second.id, third.id]);

		// A key kind's foreign field is not searched: SKU decides, or nothing does.
		const supplierWithOrganisationKey = await create(SALEAPP_KEYS.organisation, [{ supplier_id: third.supplierCode, qty: 1 }], organisation);
		expect(supplierWithOrganisationKey.body).toMatchObject({ error: 'true' });
		const externalWithCounterpartyKey = await create(SALEAPP_KEYS.counterparty, [{ external_id: second.externalId, sku: first.sku, qty: 1 }]);
		const order = sandbox.saleapp.orders.get(externalWithCounterpartyKey.body.create_id as number)!;
		expect(order.lines[0].product.id).toBe(first.id);
	});

	it('answers with HTTP 200, error as a string and numbers as strings, as in the seed', async () => {
		const created = await create(SALEAPP_KEYS.counterparty, [{ id: first.id, qty: 2, cost: 12.98 }], { external_id: 'S-1' });
		expect(created).toEqual({ status: 200, body: { error: 'false', error_description: 'Документ успішно створено!', create_id: expect.any(Number) } });
		const found = await call(SALEAPP_KEYS.counterparty, { method_type: 'GET', external_id: 'S-1' });
		const [order] = found.body.response as Array<Record<string, unknown>>;
		expect(order).toMatchObject({ id: String(created.body.create_id), status_id: '0', delivery_types: '1' });
		expect((order.products as object[])[0]).toMatchObject({ id: String(first.id), qty: '2', cost: '12.98' });

		const wrongKey = await call('nope', { method_type: 'GET', id: '1' });
		expect(wrongKey.status).toBe(200);
		expect(wrongKey.body.error).toBe('true');
	});

	it('needs client, currency and warehouse with the organisation key; a counterparty key fixes them', async () => {
		const missing = await create(SALEAPP_KEYS.organisation, [{ id: first.id, qty: 1 }], { client_id: '50', curency_id: '6' });
		expect(missing.body).toEqual({ error: 'true', error_description: 'Не вказано warehouse_id' });
		const fixed = await create(SALEAPP_KEYS.counterparty, [{ id: first.id, qty: 1 }], { client_id: '51', warehouse_id: '8' });
		expect(sandbox.saleapp.orders.get(fixed.body.create_id as number)).toMatchObject({ clientId: '50', currencyId: '6', warehouseId: '7' });
	});

	it('deletes only in statuses 0, 1 and 2', async () => {
		const deletable = [0, 1, 2].map((statusId) => sandbox.saleapp.seedOrder({ statusId }));
		const kept = [3, 4, 5].map((statusId) => sandbox.saleapp.seedOrder({ statusId }));
		for (const order of [...deletable, ...kept]) {
			const answer = await call(SALEAPP_KEYS.counterparty, { method_type: 'DELETE', id: String(order.id) });
			expect(answer.body.error).toBe(order.statusId <= 2 ? 'false' : 'true');
		}
		expect([...sandbox.saleapp.orders.keys()]).toEqual(kept.map((order) => order.id));
	});
});
