import type { ZodTypeAny } from 'zod';

import { aquaImportResponseSchema, aquaOrderSchema } from '../../../nodes/shared/orders/aqua/schema';
import { oneCOrderSchema } from '../../../nodes/shared/orders/onec/schema';
import { describeProblems } from '../../../nodes/shared/import/describe';
import { Problems } from '../../../nodes/shared/orders/problems';
import { parseOrRecord } from '../../../nodes/shared/orders/zodProblems';
import { aquaExample } from '../../fixtures/seedExamples';

/** Seed 000's example order (the same one seed 001 shows), a fresh copy each time to change. */
const seedOrder = () => structuredClone(aquaExample) as Record<string, unknown>;

const problemsOf = (order: unknown, schema: ZodTypeAny = aquaOrderSchema) => {
	const problems = new Problems();
	parseOrRecord(schema, order, problems);
	return describeProblems(problems.errors);
};

describe('Aqua import order schema (seed 000)', () => {
	it("accepts the seed's example and keeps the registered client's extra fields", () => {
		const parsed = aquaOrderSchema.parse(seedOrder());
		expect(parsed.client).toMatchObject({ account_number: 68, type: 'fiz' });
		expect(parsed.order_item_list[0]).toMatchObject({ order_product_id: 1435, external_id: 1 });
	});

	it.each(['id', 'status', 'total', 'shipping_date_from', 'shipping_date_to', 'order_item_list', 'client', 'shipping_address'])(
		'requires %s',
		(field) => {
			const order = seedOrder();
			delete order[field];
			expect(problemsOf(order).some((problem) => problem.startsWith(`${field}: `))).toBe(true);
		},
	);

	it.each(['city', 'street', 'house', 'str'])('requires shipping_address.%s to be non-empty', (field) => {
		const order = seedOrder();
		(order.shipping_address as Record<string, unknown>)[field] = '  ';
		expect(problemsOf(order)).toEqual([`shipping_address.${field}: is required and must not be empty`]);
	});

	it('takes only the four statuses and the two document requests', () => {
		expect(['new', 'approved', 'completed', 'removed'].map((status) => problemsOf({ ...seedOrder(), status }))).toEqual([[], [], [], []]);
		expect(problemsOf({ ...seedOrder(), status: 'cancelled' })).toEqual(['status: must be one of new, approved, completed, removed']);
		expect(problemsOf({ ...seedOrder(), ask_for_checkout: 'agreement' })).toEqual([]);
		expect(problemsOf({ ...seedOrder(), ask_for_checkout: null })).toEqual([]);
		expect(problemsOf({ ...seedOrder(), ask_for_checkout: 'invoice' })).toEqual(['ask_for_checkout: must be one of bill, agreement (or empty)']);
	});

	it('checks the lengths 255, 10 and 12', () => {
		const order = seedOrder();
		order.id = 'x'.repeat(256);
		(order.shipping_address as Record<string, unknown>).house = '1234567890';
		(order.shipping_address as Record<string, unknown>).floor = '12345678901';
		order.client = { username: 'Іван', phone: '+3806712345678' };
		expect(problemsOf(order)).toEqual([
			'id: must be at most 255 characters',
			'client.phone: must be at most 12 characters (e.g. +79191991919 or 380671234567)',
			'shipping_address.floor: must be at most 10 characters',
		]);
	});

	it('takes prices as decimal(10,2): two decimals, below 10^8, not negative; decimal strings are read', () => {
		const withPrice = (price: unknown) => {
			const order = seedOrder();
			(order.order_item_list as Array<Record<string, unknown>>)[0].price = price;
			return order;
		};
		expect(problemsOf(withPrice(12.98))).toEqual([]);
		expect(aquaOrderSchema.parse(withPrice('355.50')).order_item_list[0].price).toBe(355.5);
		expect(problemsOf(withPrice(0.125))).toEqual(['order_item_list.0.price: must have at most 2 decimal places (decimal(10,2))']);
		expect(problemsOf(withPrice(100000000))).toEqual(['order_item_list.0.price: is too large for decimal(10,2)']);
		expect(problemsOf(withPrice(-1))).toEqual(['order_item_list.0.price: must not be negative']);
		expect(problemsOf(withPrice('дорого'))).toEqual(['order_item_list.0.price: must be a number']);
	});

	it('needs at least one line, each with a product, a whole quantity of 1 or more', () => {
		expect(problemsOf({ ...seedOrder(), order_item_list: [] })).toEqual(['order_item_list: must contain at least one line']);
		expect(problemsOf({ ...seedOrder(), order_item_list: [{ product_id: '', price: 1, quantity: 1.5 }] })).toEqual([
			'order_item_list.0.product_id: is required and must not be empty',
			'order_item_list.0.quantity: must be a whole number',
		]);
	});

	it('needs username and phone only for a client Aqua does not know', () => {
		expect(problemsOf({ ...seedOrder(), client: { external_id: 68 } })).toEqual([]);
		expect(problemsOf({ ...seedOrder(), client: { emai: 'a@b.c' } })).toEqual([
			'client.username: is required for a client Aqua does not know yet (no client id or external_id)',
			'client.phone: is required for a client Aqua does not know yet (no client id or external_id)',
		]);
		expect(problemsOf({ ...seedOrder(), client: { username: 'Олена', phone: '380671234567' } })).toEqual([]);
		expect(problemsOf({ ...seedOrder(), client: { username: 'Олена', phone: '067-123' } })).toEqual([
			'client.phone: must be digits with an optional leading +, e.g. +79191991919',
		]);
	});

	it("reads Aqua's id given back as a digit string, and a numeric sender id as text", () => {
		const parsed = aquaOrderSchema.parse({ ...seedOrder(), id: 1017, external_id: '50894' });
		expect(parsed.id).toBe('1017');
		expect(parsed.external_id).toBe(50894);
		expect(problemsOf({ ...seedOrder(), external_id: 'AQ-1' })).toEqual([
			'external_id: must be a whole number (the id the receiving system gave)',
		]);
	});

	it('checks dates and that the delivery window does not end before it starts', () => {
		expect(problemsOf({ ...seedOrder(), shipping_date_from: '2019-11-06 14:00:00', shipping_date_to: '2019-11-06 21:00:00' })).toEqual([]);
		expect(problemsOf({ ...seedOrder(), shipping_date_from: '06.11.2019' })).toEqual([
			'shipping_date_from: must be a date and time like 2019-11-06T11:00:00Z',
		]);
		expect(problemsOf({ ...seedOrder(), shipping_date_to: '2019-11-06T10:00:00Z' })).toEqual([
			'shipping_date_to: must not be before shipping_date_from',
		]);
		expect(problemsOf({ ...seedOrder(), created_at: '2019-13-45T10:00:00Z' })).toEqual(['created_at: is not a real date']);
		// Date.parse alone would take these as 3 March and 1 March.
		expect(problemsOf({ ...seedOrder(), created_at: '2026-02-31 10:00:00' })).toEqual(['created_at: is not a real date']);
		expect(problemsOf({ ...seedOrder(), shipping_date_from: '2026-02-29T10:00:00Z', shipping_date_to: '2026-03-01T10:00:00Z' })).toEqual([
			'shipping_date_from: is not a real date',
		]);
		expect(problemsOf({ ...seedOrder(), shipping_date_from: '2024-02-29T10:00:00Z', shipping_date_to: '2024-03-01T10:00:00Z' })).toEqual([]);
	});

	it('drops fields the seed does not define from the order', () => {
		const parsed = aquaOrderSchema.parse({ ...seedOrder(), secret_note: 'x', _source: 'horoshop' });
		expect(parsed).not.toHaveProperty('secret_note');
		expect(parsed).not.toHaveProperty('_source');
	});

	it("reads the answer's envelope, an empty PHP map ([]) included", () => {
		expect(aquaImportResponseSchema.safeParse({ success: true, data: { a: { success: false, data: { coins: ['мало'] } } } }).success).toBe(true);
		expect(aquaImportResponseSchema.safeParse({ success: true, data: [] }).success).toBe(true);
		expect(aquaImportResponseSchema.safeParse({ success: 'yes' }).success).toBe(false);
	});
});

describe('1C order schema (seed 001)', () => {
	it("accepts the seed's example without ask_for_checkout, and drops it when given", () => {
		const parsed = oneCOrderSchema.parse({ ...seedOrder(), ask_for_checkout: 'bill' });
		expect(parsed).not.toHaveProperty('ask_for_checkout');
		expect(parsed.order_item_list[0]).toEqual({
			product_id: '78e66cef-ae2c-11e6-9bf1-f8a9634f667f',
			price: 355,
			quantity: 2,
			id: '78e66cef-ae2c-11e6-9bf1-f8a9634f667f',
			name: 'Вода 19 л. Ваш бренд',
		});
	});

	it("takes 1C's own order id as a number or as text (a GUID or document number)", () => {
		expect(oneCOrderSchema.parse({ ...seedOrder(), external_id: 'c0a8-0001' }).external_id).toBe('c0a8-0001');
		expect(oneCOrderSchema.parse({ ...seedOrder(), external_id: 42 }).external_id).toBe(42);
	});

	it('applies the same rules as Aqua to the shared fields', () => {
		expect(problemsOf({ ...seedOrder(), status: 'done', order_item_list: [] }, oneCOrderSchema)).toEqual([
			'status: must be one of new, approved, completed, removed',
			'order_item_list: must contain at least one line',
		]);
	});

	it('names 1C, not Aqua, when a new client has no name or phone', () => {
		expect(problemsOf({ ...seedOrder(), client: { emai: 'a@b.c' } }, oneCOrderSchema)).toEqual([
			'client.username: is required for a client 1C does not know yet (no client id or external_id)',
			'client.phone: is required for a client 1C does not know yet (no client id or external_id)',
		]);
	});
});
