import type { IDataObject } from 'n8n-workflow';

import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { createFromItems, itemOrder, runSaleApp } from './helpers';

const COUNT = 500;

/** What each item is meant to be: most good, some broken before sending, some refused by SaleApp. */
function kindOf(index: number): 'good' | 'noCityRef' | 'badPhone' | 'unknownProduct' {
	if (index % 25 === 0) return 'badPhone';
	if (index % 10 === 3) return 'noCityRef';
	if (index % 10 === 7) return 'unknownProduct';
	return 'good';
}

describe('SaleApp node: 500 orders in one run, good and bad mixed', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ seed: 7 });
	});
	afterAll(async () => await sandbox.stop());

	it('puts every item in exactly one output, creates each good order once, and names each failure', async () => {
		const generatedOrders = sandbox.generator.orders(COUNT);
		const items = generatedOrders.map((generated, index) => {
			const overrides: IDataObject = {
				receiver_name: `${generated.customer.firstName} ${generated.customer.lastName}`,
				receiver_phone: generated.customer.phone,
				city: generated.address.city,
				products: generated.lines.map((line) => ({ sku: line.product.article, qty: line.quantity, cost: line.product.priceKopecks / 100 })),
			};
			const kind = kindOf(index);
			if (kind === 'badPhone') overrides.receiver_phone = 'немає';
			if (kind === 'noCityRef') overrides.city_ref = undefined;
			if (kind === 'unknownProduct') overrides.products = [{ sku: `MISSING-${index}`, qty: 1, cost: 1 }];
			return itemOrder(`BULK-${index}`, overrides);
		});

		const { ok, failed } = await runSaleApp(sandbox, {
			kind: 'organisation',
			items,
			parameters: createFromItems('organisation'),
		});

		const indexOf = (item: { pairedItem?: unknown }) => (item.pairedItem as { item: number }).item;
		const seen = [...ok, ...failed].map(indexOf).sort((a, b) => a - b);
		expect(seen).toEqual(Array.from({ length: COUNT }, (_, index) => index));

		const expected = Array.from({ length: COUNT }, (_, index) => kindOf(index));
		expect(ok.map(indexOf)).toEqual(expected.flatMap((kind, index) => (kind === 'good' ? [index] : [])));
		for (const item of ok) {
			const stored = sandbox.saleapp.byExternalId(item.json.external_id as string);
			expect(stored).toHaveLength(1);
			expect(item.json.create_id).toBe(stored[0].id);
			expect(item.json.external_id).toBe(`BULK-${indexOf(item)}`);
		}
		expect(sandbox.saleapp.orders.size).toBe(ok.length);

		for (const item of failed) {
			const index = indexOf(item);
			const message = item.json.error as string;
			expect(item.json.external_id).toBe(`BULK-${index}`);
			expect(message).toContain(`Order with external ID "BULK-${index}"`);
			const kind = kindOf(index);
			if (kind === 'badPhone') expect(message).toContain('receiver_phone "немає" has no digits');
			if (kind === 'noCityRef') expect(message).toContain('city_ref is required for delivery type 3');
			if (kind === 'unknownProduct') expect(message).toContain(`не знайдено: {"sku":"MISSING-${index}"`);
		}
	}, 60_000);
});
