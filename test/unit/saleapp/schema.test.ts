import {
	deliveryProblems,
	saleAppCreateOrderSchema,
	saleAppCreatePayloadSchema,
	saleAppCreateResponseSchema,
	saleAppDeleteResponseSchema,
	saleAppGetResponseSchema,
	toCreatePayload,
	toUpdatePayload,
} from '../../../nodes/shared/orders/saleapp/schema';
import { saleAppExample } from '../../fixtures/seedExamples';

/** The GET answer of seed 003, as SaleApp sends it. */
const seedAnswer = { error: 'false', error_description: '', response: [saleAppExample] };

describe('SaleApp wire schema', () => {
	it('reads the seed GET answer: error "false" is false, string numbers become numbers', () => {
		const parsed = saleAppGetResponseSchema.parse(seedAnswer);
		expect(parsed.error).toBe(false);
		const order = parsed.response![0];
		expect(order).toMatchObject({ id: 74, number: 1057, status_id: 1, delivery_types: 3, insurance_amount: 300 });
		expect(order.external_id).toBe('100222312');
		expect(order.products![0]).toMatchObject({ id: 40, qty: 1, cost: 12.98, discount_percent: 0, external_id: '0' });
		expect(order.type![0]).toMatchObject({ id: 8, name: 'Спец умови' });
	});

	it('reads error "true" as a failure and an empty response as no orders', () => {
		const parsed = saleAppGetResponseSchema.parse({ error: 'true', error_description: 'Wrong key', response: '' });
		expect(parsed.error).toBe(true);
		expect(parsed.error_description).toBe('Wrong key');
		expect(parsed.response).toBeUndefined();
	});

	it('rejects a number field that is not a number', () => {
		const bad = { ...seedAnswer, response: [{ ...seedAnswer.response[0], id: 'abc' }] };
		expect(saleAppGetResponseSchema.safeParse(bad).success).toBe(false);
		expect(saleAppGetResponseSchema.safeParse({ error: 'maybe' }).success).toBe(false);
	});

	it('reads create_id and deleted ids', () => {
		expect(saleAppCreateResponseSchema.parse({ error: 'false', create_id: 134 }).create_id).toBe(134);
		expect(saleAppCreateResponseSchema.parse({ error: 'false', create_id: '134' }).create_id).toBe(134);
		const deleted = saleAppDeleteResponseSchema.parse({
			error: 'false',
			deleted: [{ id: '74', number: '1057', external_id: 'A-1' }, '75'],
		});
		expect(deleted.deleted!.map((d) => d.id)).toEqual([74, 75]);
	});

	it('applies the carrier rules: city_ref unless type 1/2, branch_ref for type 3', () => {
		expect(deliveryProblems({ delivery_types: 1 })).toEqual([]);
		expect(deliveryProblems({ delivery_types: 2 })).toEqual([]);
		expect(deliveryProblems({ delivery_types: 5 }).map((p) => p.field)).toEqual(['city_ref']);
		expect(deliveryProblems({ delivery_types: 3, city_ref: 'c' }).map((p) => p.field)).toEqual(['branch_ref']);
		expect(deliveryProblems({ delivery_types: 3, city_ref: 'c', branch_ref: 'b' })).toEqual([]);
		const order = { delivery_types: 3, products: [{ sku: 'UA25', qty: 1, cost: 49.79 }] };
		const result = saleAppCreateOrderSchema.safeParse(order);
		expect(result.success).toBe(false);
		expect(result.error!.issues.map((i) => i.path[0]).sort()).toEqual(['branch_ref', 'city_ref']);
	});

	it('encodes products and custom fields as JSON strings on the wire', () => {
		const order = saleAppCreateOrderSchema.parse({
			external_id: '100222312',
			delivery_types: 1,
			receiver_phone: '380678976756',
			products: [{ id: 42, external_id: '232336', sku: 'UA25', qty: 1, cost: 49.79, discount_percent: 1 }],
			custom_fields: { comment: 'ring twice' },
		});
		const payload = toCreatePayload(order);
		expect(saleAppCreatePayloadSchema.parse(payload)).toEqual(payload);
		expect(JSON.parse(payload.products)).toEqual([
			{ id: 42, external_id: '232336', sku: 'UA25', qty: 1, cost: 49.79, discount_percent: 1 },
		]);
		expect(JSON.parse(payload.custom_fields!)).toEqual({ comment: 'ring twice' });
		expect(toUpdatePayload({ id: 7, city: 'Київ' })).toEqual({ id: 7, city: 'Київ' });
	});
});
