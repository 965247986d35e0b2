import type { TransformSettings } from '../../../nodes/shared/orders/transform';
import { defaultSettings, transformOrder } from '../../../nodes/shared/orders/transform';
import { aquaExample, horoshopDeliveryDataExample, horoshopExample, saleAppExample } from '../../fixtures/seedExamples';

const NOW = '2026-11-22T10:00:00Z';

function settings(from: TransformSettings['from'], to: TransformSettings['to'], changes: Partial<TransformSettings> = {}) {
	return { ...defaultSettings(from, to, 'Europe/Kyiv', NOW), ...changes };
}

describe('golden: the seeds’ example orders', () => {
	it('Horoshop example (seed 002) -> Aqua import (seed 000)', () => {
		const result = transformOrder(horoshopExample, settings('horoshop', 'aqua'));

		expect(result).toEqual({
			ok: true,
			orderId: '7',
			output: {
				id: '7',
				external_id: null,
				status: 'approved', // stat_status 2 (in processing)
				created_at: '2021-04-09T09:09:01Z', // 12:09:01 shop time, Kyiv summer time UTC+3
				total: 3413, // total_sum; delivery_price -1 is the carrier's tariff, not added
				payment_type: 'cash', // payment 13 "Наличными"
				shipping_date_from: '2021-04-10T06:00:00Z', // next day 09:00 Kyiv
				shipping_date_to: '2021-04-10T15:00:00Z', // next day 18:00 Kyiv
				comment: 'Комментарий к заказу',
				order_item_list: [
					{ product_id: '10000001', price: 1001, quantity: 1, id: '41', name: 'Товар 1' },
					{ product_id: '10000013', price: 0, quantity: 1, id: '42', name: 'Товар 13' }, // the gift
					{ product_id: 'test_set_123', price: 2412, quantity: 1, id: '43', name: 'Тестовый комплект' }, // the set, once
				],
				client: { id: '6', username: 'John Doe', phone: '380555555555', emai: 'john.doe@gmail.com' },
				shipping_address: {
					city: 'Киев',
					street: 'ул. Оранжерейная',
					house: '3',
					entrance: null,
					floor: null,
					room: null,
					str: 'Отделение №13 (до 30 кг на одно место): ул. Оранжерейная, 3 (метро Дорогожичи)',
				},
			},
			notes: [
				{ field: 'delivery_price', message: '-1: the carrier charges its own tariff, so no delivery cost is in the total' },
				{
					field: 'delivery_address',
					message: 'is a carrier branch ("Отделение №13 (до 30 кг на одно место)"); street and house are the branch\'s',
				},
			],
		});
	});

	describe('Horoshop example sent by Ukrposhta: delivery_address fields joined with @ (seed 002)', () => {
		// As orders/get returns it without additionalData: the "@" line is all there is of the address.
		const ukrposhta = (deliveryAddress: string) => ({
			...horoshopExample,
			additional_data: undefined,
			delivery_city: 'Київ',
			delivery_address: deliveryAddress,
			delivery_type: { id: 9, title: 'Укрпоштою' },
			delivery_price: 60,
		});

		it('-> Aqua import, field by field', () => {
			const result = transformOrder(ukrposhta('вул. Січових Стрільців@78@161'), settings('horoshop', 'aqua'));

			expect(result).toEqual({
				ok: true,
				orderId: '7',
				output: {
					id: '7',
					external_id: null,
					status: 'approved',
					created_at: '2021-04-09T09:09:01Z',
					total: 3473, // total_sum 3413 + delivery 60
					delivery_cost: 60,
					payment_type: 'cash',
					shipping_date_from: '2021-04-10T06:00:00Z',
					shipping_date_to: '2021-04-10T15:00:00Z',
					comment: 'Комментарий к заказу',
					order_item_list: [
						{ product_id: '10000001', price: 1001, quantity: 1, id: '41', name: 'Товар 1' },
						{ product_id: '10000013', price: 0, quantity: 1, id: '42', name: 'Товар 13' },
						{ product_id: 'test_set_123', price: 2412, quantity: 1, id: '43', name: 'Тестовый комплект' },
					],
					client: { id: '6', username: 'John Doe', phone: '380555555555', emai: 'john.doe@gmail.com' },
					shipping_address: {
						city: 'Київ',
						street: 'вул. Січових Стрільців',
						house: '78',
						entrance: null,
						floor: null,
						room: '161',
						str: 'вул. Січових Стрільців, 78, кв. 161', // no "@" for the courier
					},
				},
				notes: [],
			});
		});

		it('-> Aqua import without a flat, and with spaces around @', () => {
			const result = transformOrder(ukrposhta(' вул. Зелена @ 3А @ '), settings('horoshop', 'aqua'));
			expect(result.ok && result.output.shipping_address).toEqual({
				city: 'Київ',
				street: 'вул. Зелена',
				house: '3А',
				entrance: null,
				floor: null,
				room: null,
				str: 'вул. Зелена, 3А',
			});
			expect(result.notes).toEqual([]);
		});

		it('keeps a field it cannot place in the line and flags the order', () => {
			const result = transformOrder(ukrposhta('вул. Зелена@3@біля магазину'), settings('horoshop', 'aqua'));
			expect(result.ok && result.output.shipping_address).toEqual({
				city: 'Київ',
				street: 'вул. Зелена',
				house: '3',
				entrance: null,
				floor: null,
				room: null,
				str: 'вул. Зелена, 3, біля магазину',
			});
			expect(result.notes).toEqual([
				{
					field: 'delivery_address',
					message: '"вул. Зелена@3@біля магазину": "біля магазину" could not be placed in Ukrposhta\'s street@house@flat; kept in the address line',
				},
			]);
		});

		it('refuses a malformed one, naming the field, rather than guess', () => {
			const result = transformOrder(ukrposhta('Київ@вул. Хрещатик@12'), settings('horoshop', 'aqua'));
			expect(result).toEqual({
				ok: false,
				orderId: '7',
				errors: [
					{
						field: 'shipping_address.house',
						message: 'the address "Київ, вул. Хрещатик, 12" could not be split into street and house safely, and Aqua needs them apart',
					},
				],
				notes: [
					{ field: 'delivery_address', message: '"Київ@вул. Хрещатик@12" (Ukrposhta\'s street@house@flat) has no recognisable street and house; kept whole' },
				],
			});
		});
	});

	it('Horoshop example with the seed’s delivery_data block -> SaleApp create (Nova Poshta branch)', () => {
		const order = { ...horoshopExample, delivery_data: horoshopDeliveryDataExample };
		const result = transformOrder(order, settings('horoshop', 'saleapp'));

		expect(result.ok && result.output).toEqual({
			external_id: '7',
			delivery_types: 3, // destination address type "warehouse"
			receiver_name: 'John Doe',
			receiver_phone: '380555555555', // digits only, as SaleApp stores it
			city: 'Киев',
			city_ref: 'f706237a-4078-11de-b509-001d92f78698',
			addres: 'Отделение №1: ул. А. Маковея, 62', // the branch's name
			branch_ref: '16922828-e1c2-11e3-8c4a-0050568002cf',
			products: [
				{ sku: '10000001', qty: 1, cost: 1001 },
				{ sku: '10000013', qty: 1, cost: 0 },
				{ sku: 'test_set_123', qty: 1, cost: 2412 },
			],
		});
		// Without a city ref SaleApp cannot take a branch delivery: the field is named.
		const legacy = transformOrder(horoshopExample, settings('horoshop', 'saleapp'));
		expect(!legacy.ok && legacy.errors).toEqual([
			{ field: 'city_ref', message: 'city_ref is required for delivery type 3 (only 1 and 2 go without it)' },
		]);
	});

	it('SaleApp example (seed 003) -> Aqua import and 1C', () => {
		const aqua = transformOrder(saleAppExample, settings('saleapp', 'aqua'));
		const onec = transformOrder(saleAppExample, settings('saleapp', 'onec'));

		const shared = {
			id: '74',
			external_id: null,
			status: 'approved', // status_id 1, fully reserved
			created_at: '2022-09-04T17:17:34Z', // 20:17:34 Kyiv, UTC+3
			total: 12.98, // SaleApp states no total: the lines' sum
			shipping_date_from: '2022-09-05T06:00:00Z',
			shipping_date_to: '2022-09-05T15:00:00Z',
			client: { username: 'Борис Вапненко', phone: '380678976756' },
			shipping_address: {
				city: 'Київ',
				street: 'вул. Бережанська',
				house: '9',
				entrance: null,
				floor: null,
				room: null,
				str: 'Відділення №2: вул. Бережанська, 9 (Оболонь Лугова)',
			},
		};
		expect(aqua.ok && aqua.output).toEqual({
			...shared,
			order_item_list: [{ product_id: 'UA23', price: 12.98, quantity: 1, name: 'Test 4' }],
		});
		// 1C finds the product by the line's id (seed 001), so it carries the product key too.
		expect(onec.ok && onec.output).toEqual({
			...shared,
			order_item_list: [{ product_id: 'UA23', price: 12.98, quantity: 1, id: 'UA23', name: 'Test 4' }],
		});
		expect(aqua.notes).toEqual([{ field: 'addres', message: 'is a carrier branch ("Відділення №2"); street and house are the branch\'s' }]);
	});

	it('Aqua example (seed 000) -> SaleApp create: its total does not add up, so it is reported', () => {
		// total 710 "delivery included", but the lines make 710 and delivery is 30.
		const strict = transformOrder(aquaExample, settings('aqua', 'saleapp'));
		expect(strict).toEqual({
			ok: false,
			orderId: '657f9553-ff97-11e9-80d3-001e4f377cd7',
			errors: [{ field: 'money.total', message: "the order's total 710.00 does not add up: lines 710.00 plus delivery 30.00 make 740.00" }],
			notes: [],
		});

		const flagged = transformOrder(aquaExample, settings('aqua', 'saleapp', { totals: 'flag' }));
		expect(flagged).toEqual({
			ok: true,
			orderId: '657f9553-ff97-11e9-80d3-001e4f377cd7',
			output: {
				external_id: '657f9553-ff97-11e9-80d3-001e4f377cd7',
				delivery_types: 2, // own delivery: Aqua orders are delivered by the business itself
				receiver_name: 'Василий Тестовый',
				city: 'Сыктывкар',
				addres: 'город Сыктывкар улица Кутузова дом 19',
				products: [{ sku: '78e66cef-ae2c-11e6-9bf1-f8a9634f667f', qty: 2, cost: 355 }],
			},
			notes: [
				{
					field: 'money.total',
					message: "the order's total 710.00 does not add up: lines 710.00 plus delivery 30.00 make 740.00; sent as the source stated it",
				},
				{
					field: 'delivery.cost',
					message: "30.00 is not sent: SaleApp's order has no delivery cost field (delivery_amount is the cash to collect)",
				},
			],
		});
	});

	it('Aqua example -> canonical keeps every field the example carries', () => {
		const result = transformOrder(aquaExample, settings('aqua', 'canonical', { totals: 'flag', timezone: 'Europe/Moscow' }));
		expect(result.ok && result.output).toEqual({
			source: 'aqua',
			id: '657f9553-ff97-11e9-80d3-001e4f377cd7',
			ids: {},
			status: { code: 'new', state: 'new' },
			timezone: 'Europe/Moscow',
			customer: { id: 'jqLbQR3be8jlJZIh4dBrUCyyIhFzuAKK', externalId: '68', name: 'Василий Тестовый', phones: [], accountNumber: '68', type: 'fiz' },
			address: { city: 'Сыктывкар', street: 'Кутузова', house: '19', line: 'город Сыктывкар улица Кутузова дом 19' },
			delivery: {
				cost: 3000,
				window: { from: '2019-11-06T14:00:00+03:00', to: '2019-11-06T21:00:00+03:00' },
			},
			lines: [
				{
					lineId: '78e66cef-ae2c-11e6-9bf1-f8a9634f667f',
					aquaLineId: 1435,
					kind: 'plain',
					product: { id: '78e66cef-ae2c-11e6-9bf1-f8a9634f667f' },
					targetProductId: '78e66cef-ae2c-11e6-9bf1-f8a9634f667f',
					name: 'Вода 19 л. Ваш бренд',
					quantity: 2,
					unitPrice: 35500,
				},
			],
			money: { total: 71000, coins: 71000 },
			payment: { code: 'cash' },
			comment: 'comment',
		});
	});
});
