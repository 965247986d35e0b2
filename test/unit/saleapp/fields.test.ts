import {
	coerceScalars,
	phoneDigits,
	readCustomFields,
	readProductLines,
	toWireNames,
} from '../../../nodes/SaleApp/actions/order/fields';

describe('SaleApp node form fields', () => {
	it('names fields the way SaleApp spells them', () => {
		expect(toWireNames({ currencyId: ' 6 ', address: 'вул. Зелена, 1', deliveryAmount: 290, tagIds: '8,3', unknown: 'x' })).toEqual({
			curency_id: '6',
			addres: 'вул. Зелена, 1',
			delivery_amount: 290,
			type: '8,3',
		});
	});

	it('reduces a phone to its digits and refuses one without any', () => {
		expect(phoneDigits('+38 (067) 897-67-56')).toEqual({ ok: true, phone: '380678976756' });
		expect(phoneDigits(380678976756)).toEqual({ ok: true, phone: '380678976756' });
		expect(phoneDigits('')).toEqual({ ok: true });
		expect(phoneDigits('call me')).toEqual({ ok: false, message: 'receiver_phone "call me" has no digits' });
	});

	it('sends only the product key the key kind searches by, besides id and SKU', () => {
		const lines = [{ id: 0, externalId: 'E1', supplierId: 'S1', sku: ' UA25 ', qty: 2, cost: 49.79, discountPercent: 0 }];
		expect(readProductLines(lines, 'organisation')).toEqual([{ external_id: 'E1', sku: 'UA25', qty: 2, cost: 49.79 }]);
		expect(readProductLines([{ ...lines[0], id: 42, discountPercent: 5 }], 'counterparty')).toEqual([
			{ id: 42, supplier_id: 'S1', sku: 'UA25', qty: 2, cost: 49.79, discount_percent: 5 },
		]);
	});

	it('reads numbers written as text and ids written as numbers', () => {
		expect(coerceScalars({ delivery_types: '3', cost: '12.98', client_id: 50, receiver_phone: 380671234567, city: '12', note: null })).toEqual({
			delivery_types: 3,
			cost: 12.98,
			client_id: '50',
			receiver_phone: '380671234567',
			city: '12',
		});
		expect(coerceScalars({ qty: 'two' })).toEqual({ qty: 'two' });
	});

	it('keeps custom fields that have a name', () => {
		expect(readCustomFields([{ name: ' comment ', value: 'ok' }, { name: '', value: 'lost' }])).toEqual({ comment: 'ok' });
		expect(readCustomFields(undefined)).toBeUndefined();
	});
});
