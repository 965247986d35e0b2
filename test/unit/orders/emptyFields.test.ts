import { compact, withoutEmpty } from '../../../nodes/shared/orders/read';

describe('compact and withoutEmpty (fields left out of an order)', () => {
	const fields = { id: '7', entrance: undefined, floor: null, room: '', house: 0, city: 'Київ', gate: false };

	it('compact leaves out only undefined fields, in the same order', () => {
		expect(compact(fields)).toStrictEqual({ id: '7', floor: null, room: '', house: 0, city: 'Київ', gate: false });
		expect(Object.keys(compact(fields))).toEqual(['id', 'floor', 'room', 'house', 'city', 'gate']);
	});

	it('withoutEmpty also leaves out null and empty text, never 0 or false', () => {
		expect(withoutEmpty(fields)).toStrictEqual({ id: '7', house: 0, city: 'Київ', gate: false });
		expect(Object.keys(withoutEmpty(fields))).toEqual(['id', 'house', 'city', 'gate']);
	});

	it('gives new plain objects and leaves the input untouched', () => {
		const before = { ...fields };
		for (const result of [compact(fields), withoutEmpty(fields)]) {
			expect(result).not.toBe(fields);
			expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
		}
		expect(fields).toStrictEqual(before);
	});
});
