import fc from 'fast-check';

import type { OrderLine } from '../../../nodes/shared/orders/canonical';
import { spreadDiscount } from '../../../nodes/shared/orders/saleapp/discount';
import { defaultSettings, transformOrder } from '../../../nodes/shared/orders/transform';
import type { TransformSettings } from '../../../nodes/shared/orders/transform';
import { horoshopExample } from '../../fixtures/seedExamples';

const NOW = '2021-04-09T12:00:00.000+03:00';
const toSaleApp = (totals: TransformSettings['totals'] = 'error'): TransformSettings => ({
	...defaultSettings('horoshop', 'saleapp', 'Europe/Kyiv', NOW),
	totals,
});

/** A Horoshop order delivered by the shop's courier, with these lines and an order discount. */
function horoshopOrder(products: Array<[article: string, price: number, quantity: number]>, discount: number, delivery = 0) {
	const goods = products.reduce((sum, [, price, quantity]) => sum + Math.round(price * 100) * quantity, 0);
	return {
		...horoshopExample,
		additional_data: [],
		delivery_data: [],
		delivery_price: delivery,
		products: products.map(([article, price, quantity], index) => ({
			title: article,
			article,
			price,
			quantity,
			total_price: (Math.round(price * 100) * quantity) / 100,
			storage_id: 100 + index,
			parent_storage_id: null,
		})),
		total_default: goods / 100,
		discount_value: discount,
		total_sum: (goods - Math.round(discount * 100)) / 100,
	};
}

type Line = { sku: string; qty: number; cost: number; discount_percent?: number };

/** What SaleApp takes off a line for its discount_percent (seed 003: a percentage of the line), in kopecks. */
const kopecksOff = (line: Line) => Math.round((Math.round(line.cost * 100) * line.qty * (line.discount_percent ?? 0)) / 100);

describe('SaleApp Create carries the order discount as discount_percent per line', () => {
	it('spreads a Horoshop coupon over the lines so they take off exactly the discount, each in hundredths of a percent', () => {
		const order = horoshopOrder(
			[
				['A', 149.9, 3],
				['B', 1250, 1],
				['C', 37.45, 2],
			],
			123.45,
		);

		const result = transformOrder(order, toSaleApp());

		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		const lines = result.output.products as Line[];
		expect(lines.map((line) => [line.sku, line.qty, line.cost])).toEqual([
			['A', 3, 149.9],
			['B', 1, 1250],
			['C', 2, 37.45],
		]);
		expect(lines.reduce((sum, line) => sum + kopecksOff(line), 0)).toBe(12345);
		for (const line of lines) {
			expect(Math.abs((line.discount_percent as number) * 100 - Math.round((line.discount_percent as number) * 100))).toBeLessThan(1e-9);
			// In proportion: 123.45 of 1,774.60 is 6.956 %.
			expect(Math.abs((line.discount_percent as number) - 6.956)).toBeLessThan(0.05);
		}
		expect(result.notes).toContainEqual({ field: 'products', message: 'the order discount of 123.45 is spread over the lines as discount_percent' });
	});

	it('sends no discount_percent when the order has no discount', () => {
		const result = transformOrder(horoshopOrder([['A', 149.9, 3]], 0), toSaleApp());

		expect(result).toMatchObject({ ok: true, output: { products: [{ sku: 'A', qty: 3, cost: 149.9 }] } });
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		expect((result.output.products as Line[])[0]).not.toHaveProperty('discount_percent');
	});

	it('a single dear line that hundredths of a percent cannot bring to the kopeck is an error, or by option a note', () => {
		// 1 % of 2,000.00 is 20.00, so a hundredth is 0.20: 150.55 is 7.5275 %, sent as 7.53 % = 150.60.
		const order = horoshopOrder([['A', 2000, 1]], 150.55);

		expect(transformOrder(order, toSaleApp())).toMatchObject({
			ok: false,
			errors: [
				{
					field: 'products',
					message:
						'the order discount of 150.55 cannot be spread over the lines as discount_percent to the kopeck (off by 0.05: a hundredth of a percent of these lines is more than a kopeck); set Totals That Do Not Add Up to pass it on with a note',
				},
			],
		});
		const flagged = transformOrder(order, toSaleApp('flag'));
		expect(flagged).toMatchObject({ ok: true, output: { products: [{ sku: 'A', qty: 1, cost: 2000, discount_percent: 7.53 }] } });
	});

	it('notes that the delivery cost is not sent, SaleApp having no field for it', () => {
		const result = transformOrder(horoshopOrder([['A', 149.9, 3]], 0, 60), toSaleApp());

		expect(result).toMatchObject({ ok: true });
		expect(result.notes).toContainEqual({
			field: 'delivery.cost',
			message: "60.00 is not sent: SaleApp's order has no delivery cost field (delivery_amount is the cash to collect)",
		});
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		expect(JSON.stringify(result.output)).not.toContain('60');
	});

	it('keeps a line its own discount and adds its share of the order discount on top', () => {
		const lines: OrderLine[] = [
			{ kind: 'plain', product: { sku: 'A' }, quantity: 2, unitPrice: 5000, discountPercent: 10 },
			{ kind: 'plain', product: { sku: 'B' }, quantity: 1, unitPrice: 1000 },
		];
		// A costs 100.00 - 10.00 = 90.00, B 10.00: 10.00 off the order is 9.00 on A and 1.00 on B.
		expect(spreadDiscount(lines, 1000)).toEqual({ percents: [19, 10], missing: 0 });
		expect(spreadDiscount(lines, 0)).toEqual({ percents: [10, undefined], missing: 0 });
	});

	it('takes off exactly the order discount when a line costs 50.00 to 100.00 (property)', () => {
		// Each line up to 10 × 1,000.00 leaves at most 1.01 untaken; a line of 50.00 or more with up
		// to half of it off has room for what four of them leave.
		const line = fc.record({ unitPrice: fc.integer({ min: 1, max: 100_000 }), quantity: fc.integer({ min: 1, max: 10 }) });
		fc.assert(
			fc.property(
				fc.array(line, { minLength: 0, maxLength: 4 }),
				fc.record({ unitPrice: fc.integer({ min: 5_000, max: 10_000 }), quantity: fc.constant(1) }),
				fc.double({ min: 0, max: 0.5, noNaN: true }),
				(others, cheap, share) => {
					const all = [...others, cheap];
					const goods = all.reduce((sum, entry) => sum + entry.unitPrice * entry.quantity, 0);
					const discount = Math.floor(goods * share);
					const lines: OrderLine[] = all.map((entry) => ({ kind: 'plain', product: { sku: 'X' }, ...entry }));

					const { percents, missing } = spreadDiscount(lines, discount);

					const off = all.reduce((sum, entry, index) => sum + Math.round((entry.unitPrice * entry.quantity * (percents[index] ?? 0)) / 100), 0);
					expect(missing).toBe(0);
					expect(off).toBe(discount);
					for (const percent of percents) expect(percent === undefined || (percent > 0 && percent <= 100)).toBe(true);
				},
			),
			{ numRuns: 1000 },
		);
	});
});
