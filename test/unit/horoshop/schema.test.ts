import {
	horoshopAvailableStatusesSchema,
	horoshopDeliveryDataSchema,
	horoshopEnvelopeSchema,
	horoshopOrderSchema,
} from '../../../nodes/shared/orders/horoshop/schema';

/** Seed 002's example order (its two JSON slips fixed: a missing comma and `(none)` for utm_term). */
const SEED_ORDER = {
	order_id: 7,
	user: 6,
	delivery_name: 'John Doe',
	delivery_email: 'john.doe@gmail.com',
	delivery_phone: '+38 (055) 555-55-55',
	delivery_city: 'Киев',
	delivery_address: 'Отделение №13 (до 30 кг на одно место): ул. Оранжерейная, 3 (метро Дорогожичи)',
	delivery_type: { id: 3, title: 'Новой почтой' },
	delivery_price: -1,
	comment: 'Комментарий к заказу',
	payment_type: { id: 13, title: 'Наличными' },
	payment_price: 0,
	payed: 0,
	total_default: 3413,
	total_sum: 3413,
	total_quantity: 2,
	discount_percent: 0,
	discount_value: 0,
	coupon_code: '',
	coupon_percent: 0,
	coupon_discount_value: 0,
	coupon_type: 0,
	stat_status: 2,
	stat_created: '2021-04-09 12:09:01',
	currency: 'UAH',
	order_without_callback: false,
	products: [
		{ title: 'Товар 1', article: '10000001', price: 1001, quantity: 1, discount_marker: 'PRICE_OLD', type: 'gift_parent', storage_id: 41, parent_storage_id: null, total_price: 1001 },
		{ title: 'Товар 13', article: '10000013', price: 0, quantity: 1, discount_marker: 'DISCOUNT_NONE', type: 'gift', storage_id: 42, parent_storage_id: 41, total_price: 0 },
		{ title: 'Тестовый комплект', article: 'test_set_123', price: 2412, quantity: 1, discount_marker: 'PRODUCTS_SET', type: 'set_main', storage_id: 43, parent_storage_id: null, total_price: 2412 },
		{ title: 'Товар 1', article: '10000001', price: 1001, quantity: 1, discount_marker: 'PRICE_OLD', type: 'set_item', storage_id: 44, parent_storage_id: 43, total_price: 1001 },
		{ title: 'Товар 5', article: '10000005', price: 1005, quantity: 1, discount_marker: 'PRICE_OLD', type: 'set_item', storage_id: 45, parent_storage_id: 43, total_price: 1005 },
		{ title: 'Товар 9', article: '10000009', price: 1009, quantity: 1, discount_marker: 'PRICE_OLD', type: 'set_item', storage_id: 46, parent_storage_id: 43, total_price: 1009 },
	],
	additional_data: {
		np_ref: '8d8ecd29-9913-11eb-8513-b88303659df5',
		np_number: 12345678912345,
		sender_warehouse_ref: '0d545f63-e1c2-11e3-8c4a-0050568002cf',
		recipient_warehouse_ref: '39931b8c-e1c2-11e3-8c4a-0050568002cf',
	},
	analytics: {
		utm_source: 'google',
		utm_medium: 'google_cpc',
		utm_campaign: 'brand_1',
		utm_term: null,
		utm_content: 'banner_3',
		google_client_id: 'GA1.3.391577864.1662575866',
	},
};

/** Seed 002's delivery_data example block. */
const SEED_DELIVERY_DATA = {
	deliveryOperatorType: 'nova_poshta',
	tnId: 'a3a24ec9-632e-11ec-8513-b88303659df5',
	tnNumber: '20450492106170',
	tnStatusName: 'Создан',
	tnTrackingUpdateDate: null,
	estimatedDeliveryDate: '2021-12-24',
	departure: {
		sender: {
			id: '60cd854f-580c-11eb-8513-b88303659df5',
			title: 'Приватна особа',
			contactPerson: { id: '9bc4f232-580c-11eb-8513-b88303659df5', name: 'Александр Анатолиевич Коваль (380915554433)', phone: '380915554433' },
		},
		address: {
			type: 'warehouse',
			geoObject: { id: 'db5c88e0-391c-11dd-90d9-001a92567626', name: 'Харьков' },
			warehouse: { id: '169227f4-e1c2-11e3-8c4a-0050568002cf', name: 'Отделение №1: ул. Полевая, 67' },
		},
	},
	destination: {
		recipient: { name: 'Наталья', surname: 'Ткаченко', patronymic: null, phone: '380914443322' },
		address: {
			type: 'warehouse',
			geoObject: { id: 'f706237a-4078-11de-b509-001d92f78698', name: 'Яворов' },
			warehouse: { id: '16922828-e1c2-11e3-8c4a-0050568002cf', name: 'Отделение №1: ул. А. Маковея, 62' },
		},
	},
	payment: { type: 'Cash', payer: 'Sender' },
	redelivery: { cost: '54000', payer: 'Sender' },
};

describe('Horoshop wire schema', () => {
	it("reads seed 002's example order as it is, set and gift links included", () => {
		const order = horoshopOrderSchema.parse(SEED_ORDER);

		expect(order).toEqual({ ...SEED_ORDER, additional_data: { ...SEED_ORDER.additional_data, np_number: '12345678912345' } });
		const set = order.products.find((product) => product.type === 'set_main')!;
		expect(order.products.filter((product) => product.parent_storage_id === set.storage_id).map((product) => product.article)).toEqual([
			'10000001',
			'10000005',
			'10000009',
		]);
	});

	it("reads seed 002's delivery_data block, the redelivery cost as a number", () => {
		const delivery = horoshopDeliveryDataSchema.parse(SEED_DELIVERY_DATA);

		expect(delivery.redelivery?.cost).toBe(54000);
		expect(delivery.destination?.recipient?.patronymic).toBeNull();
		expect(delivery.departure?.address?.warehouse?.name).toBe('Отделение №1: ул. Полевая, 67');
		expect(horoshopOrderSchema.parse({ ...SEED_ORDER, delivery_data: SEED_DELIVERY_DATA }).delivery_data?.tnNumber).toBe('20450492106170');
	});

	it('reads numbers sent as strings (comma decimals too) as numbers', () => {
		const order = horoshopOrderSchema.parse({
			...SEED_ORDER,
			order_id: '7',
			total_sum: '3413.50',
			payed: '1',
			products: [{ ...SEED_ORDER.products[0], price: '1001,25', quantity: '2', storage_id: '41', parent_storage_id: '' }],
		});

		expect(order).toMatchObject({ order_id: 7, total_sum: 3413.5, payed: 1 });
		expect(order.products[0]).toMatchObject({ price: 1001.25, quantity: 2, storage_id: 41, parent_storage_id: null });
	});

	it('reads blocks PHP sends as [] when empty as null, and keeps fields it does not know', () => {
		const order = horoshopOrderSchema.parse({ ...SEED_ORDER, analytics: [], additional_data: [], customer_details: [], loyalty_points: 12 });

		expect(order.analytics).toBeNull();
		expect(order.additional_data).toBeNull();
		expect(order.customer_details).toBeNull();
		expect(order).toMatchObject({ loyalty_points: 12 });
	});

	it('reads customer_details of b2b shops', () => {
		const order = horoshopOrderSchema.parse({
			...SEED_ORDER,
			customer_details: { group: { id: '2', title: 'Опт' }, price_level: { id: 3, title: 'Оптова ціна' } },
		});

		expect(order.customer_details).toEqual({ group: { id: 2, title: 'Опт' }, price_level: { id: 3, title: 'Оптова ціна' } });
	});

	it.each([
		['no order_id', { order_id: undefined }, 'order_id'],
		['a price that is not a number', { products: [{ ...SEED_ORDER.products[0], price: 'free' }] }, 'products.0.price'],
		['a product without article', { products: [{ ...SEED_ORDER.products[0], article: undefined }] }, 'products.0.article'],
	])('refuses an order with %s, naming the field', (_, change, path) => {
		const parsed = horoshopOrderSchema.safeParse({ ...SEED_ORDER, ...change });

		expect(parsed.success).toBe(false);
		expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
	});

	it('reads every answer envelope, whatever its status', () => {
		for (const status of ['OK', 'EMPTY', 'WARNING', 'ERROR', 'UNDEFINED_FUNCTION', 'HTTP_ERROR']) {
			expect(horoshopEnvelopeSchema.parse({ status, response: [] }).status).toBe(status);
		}
		expect(horoshopEnvelopeSchema.safeParse({ orders: [] }).success).toBe(false);
	});

	it('reads available statuses keyed by id, titles per language', () => {
		const parsed = horoshopAvailableStatusesSchema.parse({
			statuses: { '1': { id: '1', title: { ua: 'Новий' }, is_successful: '0' }, '3': { id: 3, title: 'Delivered', is_successful: 1 } },
		});

		expect(Object.values(parsed.statuses).map((status) => [status.id, status.is_successful])).toEqual([
			[1, false],
			[3, true],
		]);
	});
});
