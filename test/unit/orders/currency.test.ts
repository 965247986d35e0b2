import { transformOrder, defaultSettings } from '../../../nodes/shared/orders/transform';
import type { TargetFormat } from '../../../nodes/shared/orders/transform';
import { horoshopExample } from '../../fixtures/seedExamples';

// Delivered by the shop's own courier: SaleApp then needs no Nova Poshta city.
const order = { ...horoshopExample, additional_data: [], delivery_data: [] };
const NOW = '2021-04-09T12:00:00.000+03:00';
const settings = (to: TargetFormat, currency?: string) => ({
	...defaultSettings('horoshop', to, 'Europe/Kyiv', NOW),
	...(currency ? { currency } : {}),
});

describe('the order currency and the target system', () => {
	it.each(['aqua', 'onec', 'saleapp'] as const)('a Horoshop order in UAH goes to %s as it is', (to) => {
		const result = transformOrder(order, settings(to));
		expect(result).toMatchObject({ ok: true });
	});

	it.each([
		['aqua', 'Aqua Delivery'],
		['onec', '1C'],
		['saleapp', 'SaleApp'],
	] as const)('a Horoshop order in USD is an error for %s naming the field and both currencies', (to, name) => {
		const result = transformOrder({ ...order, currency: 'USD' }, settings(to));
		expect(result.ok).toBe(false);
		expect(result.ok ? [] : result.errors).toEqual([
			{
				field: 'currency',
				message: `the order is in USD, but ${name} takes its amounts in UAH (the Target Currency option); amounts are not converted`,
			},
		]);
	});

	it('a target kept in USD takes the USD order and refuses the UAH one', () => {
		expect(transformOrder({ ...order, currency: 'usd' }, settings('aqua', 'USD'))).toMatchObject({ ok: true });
		expect(transformOrder(order, settings('aqua', 'USD'))).toMatchObject({
			ok: false,
			errors: [{ field: 'currency', message: expect.stringContaining('the order is in UAH, but Aqua Delivery takes its amounts in USD') }],
		});
	});

	it('Canonical keeps the currency; a Canonical order in EUR is refused by SaleApp naming money.currency', () => {
		const canonical = transformOrder({ ...order, currency: 'EUR' }, settings('canonical'));
		expect(canonical).toMatchObject({ ok: true, output: { money: { currency: 'EUR' } } });
		const output = canonical.ok ? canonical.output : {};

		const result = transformOrder(output, { ...settings('saleapp'), from: 'canonical' });

		expect(result).toMatchObject({ ok: false, errors: [{ field: 'money.currency', message: expect.stringContaining('the order is in EUR') }] });
	});
});
