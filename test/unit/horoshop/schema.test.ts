import {
	horoshopAvailableStatusesSchema,
	horoshopDeliveryDataSchema,
	horoshopEnvelopeSchema,
	horoshopOrderSchema,
} from '../../../nodes/shared/orders/horoshop/schema';
import { horoshopDeliveryDataExample, horoshopExample } from '../../fixtures/seedExamples';

describe('Horoshop wire schema', () => {
	it("reads seed 002's example order as it is, set and gift links included", () => {
		const order = horoshopOrderSchema.parse(horoshopExample);

		expect(order).toEqual({ ...horoshopExample, additional_data: { ...horoshopExample.additional_data, np_number: '12345678912345' } });
		const set = order.products.find((product) => product.type === 'set_main')!;
		expect(order.products.filter((product) => product.parent_storage_id === set.storage_id).map((product) => product.article)).toEqual([
			'10000001',
			'10000005',
			'10000009',
		]);
	});

	it("reads seed 002's delivery_data block, the redelivery cost as a number", () => {
		const delivery = horoshopDeliveryDataSchema.parse(horoshopDeliveryDataExample);

		expect(delivery.redelivery?.cost).toBe(54000);
		expect(delivery.destination?.recipient?.patronymic).toBeNull();
		expect(delivery.departure?.address?.warehouse?.name).toBe('Отделение №1: ул. Полевая, 67');
		expect(horoshopOrderSchema.parse({ ...horoshopExample, delivery_data: horoshopDeliveryDataExample }).delivery_data?.tnNumber).toBe('20450492106170');
	});

	it('reads numbers sent as strings (comma decimals too) as numbers', () => {
		const order = horoshopOrderSchema.parse({
			...horoshopExample,
			order_id: '7',
			total_sum: '3413.50',
			payed: '1',
			products: [{ ...horoshopExample.products[0], price: '1001,25', quantity: '2', storage_id: '41', parent_storage_id: '' }],
		});

		expect(order).toMatchObject({ order_id: 7, total_sum: 3413.5, payed: 1 });
		expect(order.products[0]).toMatchObject({ price: 1001.25, quantity: 2, storage_id: 41, parent_storage_id: null });
	});

	it('reads blocks PHP sends as [] when empty as null, and keeps fields it does not know', () => {
		const order = horoshopOrderSchema.parse({ ...horoshopExample, analytics: [], additional_data: [], customer_details: [], loyalty_points: 12 });

		expect(order.analytics).toBeNull();
		expect(order.additional_data).toBeNull();
		expect(order.customer_details).toBeNull();
		expect(order).toMatchObject({ loyalty_points: 12 });
	});

	it('reads customer_details of b2b shops', () => {
		const order = horoshopOrderSchema.parse({
			...horoshopExample,
			customer_details: { group: { id: '2', title: 'Опт' }, price_level: { id: 3, title: 'Оптова ціна' } },
		});

		expect(order.customer_details).toEqual({ group: { id: 2, title: 'Опт' }, price_level: { id: 3, title: 'Оптова ціна' } });
	});

	it.each([
		['no order_id', { order_id: undefined }, 'order_id'],
		['a price that is not a number', { products: [{ ...horoshopExample.products[0], price: 'free' }] }, 'products.0.price'],
		['a product without article', { products: [{ ...horoshopExample.products[0], article: undefined }] }, 'products.0.article'],
	])('refuses an order with %s, naming the field', (_, change, path) => {
		const parsed = horoshopOrderSchema.safeParse({ ...horoshopExample, ...change });

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
