import fc from 'fast-check';

import { fromCanonical } from '../../../nodes/shared/orders/horoshop/mapping';
import { readHoroshopOrder } from '../../../nodes/shared/orders/horoshop/read';
import { horoshopOrderSchema } from '../../../nodes/shared/orders/horoshop/schema';
import { Problems } from '../../../nodes/shared/orders/problems';
import { parseOrRecord } from '../../../nodes/shared/orders/zodProblems';
import { Sandbox } from '../../../sandbox/server';
import { horoshopDeliveryDataExample, horoshopExample } from '../../fixtures/seedExamples';
import { horoshopOrder } from '../orders/fixtures/arbitraries';
import { pathsOf } from '../orders/fixtures/paths';

/**
 * The hand-written reader against the zod schema it replaces on the hot path: same accept or
 * reject, same order out, same fields named. Messages agree too, except where zod's own say
 * nothing ("Invalid input", for a field that takes text or a number, or a 0/1 flag): there the
 * reader says "is required", "must be text or a number" or "must be 0 or 1".
 */
const ZOD_UNION_MESSAGE = 'Invalid input';
const CLEARER_MESSAGES = ['is required', 'must be text or a number', 'must be 0 or 1'];

function both(value: unknown) {
	const byZod = new Problems();
	const byHand = new Problems();
	return {
		zod: { order: parseOrRecord(horoshopOrderSchema, value, byZod), problems: byZod },
		hand: { order: readHoroshopOrder(value, byHand), problems: byHand },
	};
}

function expectAgreement(value: unknown): boolean {
	const { zod, hand } = both(value);
	expect(hand.problems.failed).toBe(zod.problems.failed);
	expect(hand.order).toEqual(zod.order);
	const fields = (problems: Problems) => problems.errors.map((problem) => problem.field).sort();
	expect(fields(hand.problems)).toEqual(fields(zod.problems));
	hand.problems.errors.forEach((problem, index) => {
		const byZod = zod.problems.errors[index].message;
		if (byZod === ZOD_UNION_MESSAGE) expect(CLEARER_MESSAGES).toContain(problem.message);
		else expect(problem.message).toBe(byZod);
	});
	return !hand.problems.failed;
}

const sandbox = new Sandbox({ seed: 11 });
const generated = sandbox.horoshop.addOrders(300, { start: new Date('2026-03-28T06:00:00Z') });
const seedOrders = [horoshopExample, { ...horoshopExample, delivery_data: horoshopDeliveryDataExample }];

function withValueAt(order: unknown, path: Array<string | number>, value: unknown, remove: boolean): unknown {
	const copy = structuredClone(order) as Record<string | number, unknown>;
	let parent = copy;
	for (const key of path.slice(0, -1)) {
		// An earlier strike replaced an object on this path: nothing left to strike here.
		if (parent[key] === null || typeof parent[key] !== 'object') return copy;
		parent = parent[key] as Record<string | number, unknown>;
	}
	const last = path[path.length - 1];
	if (remove && Array.isArray(parent)) parent.splice(last as number, 1);
	else if (remove) delete parent[last];
	else parent[last] = value;
	return copy;
}

/** What PHP shops, hand-written JSON and typos put where a field's value goes. */
const oddValue = fc.oneof(
	fc.constantFrom('', ' ', '0', '1', '-1', '12', '12.5', '12,5', ' 7 ', '1e3', 'abc', 'true', 'false', 'null', '[]'),
	fc.constantFrom(0, 1, -1, 2, 1.5, 12345678912345, true, false, null, [], {}, [1], [{}], { id: 1 }, { title: 'x' }),
	fc.string({ maxLength: 6 }),
	fc.double({ noNaN: true, noDefaultInfinity: true }),
	fc.integer(),
);

describe('Horoshop order reader (hand-written) against the zod schema', () => {
	it("agrees on the seed's example orders and reads them", () => {
		for (const order of seedOrders) expect(expectAgreement(order)).toBe(true);
	});

	it('agrees on 300 sandbox orders and 1,000 written from generated canonical orders, accepting all', () => {
		for (const order of generated) expect(expectAgreement(order)).toBe(true);
		fc.assert(
			fc.property(horoshopOrder, (order) => {
				expect(expectAgreement(JSON.parse(JSON.stringify(fromCanonical(order))))).toBe(true);
			}),
			{ numRuns: 1000 },
		);
	});

	it('agrees on 10,000 fuzzed orders: any field (or object, or list) replaced by an odd value or removed', () => {
		const bases = [...seedOrders, ...generated.slice(0, 20)];
		const targets = bases.map((order) => ({ order, paths: pathsOf(order).slice(1) }));
		let accepted = 0;
		fc.assert(
			fc.property(
				fc.nat(targets.length - 1),
				fc.array(fc.tuple(fc.nat(), oddValue, fc.boolean()), { minLength: 1, maxLength: 3 }),
				(which, strikes) => {
					const { paths } = targets[which];
					let order = targets[which].order as unknown;
					for (const [at, value, remove] of strikes) order = withValueAt(order, paths[at % paths.length], value, remove && at % 3 === 0);
					if (expectAgreement(order)) accepted++;
				},
			),
			{ numRuns: 10_000 },
		);
		// Both outcomes were exercised: the fuzzer is not only making orders both refuse.
		expect(accepted).toBeGreaterThan(1000);
		expect(accepted).toBeLessThan(9000);
	});

	it('names each missing product of a list with holes, as zod does (a Code node can make one)', () => {
		const products: unknown[] = [];
		products[2] = { ...horoshopExample.products[0] };
		const { hand } = both({ ...horoshopExample, products });
		expect(hand.problems.errors).toEqual([
			{ field: 'products[0]', message: 'is required' },
			{ field: 'products[1]', message: 'is required' },
		]);
		expectAgreement({ ...horoshopExample, products });
	});

	it('agrees on things that are not orders at all', () => {
		for (const value of [null, undefined, 'order', 12, [], [horoshopExample], true]) expectAgreement(value);
	});

	it('gives back an order that needs no coercion as it came, and copies only what it changes', () => {
		const clean = structuredClone(generated[0]);
		expect(readHoroshopOrder(clean, new Problems())).toBe(clean);
		const products = clean.products as Array<Record<string, unknown>>;
		const input = { ...clean, order_id: String(clean.order_id), products: [products[0], { ...products[1], price: String(products[1].price) }] };
		const read = readHoroshopOrder(input, new Problems()) as unknown as typeof input;
		expect(read).not.toBe(input);
		expect(read.order_id).toBe(clean.order_id);
		expect(read.products[0]).toBe(products[0]);
		expect(read.products[1].price).toBe(products[1].price);
		expect(input.order_id).toBe(String(clean.order_id));
		expect(input.products[1].price).toBe(String(products[1].price));
	});

	it('names the field and leaves the input as it was', () => {
		const input = { ...horoshopExample, products: [{ ...horoshopExample.products[0], price: 'free' }] };
		const before = structuredClone(input);
		const problems = new Problems();
		expect(readHoroshopOrder(input, problems)).toBeUndefined();
		expect(problems.errors).toEqual([{ field: 'products[0].price', message: 'must be a number' }]);
		expect(input).toEqual(before);
	});
});
