import fc from 'fast-check';

import { checkAquaOrder } from '../../../nodes/shared/orders/aqua/check';
import { aquaOrderSchema } from '../../../nodes/shared/orders/aqua/schema';
import { writeExchange } from '../../../nodes/shared/orders/exchange';
import { checkOneCOrder } from '../../../nodes/shared/orders/onec/check';
import { oneCOrderSchema } from '../../../nodes/shared/orders/onec/schema';
import { Problems } from '../../../nodes/shared/orders/problems';
import { statusCodeFor } from '../../../nodes/shared/orders/status';
import { parseOrRecord } from '../../../nodes/shared/orders/zodProblems';
import { aquaExample } from '../../fixtures/seedExamples';
import { exchangeOrder } from './fixtures/arbitraries';
import { exchangeWireOrder } from './fixtures/exchangeWire';
import { pathsOf, undefinedPaths } from './fixtures/paths';
import { isObject, oddValue, strike } from './fixtures/strikes';

/**
 * The hand-written checks of the Aqua and 1C exchange orders against the zod schemas they stand
 * for on the per-order path: same accept or reject, the same order out (keys in the same order,
 * -0 and undefined-valued keys included), and the same problems in the same order, field and
 * message alike. No message differs: the schemas set their own for every issue zod would word
 * unhelpfully (1C's order id, a number or text, says what it must be instead of "Invalid input").
 * Only objects JSON cannot hold (a Date, a Map) are read differently: both refuse them.
 */

const RECEIVERS = [
	{ system: 'aqua' as const, schema: aquaOrderSchema, check: checkAquaOrder },
	{ system: 'onec' as const, schema: oneCOrderSchema, check: checkOneCOrder },
];
type Receiver = (typeof RECEIVERS)[number];

/**
 * A value written out whole: keys in their order, and what JSON would blur told apart (undefined,
 * -0, NaN, Infinity). Two strings compare far faster than jest's deep equality.
 */
function fingerprint(value: unknown): string {
	return JSON.stringify(value, (_key, entry: unknown) => (blurredByJson(entry) ? `\u0000${Object.is(entry, -0) ? '-0' : String(entry)}` : entry));
}

function blurredByJson(value: unknown): boolean {
	return value === undefined || (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0)));
}

function deepFreeze<T>(value: T): T {
	if (isObject(value) && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const entry of Object.values(value)) deepFreeze(entry);
	}
	return value;
}

/** Checks `value` both ways and expects the same outcome; true when both accept it. */
function expectAgreement({ schema, check }: Receiver, value: unknown): boolean {
	const byZod = new Problems();
	const expected = parseOrRecord(schema, value, byZod);
	const byHand = new Problems();
	// Frozen: the check must not change what it reads.
	const actual = check(deepFreeze(value), byHand);
	const byHandSide = fingerprint({ order: actual, problems: byHand.errors });
	const byZodSide = fingerprint({ order: expected, problems: byZod.errors });
	// expect() only on a difference, for its diff: each call costs more than the check itself.
	if (byHandSide !== byZodSide) expect(byHandSide).toBe(byZodSide);
	return expected !== undefined;
}

/** Keys a strike may add beside a field: unknown ones, and ones only the other receiver knows. */
const besideKey = fc.option(fc.constantFrom('extra', 'ask_for_checkout', 'order_product_id', 'account_number', '__proto__', 'constructor'), { freq: 4, nil: undefined });

/** A valid order with one to three strikes; the window sometimes reversed, the client sometimes made unknown. */
const fuzzedOrder = fc
	.tuple(
		fc.oneof({ weight: 1, arbitrary: fc.constant(aquaExample) }, { weight: 4, arbitrary: exchangeWireOrder }),
		fc.array(fc.tuple(fc.nat(), oddValue, besideKey), { minLength: 1, maxLength: 3 }),
		fc.boolean(),
		fc.boolean(),
	)
	.map(([base, strikes, reverse, unknownClient]) => {
		let order = structuredClone(base) as unknown;
		const record = order as Record<string, Record<string, unknown>>;
		if (reverse) [record.shipping_date_from, record.shipping_date_to] = [record.shipping_date_to, record.shipping_date_from];
		if (unknownClient) {
			delete record.client.id;
			delete record.client.external_id;
		}
		const paths = pathsOf(order);
		for (const [at, value, beside] of strikes) order = strike(order, paths[at % paths.length], value, beside);
		return order;
	});

const seed = () => structuredClone(aquaExample) as Record<string, unknown>;

describe.each(RECEIVERS)('hand-written $system order check against the zod schema', (receiver) => {
	it("agrees on the seed's example and variants of it", () => {
		expect(expectAgreement(receiver, seed())).toBe(true);
		const variants = [
			{ ...seed(), id: 1017, external_id: '50894', created_at: ' 2019-11-06 10:00:00 ' },
			{ ...seed(), status: 'done', order_item_list: [] },
			{ ...seed(), client: { emai: 'a@b.c' } },
			{ ...seed(), client: { username: '  ', phone: '' } },
			{ ...seed(), client: { username: 'Олена', phone: '067-123' } },
			{ ...seed(), shipping_date_to: '2019-11-06T10:00:00Z' },
			{ ...seed(), shipping_date_from: '06.11.2019', shipping_date_to: 'garbage' },
			{ ...seed(), created_at: '2026-02-31 10:00:00', shipping_date_from: '2026-02-29T10:00:00Z', shipping_date_to: '2024-02-29T10:00:00Z' },
			{ ...seed(), order_item_list: [{ product_id: '', price: 0.125, quantity: 1.5 }, null, [], 'line'] },
			// A sparse list: the hole is a missing line.
			{ ...seed(), order_item_list: Object.assign(new Array(2), { 1: aquaExample.order_item_list[0] }) },
			{ ...seed(), ask_for_checkout: 'invoice', count_of_returned_bottles: '' },
			{ ...seed(), total: undefined, delivery_cost: '12,50', coins: ' 7 ', comment: 5 },
			...['c0a8-0001', ' 42 ', 42, '', -1, 1.5, NaN, Infinity, 'x'.repeat(256), true, {}].map((external_id) => ({ ...seed(), external_id })),
		];
		for (const variant of variants) expectAgreement(receiver, variant);
	});

	it('agrees on things that are not orders at all', () => {
		for (const value of [null, undefined, 'order', 12, [], [seed()], true]) expectAgreement(receiver, value);
	});

	it('refuses, as zod does, objects JSON cannot hold (zod names their type, the check the fields they lack)', () => {
		const date = new Date(0);
		for (const value of [date, { ...seed(), client: date }, { ...seed(), shipping_address: new Map() }, { ...seed(), order_item_list: [new Set()] }]) {
			expect(receiver.schema.safeParse(value).success).toBe(false);
			expect(receiver.check(value, new Problems())).toBeUndefined();
		}
	});

	it('gives back the very order a writer put out, and a new one where it had to change something', () => {
		// Not held twice: the import keeps the order it checked until the answer came.
		fc.assert(
			fc.property(exchangeOrder(receiver.system), (order) => {
				const state = order.status?.state;
				const context = { status: state && statusCodeFor(receiver.system, state), paymentType: order.payment.code };
				const wire = writeExchange(order, receiver.system, context, new Problems());
				expect(receiver.check(wire, new Problems())).toBe(wire);
				// Fields the order does not have are left out, not sent as undefined.
				expect(undefinedPaths(wire)).toEqual([]);
			}),
			{ numRuns: 300 },
		);
		const written = writeExchange(
			fc.sample(exchangeOrder(receiver.system), { numRuns: 1, seed: 1 })[0],
			receiver.system,
			{ status: 'new', paymentType: 'cash' },
			new Problems(),
		) as Record<string, Record<string, unknown>>;
		const coerced = { ...written, total: '710,00' };
		const checked = receiver.check(coerced, new Problems()) as Record<string, unknown>;
		expect(checked).not.toBe(coerced);
		expect(checked.total).toBe(710);
		expect(coerced.total).toBe('710,00');
		// The parts that needed nothing are still the very ones given.
		expect(checked.client).toBe(written.client);
		const extra = { ...written, shipping_address: { ...written.shipping_address, note: 'gate' } };
		const withoutExtra = receiver.check(extra, new Problems()) as unknown as Record<string, Record<string, unknown>>;
		expect(withoutExtra.shipping_address).not.toBe(extra.shipping_address);
		expect(withoutExtra.shipping_address).not.toHaveProperty('note');
		expect(extra.shipping_address.note).toBe('gate');
	});

	it('agrees on 1,000 orders written from generated canonical orders, accepting all', () => {
		fc.assert(
			fc.property(exchangeOrder(receiver.system), (order) => {
				const state = order.status?.state;
				const context = { status: state && statusCodeFor(receiver.system, state), paymentType: order.payment.code };
				return expectAgreement(receiver, writeExchange(order, receiver.system, context, new Problems()));
			}),
			{ numRuns: 1000 },
		);
	});
});

describe('hand-written Aqua and 1C order checks against the zod schemas, on generated orders', () => {
	it('agree on 10,000 generated valid orders, accepting all', () => {
		fc.assert(
			fc.property(exchangeWireOrder, (order) => RECEIVERS.every((receiver) => expectAgreement(receiver, order))),
			{ numRuns: 10_000 },
		);
	});

	it('agree on 5,000 fuzzed orders: fields replaced by odd values, removed or added, windows reversed, clients unknown', () => {
		const accepted = { aqua: 0, onec: 0 };
		fc.assert(
			fc.property(fuzzedOrder, (order) => {
				for (const receiver of RECEIVERS) if (expectAgreement(receiver, order)) accepted[receiver.system]++;
			}),
			{ numRuns: 5000 },
		);
		// Both outcomes were exercised: the fuzzer is not only making orders both refuse.
		for (const count of Object.values(accepted)) {
			expect(count).toBeGreaterThan(500);
			expect(count).toBeLessThan(4500);
		}
	});
});
