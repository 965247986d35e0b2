import fc from 'fast-check';

import type { CanonicalOrder } from '../../../nodes/shared/orders/canonical';
import { defaultSettings, transformOrder } from '../../../nodes/shared/orders/transform';
import type { SourceFormat, TargetFormat, TransformResult, TransformSettings } from '../../../nodes/shared/orders/transform';
import { aquaExample, horoshopDeliveryDataExample, horoshopExample, saleAppExample } from '../../fixtures/seedExamples';
import { exchangeOrder, horoshopOrder, saleAppOrder } from './fixtures/arbitraries';
import { pathsOf } from './fixtures/paths';
import { oddValue, strike } from './fixtures/strikes';

/**
 * Whatever an order holds, the conversion answers with an output or with errors: it never throws,
 * so one bad order cannot stop the Transformer's other items.
 */

const NOW = '2021-04-09T12:00:00.000+03:00';
const TARGETS: TargetFormat[] = ['aqua', 'onec', 'saleapp', 'canonical'];

function settings(from: SourceFormat, to: TargetFormat, lenient: boolean): TransformSettings {
	const base = defaultSettings(from, to, 'Europe/Kyiv', NOW);
	// Lenient: totals that do not add up are noted and unknown products passed through, so the writers are reached more often.
	return lenient ? { ...base, totals: 'flag', products: { ...base.products, unknown: 'passThrough' } } : base;
}

function converted(input: unknown, from: SourceFormat, to: TargetFormat): Record<string, unknown> {
	const result = transformOrder(input, settings(from, to, true));
	if (!result.ok) throw new Error(`a valid order did not convert (${from} -> ${to}): ${JSON.stringify(result.errors)}`);
	return result.output;
}

const sample = (orders: fc.Arbitrary<CanonicalOrder>) => fc.sample(orders, { numRuns: 20, seed: 13 });
const forAqua = sample(exchangeOrder('aqua'));
const forOneC = sample(exchangeOrder('onec'));

/** Valid orders of each format: the seeds' examples, and generated orders written in it. */
const VALID: Record<SourceFormat, unknown[]> = {
	horoshop: [horoshopExample, { ...horoshopExample, ...horoshopDeliveryDataExample }],
	saleapp: [saleAppExample],
	aqua: [aquaExample, ...forAqua.map((order) => converted(order, 'canonical', 'aqua'))],
	onec: [aquaExample, ...forOneC.map((order) => converted(order, 'canonical', 'onec'))],
	canonical: [
		...forAqua,
		...sample(saleAppOrder),
		...sample(horoshopOrder),
		converted(horoshopExample, 'horoshop', 'canonical'),
		converted(aquaExample, 'aqua', 'canonical'),
	],
};

function fuzzed(from: SourceFormat): fc.Arbitrary<unknown> {
	return fc
		.tuple(fc.constantFrom(...VALID[from]), fc.array(fc.tuple(fc.nat(), oddValue), { minLength: 1, maxLength: 3 }))
		.map(([base, strikes]) => {
			let order = structuredClone(base) as unknown;
			const paths = pathsOf(order);
			for (const [at, value] of strikes) order = strike(order, paths[at % paths.length], value);
			return order;
		});
}

/** The conversion's result; an exception comes out with the order that caused it (fast-check prints these objects as [object Object]). */
function convertedOrThrown(input: unknown, settings: TransformSettings): TransformResult {
	try {
		return transformOrder(input, settings);
	} catch (error) {
		const text = JSON.stringify(input, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : value));
		throw new Error(`${(error as Error).message} converting ${settings.from} -> ${settings.to}: ${text}`);
	}
}

describe.each(Object.keys(VALID) as SourceFormat[])('converting fuzzed %s orders', (from) => {
	it('gives an output or errors that say what is wrong, never an exception', () => {
		let failed = 0;
		fc.assert(
			fc.property(fuzzed(from), fc.constantFrom(...TARGETS), fc.boolean(), (input, to, lenient) => {
				const result = convertedOrThrown(input, settings(from, to, lenient));
				if (result.ok) return;
				failed++;
				expect(result.errors.length).toBeGreaterThan(0);
				for (const error of result.errors) expect(typeof error.field === 'string' && error.message.length > 0).toBe(true);
			}),
			{ numRuns: 3_000, seed: 13 },
		);
		// Most strikes make an order invalid: the fuzzer reaches the errors, not only the outputs.
		expect(failed).toBeGreaterThan(300);
	});
});
