import { allocate, lineAmount, parseKopecks, percentOff, toAmount, toDecimalString } from '../../../nodes/shared/orders/money';

describe('money in kopecks', () => {
	it('reads amounts exactly, from numbers and decimal strings', () => {
		expect(parseKopecks(12.98)).toBe(1298);
		expect(parseKopecks('12.98')).toBe(1298);
		expect(parseKopecks('12,5')).toBe(1250);
		expect(parseKopecks('1 001.50')).toBe(100150);
		expect(parseKopecks(0.1 + 0.2)).toBe(30);
		expect(parseKopecks(1.15)).toBe(115);
		expect(parseKopecks('355.00')).toBe(35500);
		expect(parseKopecks('-0')).toBe(0);
	});

	it('refuses what is not an amount or has fractions of a kopeck', () => {
		expect(parseKopecks('1.005')).toBeUndefined();
		expect(parseKopecks(1.005)).toBeUndefined();
		expect(parseKopecks('12.98 грн')).toBeUndefined();
		expect(parseKopecks(Number.NaN)).toBeUndefined();
		expect(parseKopecks(null)).toBeUndefined();
	});

	it('writes kopecks back as the same decimal', () => {
		expect(toAmount(1298)).toBe(12.98);
		expect(toAmount(35500)).toBe(355);
		expect(toDecimalString(5)).toBe('0.05');
		expect(toDecimalString(-1298)).toBe('-12.98');
		// A float sum drifts; kopecks do not.
		expect(0.1 + 0.2).not.toBe(0.3);
		expect(toAmount((parseKopecks(0.1) as number) + (parseKopecks(0.2) as number))).toBe(0.3);
	});

	it('multiplies and discounts to the kopeck', () => {
		expect(lineAmount(1298, 3)).toBe(3894);
		expect(lineAmount(1000, 1.5)).toBe(1500);
		expect(lineAmount(999, 0.333)).toBe(333);
		expect(percentOff(4979, 1)).toBe(50);
		expect(percentOff(10000, 12.5)).toBe(1250);
	});

	it('spreads a sum over parts so the parts add up exactly', () => {
		expect(allocate(241200, [100100, 100500, 100900])).toEqual([80080, 80400, 80720]);
		expect(allocate(1000, [300, 300, 400])).toEqual([300, 300, 400]);
		expect(allocate(1001, [1, 2])).toEqual([334, 667]);
		expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
		expect(allocate(10, [0, 0])).toEqual([5, 5]);
		for (const [total, weights] of [[1, [3, 3, 3]], [99999, [7, 11, 13, 17]], [0, [5, 6]]] as Array<[number, number[]]>) {
			expect(allocate(total, weights).reduce((sum, part) => sum + part, 0)).toBe(total);
		}
	});
});
