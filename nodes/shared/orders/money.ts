import type { Problems } from './problems';

/**
 * Money is held as an integer number of minor units (kopecks), so sums never drift the way
 * binary floats do (0.1 + 0.2). Wire values (numbers or strings) are read exactly here.
 */
export type Kopecks = number;

const DECIMAL = /^([+-])?(\d+)(?:[.,](\d+))?$/;

/** Reads a decimal amount; undefined when it is not a number or has fractions of a kopeck. */
export function parseKopecks(value: unknown): Kopecks | undefined {
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return undefined;
		const scaled = value * 100;
		const rounded = Math.round(scaled);
		// A float read from JSON (12.98 is 1297.9999999999998 kopecks) sits within a hair of a kopeck.
		if (Math.abs(scaled - rounded) > 1e-6 * Math.max(1, Math.abs(scaled))) return undefined;
		return Number.isSafeInteger(rounded) ? rounded || 0 : undefined;
	}
	if (typeof value !== 'string') return undefined;
	const match = DECIMAL.exec(value.trim().replace(/\s/g, ''));
	if (!match) return undefined;
	const [, sign, whole, fraction = ''] = match;
	if (fraction.replace(/0+$/, '').length > 2) return undefined;
	const kopecks = Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
	if (!Number.isSafeInteger(kopecks)) return undefined;
	return sign === '-' ? -kopecks || 0 : kopecks;
}

/** Like parseKopecks, but records an error naming the field when the value cannot be held exactly. */
export function readMoney(
	value: unknown,
	field: string,
	problems: Problems,
	{ required = false, allowNegative = false } = {},
): Kopecks | undefined {
	if (value === undefined || value === null || value === '') {
		if (required) problems.error(field, 'is missing');
		return undefined;
	}
	const kopecks = parseKopecks(value);
	if (kopecks === undefined) {
		problems.error(field, `${JSON.stringify(value)} is not an amount of money with at most 2 decimals`);
		return undefined;
	}
	if (kopecks < 0 && !allowNegative) {
		problems.error(field, `${JSON.stringify(value)} must not be negative`);
		return undefined;
	}
	return kopecks;
}

/** Kopecks as a JSON number of hryvnias/roubles: 129800 -> 1298, 1298 -> 12.98 (exact decimal text). */
export function toAmount(kopecks: Kopecks): number {
	return kopecks / 100;
}

/** Kopecks as a decimal string with two places: 1298 -> "12.98". */
export function toDecimalString(kopecks: Kopecks): string {
	const sign = kopecks < 0 ? '-' : '';
	const abs = Math.abs(kopecks);
	return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Price times quantity in kopecks; fractional quantities round half away from zero. */
export function lineAmount(unitPrice: Kopecks, quantity: number): Kopecks {
	if (Number.isInteger(quantity)) return unitPrice * quantity;
	// Quantities carry at most 3 decimals: scale to integers so the product is exact before rounding.
	const milli = Math.round(quantity * 1000);
	const scaled = unitPrice * milli;
	return Math.sign(scaled) * Math.round(Math.abs(scaled) / 1000);
}

/** A percentage discount off an amount, in whole kopecks (half away from zero). */
export function percentOff(amount: Kopecks, percent: number): Kopecks {
	if (!percent) return 0;
	const hundredths = Math.round(percent * 100);
	return Math.round((amount * hundredths) / 10000);
}

/**
 * Splits `total` over parts in proportion to `weights`, in whole kopecks, so the parts add up
 * to exactly `total` (largest remainders get the spare kopecks; ties go to the earlier part).
 */
export function allocate(total: Kopecks, weights: Kopecks[]): Kopecks[] {
	const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
	if (weights.length === 0) return [];
	if (weightSum === 0) return allocate(total, weights.map(() => 1));
	const shares = weights.map((weight) => {
		const exact = BigInt(total) * BigInt(weight);
		const floor = exact / BigInt(weightSum) - (exact % BigInt(weightSum) < 0n ? 1n : 0n);
		return { floor: Number(floor), remainder: Number(exact - floor * BigInt(weightSum)) };
	});
	let spare = total - shares.reduce((sum, share) => sum + share.floor, 0);
	const order = shares
		.map((share, index) => ({ index, remainder: share.remainder }))
		.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
	const result = shares.map((share) => share.floor);
	for (const { index } of order) {
		if (spare <= 0) break;
		result[index] += 1;
		spare -= 1;
	}
	return result;
}

/**
 * A sum over whole units as unit prices exact to the kopeck: one price when it divides, else two
 * (some units a kopeck dearer), e.g. 75.01 over 3 units -> 2 × 25.00 and 1 × 25.01.
 */
export function unitPrices(sum: Kopecks, units: number): Array<{ quantity: number; unitPrice: Kopecks }> {
	const unitPrice = Math.floor(sum / units);
	const dearer = sum - unitPrice * units;
	if (dearer === 0) return [{ quantity: units, unitPrice }];
	return [
		{ quantity: units - dearer, unitPrice },
		{ quantity: dearer, unitPrice: unitPrice + 1 },
	];
}

/** "2 × 25.00 and 1 × 25.01" for messages. */
export function describeUnitPrices(prices: Array<{ quantity: number; unitPrice: Kopecks }>): string {
	return prices.map(({ quantity, unitPrice }) => `${quantity} × ${toDecimalString(unitPrice)}`).join(' and ');
}

