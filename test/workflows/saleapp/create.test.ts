import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { SALEAPP_COUNTERPARTY, SALEAPP_PRODUCTS } from '../../../sandbox/systems/saleapp';
import { KEY_KINDS, OWNER, createFromItems, itemOrder, runSaleApp, sentForms } from './helpers';
import type { KeyKind } from './helpers';

describe('SaleApp node: create orders', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	const fromForm = (kind: KeyKind, extra: Record<string, unknown> = {}) => ({
		operation: 'create',
		orderSource: 'fields',
		...(kind === 'organisation' ? OWNER : {}),
		externalId: 'SHOP-77',
		deliveryType: 3,
		receiverName: 'Олена Ткаченко',
		receiverPhone: '+38 (050) 123-45-67',
		city: 'Львів',
		cityRef: 'db5c88f5-391c-11dd-90d9-001a92567626',
		address: 'Відділення №5',
		branchRef: '7b422fbe-e1b8-11e3-8c4a-0050568002cf',
		products: {
			line: [
				{ id: 0, externalId: SALEAPP_PRODUCTS[0].externalId, supplierId: SALEAPP_PRODUCTS[0].supplierCode, qty: 2, cost: 150 },
				{ id: 0, sku: 'CUP-100', qty: 1, cost: 89.5, discountPercent: 10 },
			],
		},
		additionalFields: {
			insuranceAmount: 300,
			deliveryAmount: 389,
			tagIds: '8,3',
			customFields: { field: [{ name: 'comment', value: 'Подзвоніть заздалегідь' }] },
		},
		...extra,
	});

	describe.each(KEY_KINDS)('with the %s key', (kind) => {
		it('creates an order from the form and returns create_id with the order', async () => {
			const { ok, failed } = await runSaleApp(sandbox, { kind, parameters: fromForm(kind) });
			expect(failed).toEqual([]);
			expect(ok).toHaveLength(1);
			const [stored] = sandbox.saleapp.byExternalId('SHOP-77');
			expect(ok[0].json).toMatchObject({ create_id: stored.id, alreadyExisted: false, external_id: 'SHOP-77', receiver_phone: '380501234567' });
			expect(ok[0].pairedItem).toEqual({ item: 0 });

			// The fake found both products: the first by the key kind's own field, the second by SKU.
			expect(stored.lines.map((line) => [line.product.sku, line.qty, line.cost, line.discountPercent])).toEqual([
				[SALEAPP_PRODUCTS[0].sku, 2, 150, 0],
				['CUP-100', 1, 89.5, 10],
			]);
			expect(stored.receiverPhone).toBe('380501234567');
			expect(stored.customFields).toEqual({ comment: 'Подзвоніть заздалегідь' });
			expect(stored.tagIds).toEqual(['8', '3']);

			const [form] = sentForms(sandbox, 'POST');
			expect(form.receiver_phone).toBe('380501234567');
			expect(JSON.parse(form.products)).toEqual([
				kind === 'organisation'
					? { external_id: SALEAPP_PRODUCTS[0].externalId, qty: 2, cost: 150 }
					: { supplier_id: SALEAPP_PRODUCTS[0].supplierCode, qty: 2, cost: 150 },
				{ sku: 'CUP-100', qty: 1, cost: 89.5, discount_percent: 10 },
			]);
			expect(JSON.parse(form.custom_fields)).toEqual({ comment: 'Подзвоніть заздалегідь' });
			if (kind === 'organisation') {
				expect(form).toMatchObject({ client_id: '51', curency_id: '7', warehouse_id: '8' });
				expect([stored.clientId, stored.currencyId, stored.warehouseId]).toEqual(['51', '7', '8']);
			} else {
				expect(form).not.toHaveProperty('client_id');
				expect(form).not.toHaveProperty('curency_id');
				expect(form).not.toHaveProperty('warehouse_id');
				expect(stored.clientId).toBe(SALEAPP_COUNTERPARTY.clientId);
			}
		});

		it('creates orders from input items as the Order Transformer emits them, or in wire form', async () => {
			const typed = itemOrder('T-1', { client_id: kind === 'organisation' ? 50 : undefined });
			const wire = itemOrder('T-2', {
				delivery_types: '1',
				city_ref: undefined,
				branch_ref: undefined,
				products: JSON.stringify([{ id: String(SALEAPP_PRODUCTS[1].id), qty: '1', cost: '65' }]),
				custom_fields: '{"source":"shop"}',
			});
			const { ok, failed } = await runSaleApp(sandbox, { kind, items: [typed, wire], parameters: createFromItems(kind) });
			expect(failed).toEqual([]);
			expect(ok.map((item) => item.json.create_id)).toEqual([
				sandbox.saleapp.byExternalId('T-1')[0].id,
				sandbox.saleapp.byExternalId('T-2')[0].id,
			]);
			const t2 = sandbox.saleapp.byExternalId('T-2')[0];
			expect(t2.lines[0].product.id).toBe(SALEAPP_PRODUCTS[1].id);
			expect(t2.customFields).toEqual({ source: 'shop' });
			if (kind === 'organisation') {
				// The item's own client wins over the node's.
				expect(sandbox.saleapp.byExternalId('T-1')[0].clientId).toBe('50');
				expect(t2.clientId).toBe(OWNER.clientId);
			}
		});

		it('returns an existing order instead of creating it again (Skip if External ID Exists, on by default)', async () => {
			const existing = sandbox.saleapp.seedOrder({ externalId: 'SHOP-77', clientId: kind === 'organisation' ? OWNER.clientId : '50' });
			const { ok, failed } = await runSaleApp(sandbox, { kind, parameters: fromForm(kind) });
			expect(failed).toEqual([]);
			expect(ok[0].json).toMatchObject({ create_id: existing.id, id: existing.id, alreadyExisted: true });
			expect(sandbox.saleapp.byExternalId('SHOP-77')).toHaveLength(1);
			expect(sentForms(sandbox, 'POST')).toEqual([]);
		});

		it('creates it anyway when "Skip if External ID Exists" is off', async () => {
			sandbox.saleapp.seedOrder({ externalId: 'SHOP-77' });
			const { ok } = await runSaleApp(sandbox, {
				kind,
				parameters: fromForm(kind, { options: { skipIfExists: false } }),
			});
			expect(ok[0].json.alreadyExisted).toBe(false);
			expect(sandbox.saleapp.byExternalId('SHOP-77')).toHaveLength(2);
			expect(sentForms(sandbox, 'GET')).toEqual([]);
		});
	});

	it('checks the rules before sending: each broken order on the error output, named, the rest created', async () => {
		const items = [
			itemOrder('R-ok-pickup', { delivery_types: 1, city_ref: undefined, branch_ref: undefined }),
			itemOrder('R-no-city-ref', { delivery_types: 5, city_ref: '' }),
			itemOrder('R-no-branch-ref', { branch_ref: undefined }),
			itemOrder('R-ok-own', { delivery_types: 2, city_ref: undefined, branch_ref: undefined }),
			itemOrder('R-bad-phone', { receiver_phone: 'не дзвонити' }),
			itemOrder('R-no-products', { products: [] }),
			itemOrder('R-bad-type', { delivery_types: 4 }),
			itemOrder('R-bad-json', { products: '[{"sku": "WTR-19"' }),
			itemOrder('R-no-product-key', { products: [{ qty: 1, cost: 10 }] }),
		];
		const { ok, failed } = await runSaleApp(sandbox, { kind: 'counterparty', items, parameters: createFromItems('counterparty') });
		expect(ok.map((item) => [item.json.external_id, item.pairedItem])).toEqual([
			['R-ok-pickup', { item: 0 }],
			['R-ok-own', { item: 3 }],
		]);
		const errors = Object.fromEntries(failed.map((item) => [item.json.external_id as string, item.json.error as string]));
		expect(failed.map((item) => (item.pairedItem as { item: number }).item)).toEqual([1, 2, 4, 5, 6, 7, 8]);
		expect(errors['R-no-city-ref']).toBe('Order with external ID "R-no-city-ref": city_ref is required for delivery type 5 (only 1 and 2 go without it)');
		expect(errors['R-no-branch-ref']).toBe('Order with external ID "R-no-branch-ref": branch_ref is required for delivery type 3 (Nova Poshta branch)');
		expect(errors['R-bad-phone']).toContain('receiver_phone "не дзвонити" has no digits');
		expect(errors['R-no-products']).toContain('products: an order needs at least one product');
		expect(errors['R-bad-type']).toContain('delivery_types: must be 1 (pickup), 2 (own delivery), 3 (Nova Poshta branch) or 5');
		expect(errors['R-bad-json']).toContain('products is not valid JSON');
		expect(errors['R-no-product-key']).toContain('products.0: a product line needs an id, external id, supplier id or SKU');
		// Only the two good orders reached SaleApp.
		expect(sentForms(sandbox, 'POST').map((form) => form.external_id)).toEqual(['R-ok-pickup', 'R-ok-own']);
		expect(sentForms(sandbox, 'POST')[0].receiver_phone).toBe('380678976756');
	});

	it('needs client, currency and warehouse with the organisation key', async () => {
		const { ok, failed } = await runSaleApp(sandbox, {
			kind: 'organisation',
			items: [itemOrder('O-1')],
			// An expression that comes out empty passes n8n's own "required" check.
			parameters: { ...createFromItems('organisation'), warehouseId: '={{ $json.warehouse }}' },
		});
		expect(ok).toEqual([]);
		expect(failed[0].json.error).toBe(
			'Order with external ID "O-1": warehouse_id is required with an organisation key (fill "Warehouse ID" on the node)',
		);
		expect(sentForms(sandbox)).toEqual([]);
	});

	it("puts SaleApp's own refusal on the error output with its description", async () => {
		const { ok, failed } = await runSaleApp(sandbox, {
			kind: 'organisation',
			items: [itemOrder('U-1', { products: [{ sku: 'NO-SUCH-SKU', qty: 1, cost: 1 }] }), itemOrder('U-2')],
			parameters: createFromItems('organisation'),
		});
		expect(ok.map((item) => item.json.external_id)).toEqual(['U-2']);
		expect(failed[0].pairedItem).toEqual({ item: 0 });
		expect(failed[0].json.error).toContain('SaleApp: create order failed');
		expect(failed[0].json.error).toContain('Order with external ID "U-1": Товар №1 не знайдено');
		expect(sandbox.saleapp.byExternalId('U-1')).toEqual([]);
	});

	it('stops with a clear message when the node\'s key kind does not match the credential', async () => {
		const { error, ok } = await runSaleApp(sandbox, {
			kind: 'counterparty',
			items: [itemOrder('K-1')],
			parameters: { ...createFromItems('organisation'), keyKind: 'organisation' },
			onError: 'stopWorkflow',
		});
		expect(ok).toEqual([]);
		expect(error?.message).toBe('The credential holds a counterparty key but the node\'s "Key Kind" is "organisation"');
		expect(sentForms(sandbox)).toEqual([]);
	});

	it('with two items of one external id in a run, creates one order and returns it for both', async () => {
		const { ok } = await runSaleApp(sandbox, {
			kind: 'counterparty',
			items: [itemOrder('TWICE'), itemOrder('TWICE')],
			parameters: createFromItems('counterparty'),
		});
		expect(sandbox.saleapp.byExternalId('TWICE')).toHaveLength(1);
		expect(ok.map((item) => item.json.alreadyExisted)).toEqual([false, true]);
		expect(ok[0].json.create_id).toBe(ok[1].json.create_id);
	});
});
