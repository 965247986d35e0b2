import { newObject, withField } from '../../../nodes/shared/orders/newObject';
import { defaultSettings, transformOrder } from '../../../nodes/shared/orders/transform';
import { Sandbox } from '../../../sandbox/server';

describe('newObject (the objects the conversion fills field by field)', () => {
	it('is a plain object to everything that looks at it', () => {
		const order = newObject();
		order.id = '7';
		order.total = 355;
		expect(Object.getPrototypeOf(order)).toBe(Object.prototype);
		expect(order.constructor).toBe(Object);
		expect(Object.prototype.toString.call(order)).toBe('[object Object]');
		expect(Object.keys(order)).toEqual(['id', 'total']);
		expect(order).toStrictEqual({ id: '7', total: 355 });
		expect(JSON.stringify(order)).toBe('{"id":"7","total":355}');
		expect({ ...order }).toStrictEqual({ id: '7', total: 355 });
	});

	it('gives a new object every time', () => {
		const first = newObject();
		first.id = '1';
		expect(newObject()).toStrictEqual({});
		expect(newObject()).not.toBe(newObject());
	});

	it('leaves the Transformer output strictly equal to its JSON', () => {
		const sandbox = new Sandbox({ seed: 3 });
		const settings = defaultSettings('horoshop', 'aqua', 'Europe/Kyiv', '2026-03-28T06:00:00Z');
		let converted = 0;
		for (const order of sandbox.horoshop.addOrders(50, { start: new Date('2026-03-27T06:00:00Z') })) {
			const result = transformOrder(order, settings);
			if (!result.ok) continue;
			converted++;
			expect(result.output).toStrictEqual(JSON.parse(JSON.stringify(result.output)));
		}
		expect(converted).toBeGreaterThan(40);
	});

	it('withField copies an object with one field set, as a spread does, and leaves the object as it was', () => {
		const line = { lineId: '1', kind: 'plain', quantity: 2 };
		const mapped = withField(line as typeof line & { targetProductId?: string }, 'targetProductId', 'aqua-7');
		expect(mapped).toStrictEqual({ ...line, targetProductId: 'aqua-7' });
		expect(Object.keys(mapped)).toEqual(['lineId', 'kind', 'quantity', 'targetProductId']);
		expect(Object.getPrototypeOf(mapped)).toBe(Object.prototype);
		expect(line).toStrictEqual({ lineId: '1', kind: 'plain', quantity: 2 });
		const changed = withField(line, 'kind', 'gift');
		expect(Object.keys(changed)).toEqual(['lineId', 'kind', 'quantity']);
		expect(changed.kind).toBe('gift');
		expect(line.kind).toBe('plain');
	});
});
