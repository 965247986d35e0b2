import type { TransformSettings } from '../../../nodes/shared/orders/transform';
import { defaultSettings, transformOrder } from '../../../nodes/shared/orders/transform';
import { horoshopDeliveryDataExample, horoshopExample } from '../../fixtures/seedExamples';

const NOW = '2026-11-22T10:00:00Z';
const LOOKUP = { '10000001': 'P1', '10000005': 'P5', '10000009': 'P9', '10000013': 'GIFT', test_set_123: 'SET' };

function toAqua(order: unknown, changes: Partial<TransformSettings> = {}) {
	return transformOrder(order, { ...defaultSettings('horoshop', 'aqua', 'Europe/Kyiv', NOW), ...changes });
}

type AquaLine = { product_id: string; price: number; quantity: number };
function linesOf(result: ReturnType<typeof toAqua>): Array<[string, number, number]> {
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return (result.output.order_item_list as AquaLine[]).map((line) => [line.product_id, line.price, line.quantity]);
}

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object') {
		Object.values(value).forEach(deepFreeze);
		Object.freeze(value);
	}
	return value;
}

describe('sets and gifts', () => {
	const products = { key: 'article' as const, lookup: LOOKUP, unknown: 'error' as const };

	it('sends a set once, at its own price, with the gift at 0', () => {
		const result = toAqua(horoshopExample, { products });
		expect(linesOf(result)).toEqual([
			['P1', 1001, 1],
			['GIFT', 0, 1],
			['SET', 2412, 1],
		]);
		expect(result.ok && result.output.total).toBe(3413);
	});

	it('can send the set’s items instead, its price spread over them to the kopeck', () => {
		const result = toAqua(horoshopExample, { products, sets: 'items' });
		// 2412 over items priced 1001, 1005, 1009 (3015): 800.80, 804.00, 807.20.
		expect(linesOf(result)).toEqual([
			['P1', 1001, 1],
			['GIFT', 0, 1],
			['P1', 800.8, 1],
			['P5', 804, 1],
			['P9', 807.2, 1],
		]);
		const sum = linesOf(result).reduce((total, [, price, quantity]) => total + Math.round(price * 100) * quantity, 0);
		expect(sum).toBe(341300);
		expect(result.ok && result.output.total).toBe(3413);
	});

	it('keeps every line when converting to Canonical, so a later write can still send the set\'s items', () => {
		const canonical = transformOrder(horoshopExample, { ...defaultSettings('horoshop', 'canonical', 'Europe/Kyiv', NOW), gifts: 'drop' });
		if (!canonical.ok) throw new Error(JSON.stringify(canonical.errors));
		const viaCanonical = transformOrder(canonical.output, {
			...defaultSettings('canonical', 'aqua', 'Europe/Kyiv', NOW),
			products: { key: 'first', lookup: LOOKUP, unknown: 'error' },
			sets: 'items',
		});
		const direct = toAqua(horoshopExample, { products, sets: 'items' });
		expect(linesOf(viaCanonical)).toEqual(linesOf(direct));
	});

	it('drops gifts when asked, and the total is unchanged because they cost 0', () => {
		const result = toAqua(horoshopExample, { products, gifts: 'drop' });
		expect(linesOf(result)).toEqual([
			['P1', 1001, 1],
			['SET', 2412, 1],
		]);
		expect(result.ok && result.output.total).toBe(3413);
		expect(result.notes.map((note) => note.field)).not.toContain('money.total');
	});

	it('splits a set item whose share does not divide by its units into two lines, the sum exact to the kopeck', () => {
		const order = {
			...horoshopExample,
			total_sum: 100.01,
			products: [
				// 100.01 spread over 30.00 and 10.00 gives 75.01 for 3 units: no equal unit price.
				{ title: 'Набір', article: 'test_set_123', price: 100.01, quantity: 1, type: 'set_main', storage_id: 1, parent_storage_id: null },
				{ title: 'Вода', article: '10000001', price: 10, quantity: 3, type: 'set_item', storage_id: 2, parent_storage_id: 1 },
				{ title: 'Помпа', article: '10000005', price: 10, quantity: 1, type: 'set_item', storage_id: 3, parent_storage_id: 1 },
			],
		};
		const result = toAqua(order, { products, sets: 'items' });
		// 75.01 over 3 units: 2 × 25.00 and 1 × 25.01; the pump's share is 25.00.
		expect(linesOf(result)).toEqual([
			['P1', 25, 2],
			['P1', 25.01, 1],
			['P5', 25, 1],
		]);
		expect(result.ok && result.output.total).toBe(100.01);
		expect(result.notes.map((note) => note.field)).toContain('lines[1]');
	});
});

describe('unknown products under each policy', () => {
	const order = {
		...horoshopExample,
		total_sum: 1101,
		products: [
			{ title: 'Вода 19 л', article: '10000001', price: 1001, quantity: 1 },
			{ title: 'Новинка', article: 'NEW-1', price: 50, quantity: 2 },
		],
	};
	const withPolicy = (unknown: 'error' | 'drop' | 'passThrough') =>
		toAqua(order, { products: { key: 'article', lookup: { '10000001': 'P1' }, unknown } });

	it('error: the order goes to the error output naming the line and the key', () => {
		expect(withPolicy('error')).toMatchObject({
			ok: false,
			orderId: '7',
			errors: [{ field: 'lines[1].product.article', message: '"NEW-1" is not in the product map (Новинка)' }],
		});
	});

	it('drop: the line is left out and the total lowered by its amount, with notes', () => {
		const result = withPolicy('drop');
		expect(linesOf(result)).toEqual([['P1', 1001, 1]]);
		expect(result.ok && result.output.total).toBe(1001);
		expect(result.notes).toEqual([
			expect.objectContaining({ field: 'delivery_price' }),
			expect.objectContaining({ field: 'delivery_address' }),
			{ field: 'lines[1].product.article', message: '"NEW-1" is not in the product map (Новинка); line dropped' },
			{ field: 'money.total', message: 'lowered from 1101.00 to 1001.00 for the dropped lines' },
		]);
	});

	it('pass through: the source key is sent as it is, with a note', () => {
		const result = withPolicy('passThrough');
		expect(linesOf(result)).toEqual([
			['P1', 1001, 1],
			['NEW-1', 50, 2],
		]);
		expect(result.ok && result.output.total).toBe(1101);
		expect(result.notes).toContainEqual({ field: 'lines[1].product.article', message: '"NEW-1" is not in the product map (Новинка); sent as "NEW-1"' });
	});

	it('an order whose every line is dropped is an error, not an empty order', () => {
		const result = toAqua(order, { products: { key: 'article', lookup: {}, unknown: 'drop' } });
		expect(!result.ok && result.errors).toEqual([{ field: 'lines', message: 'no order lines are left to send' }]);
	});
});

describe('order-level discounts', () => {
	it('are taken from total_sum when the stated discounts explain the gap, and flagged for Aqua', () => {
		const order = { ...horoshopExample, total_sum: 3313, discount_value: 60, coupon_discount_value: 40 };
		const result = toAqua(order);
		expect(result.ok && result.output.total).toBe(3313);
		expect(linesOf(result).reduce((sum, [, price, quantity]) => sum + price * quantity, 0)).toBe(3413);
		expect(result.notes).toContainEqual({
			field: 'total',
			message: 'includes an order discount of 100 that the line prices do not show (Aqua has no discount field)',
		});
	});

	it('that do not explain the gap make the total not add up', () => {
		const result = toAqua({ ...horoshopExample, total_sum: 3313, discount_value: 50 });
		expect(!result.ok && result.errors).toEqual([
			{ field: 'money.total', message: "the order's total 3313.00 does not add up: lines 3413.00 make 3413.00" },
		]);
	});
});

describe('canonical orders as input', () => {
	it('match products by the first key their lines have, through the product map', () => {
		const first = transformOrder(horoshopExample, defaultSettings('horoshop', 'canonical', 'Europe/Kyiv', NOW));
		const canonical = first.ok ? first.output : {};
		const result = transformOrder(canonical, {
			...defaultSettings('canonical', 'onec', 'Europe/Kyiv', NOW),
			products: { key: 'first', lookup: LOOKUP, unknown: 'error' },
		});
		expect(linesOf(result)).toEqual([
			['P1', 1001, 1],
			['GIFT', 0, 1],
			['SET', 2412, 1],
		]);
	});

	it('are checked field by field against the canonical schema', () => {
		const result = transformOrder({ source: 'canonical', id: 'A-1', timezone: 'Europe/Kyiv', customer: { phones: ['0671234567'] } }, defaultSettings('canonical', 'aqua', 'Europe/Kyiv', NOW));
		expect(!result.ok && result.errors.map((error) => error.field)).toEqual(['customer.phones[0]', 'address', 'delivery', 'lines', 'money', 'payment']);
		expect(result.orderId).toBe('A-1');
	});

	it('refuse a time that names no real date, naming the field, instead of moving it to another day', () => {
		const canonical = transformOrder(horoshopExample, defaultSettings('horoshop', 'canonical', 'Europe/Kyiv', NOW));
		if (!canonical.ok) throw new Error('the example converts');
		for (const createdAt of ['2026-02-31T10:00:00+02:00', '2026-13-45T10:00:00+02:00']) {
			const result = transformOrder({ ...canonical.output, createdAt }, defaultSettings('canonical', 'aqua', 'Europe/Kyiv', NOW));
			expect(result).toMatchObject({ ok: false, errors: [{ field: 'createdAt', message: 'is not a real date and time' }] });
		}
	});
});

describe('bad input is reported by order and field', () => {
	it.each([
		['delivery_phone', '12345', 'delivery_phone', '"12345" has no country code and is not a Ukrainian number'],
		['delivery_phone', '+380 67 12', 'delivery_phone', '"+380 67 12" is not a valid Ukrainian number (+380 and 9 digits)'],
		['stat_created', 'вчора', 'stat_created', '"вчора" is not a date and time (expected e.g. 2021-04-09 12:09:01)'],
		['total_sum', 3000, 'money.total', "the order's total 3000.00 does not add up: lines 3413.00 make 3413.00"],
	])('%s = %j', (field, value, reported, message) => {
		const result = toAqua({ ...horoshopExample, [field]: value });
		expect(result).toMatchObject({ ok: false, orderId: '7', errors: [{ field: reported, message }] });
	});

	it('lists every problem of an order at once', () => {
		const order = {
			...horoshopExample,
			delivery_phone: 'нема',
			products: [{ title: 'X', article: 'A', price: '12.345', quantity: 0 }],
		};
		const result = toAqua(order);
		expect(!result.ok && result.errors.map((error) => error.field)).toEqual([
			'products[0].quantity',
			'products[0].price',
			'delivery_phone',
		]);
	});

	it('names a missing order id and a non-object item', () => {
		expect(transformOrder('text', defaultSettings('horoshop', 'aqua', 'Europe/Kyiv', NOW))).toMatchObject({
			ok: false,
			orderId: '(no id)',
			errors: [{ field: '', message: 'the item is not an order object' }],
		});
		expect(toAqua({ ...horoshopExample, order_id: undefined })).toMatchObject({ ok: false, errors: [{ field: 'order_id' }] });
	});

	it('asks for a status mapping when the source status has no default for the target', () => {
		const result = toAqua({ ...horoshopExample, stat_status: 9 });
		expect(!result.ok && result.errors).toEqual([
			{ field: 'status', message: 'has no Aqua status for the source status "9"; add it to the status map' },
		]);
		const mapped = toAqua({ ...horoshopExample, stat_status: 9 }, { statusMap: { '9': 'removed' } });
		expect(mapped.ok && mapped.output.status).toBe('removed');
	});

	it('lets the status and payment maps override the defaults', () => {
		const result = toAqua(horoshopExample, { statusMap: { '2': 'new' }, paymentMap: { Наличными: 'nal' } });
		expect(result.ok && [result.output.status, result.output.payment_type]).toEqual(['new', 'nal']);
	});

	it('fills a missing city from the default city, or names the field', () => {
		const noCity = { ...horoshopExample, delivery_city: '' };
		expect(toAqua(noCity)).toMatchObject({
			ok: false,
			errors: [{ field: 'shipping_address.city', message: 'is missing; set a default city if the source has none' }],
		});
		const filled = toAqua(noCity, { defaultCity: 'Київ' });
		expect(filled.ok && (filled.output.shipping_address as { city: string }).city).toBe('Київ');
	});

	it('keeps an address it cannot split whole and refuses it for Aqua, which needs street and house', () => {
		const order = { ...horoshopExample, delivery_address: 'біля старого млина, третій будинок' };
		expect(toAqua(order)).toMatchObject({
			ok: false,
			errors: [{ field: 'shipping_address.house', message: expect.stringContaining('could not be split into street and house safely') }],
		});
		const canonical = transformOrder(order, defaultSettings('horoshop', 'canonical', 'Europe/Kyiv', NOW));
		expect(canonical.ok && canonical.output.address).toEqual({
			city: 'Киев',
			line: 'біля старого млина, третій будинок',
			carrier: { operator: 'nova_poshta', branchRef: '39931b8c-e1c2-11e3-8c4a-0050568002cf' },
		});
		expect(canonical.notes).toContainEqual({
			field: 'delivery_address',
			message: '"біля старого млина, третій будинок" could not be split into street and house safely; kept whole',
		});
	});
});

describe('inputs are never changed', () => {
	it('converts frozen input to every target without touching it', () => {
		const frozen = deepFreeze(JSON.parse(JSON.stringify(horoshopExample)));
		for (const to of ['aqua', 'onec', 'canonical'] as const) {
			const result = transformOrder(frozen, { ...defaultSettings('horoshop', to, 'Europe/Kyiv', NOW), sets: 'items', gifts: 'drop' });
			expect(result.ok).toBe(true);
		}
		expect(frozen).toEqual(horoshopExample);
	});

	it('a canonical order passed through policies stays as it was', () => {
		const first = transformOrder(horoshopExample, defaultSettings('horoshop', 'canonical', 'Europe/Kyiv', NOW));
		const snapshot = JSON.parse(JSON.stringify(first.ok && first.output));
		const canonical = deepFreeze(first.ok ? first.output : {});
		const again = transformOrder(canonical, { ...defaultSettings('canonical', 'aqua', 'Europe/Kyiv', NOW), gifts: 'drop' });
		expect(again.ok && (again.output.order_item_list as AquaLine[]).map((line) => line.product_id)).toEqual(['10000001', 'test_set_123']);
		expect(canonical).toEqual(snapshot);
	});
});

describe('Horoshop order-level discounts', () => {
	const products = { key: 'article' as const, lookup: LOOKUP, unknown: 'error' as const };

	it('counts the manager\'s discount (manager_discount) in the discount, so the total adds up', () => {
		const withManagerDiscount = { ...horoshopExample, total_sum: Number(horoshopExample.total_sum) - 50, manager_discount: 50, manager_discount_title: 'Постійний клієнт' };
		const toCanonical = transformOrder(withManagerDiscount, defaultSettings('horoshop', 'canonical', 'Europe/Kyiv', NOW));
		expect(toCanonical.ok && (toCanonical.output.money as { discount?: number }).discount).toBe(5000);

		const result = toAqua(withManagerDiscount, { products });
		expect(result.ok).toBe(true);
		expect(result.ok && result.output.total).toBe(3363);
	});

	it('sends an unpaid order paid on receipt (payment 15) to SaleApp with its total as cash on delivery (delivery_amount)', () => {
		// With Nova Poshta's delivery details (seed 002's example), so SaleApp gets the city and branch refs.
		const onReceipt = { ...horoshopExample, delivery_data: horoshopDeliveryDataExample, payment_type: { id: 15, title: 'Оплата при отриманні' }, payed: 0 };
		const toSaleApp = (order: unknown) =>
			transformOrder(order, { ...defaultSettings('horoshop', 'saleapp', 'Europe/Kyiv', NOW), products: { key: 'article', unknown: 'error' } });
		const result = toSaleApp(onReceipt);
		expect(result.ok && result.output.delivery_amount).toBe(3413);

		const paid = toSaleApp({ ...onReceipt, payed: 1 });
		expect(paid.ok && paid.output.delivery_amount).toBeUndefined();
	});

	it('splits a discounted multi-unit line whose sum does not divide by its units into two lines for Aqua, the sum exact', () => {
		const canonical = transformOrder(horoshopExample, defaultSettings('horoshop', 'canonical', 'Europe/Kyiv', NOW));
		if (!canonical.ok) throw new Error(JSON.stringify(canonical.errors));
		const order = canonical.output as { lines: Array<Record<string, unknown>> };
		// 2 × 10.00 less 0.05 % is 19.99: no equal unit price to the kopeck.
		const discounted = { ...order, lines: [{ ...order.lines[0], quantity: 2, unitPrice: 1000, discountPercent: 0.05 }] };
		const result = transformOrder(discounted, {
			...defaultSettings('canonical', 'aqua', 'Europe/Kyiv', NOW),
			products: { key: 'first', lookup: LOOKUP, unknown: 'error' },
			totals: 'flag',
		});
		expect(linesOf(result)).toEqual([
			['P1', 9.99, 1],
			['P1', 10, 1],
		]);
		expect(result.notes.map((note) => note.message)).toContain(
			'the discounted line 19.99 does not divide by 2 units, so it is sent as 1 × 9.99 and 1 × 10.00',
		);
	});
});

