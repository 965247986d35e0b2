import type { OrderLine } from '../canonical';
import type { Kopecks } from '../money';
import { allocate, lineAmount, percentOff } from '../money';

/** discount_percent is written in hundredths, as the reader takes it. */
const STEPS = 100 * 100;

/**
 * SaleApp orders have no order discount, only `discount_percent` per line (seed 003), which
 * SaleApp takes off the line's cost × qty. The order discount is shared out over the lines in
 * proportion to what each still costs, on top of the line's own discount, and each line's share
 * becomes a percentage in hundredths. A hundredth of a percent of a line dearer than 100.00 is
 * more than a kopeck, so such a line takes at most its share and leaves the rest to the next;
 * what is left is then taken by the lines cheapest first, where a hundredth is finest. `missing`
 * is what no line could take exactly, in kopecks (0 unless every line is dear or nearly free;
 * negative when one hundredth more came closer).
 */
export function spreadDiscount(lines: OrderLine[], orderDiscount: Kopecks): { percents: Array<number | undefined>; missing: Kopecks } {
	if (!orderDiscount) return { percents: lines.map((line) => line.discountPercent), missing: 0 };
	const gross = lines.map((line) => lineAmount(line.unitPrice, line.quantity));
	const own = lines.map((line, index) => percentOff(gross[index], line.discountPercent ?? 0));
	const shares = allocate(
		orderDiscount,
		gross.map((amount, index) => amount - own[index]),
	);
	const steps = lines.map(() => 0);
	const dearestFirst = lines.map((_, index) => index).sort((a, b) => gross[b] - gross[a] || a - b);
	let left = 0;
	for (const index of dearestFirst) {
		const due = own[index] + shares[index] + left;
		steps[index] = mostStepsWithin(gross[index], due);
		left = due - percentOff(gross[index], steps[index] / 100);
	}
	for (const index of [...dearestFirst].reverse()) {
		if (left === 0) break;
		const taken = percentOff(gross[index], steps[index] / 100);
		steps[index] = mostStepsWithin(gross[index], taken + left);
		left = taken + left - percentOff(gross[index], steps[index] / 100);
	}
	// Still short: one more hundredth on the line where that comes closest, if it does.
	let closest: { index: number; left: Kopecks } | undefined;
	for (const index of dearestFirst) {
		if (left <= 0 || steps[index] >= STEPS) continue;
		const more = percentOff(gross[index], (steps[index] + 1) / 100) - percentOff(gross[index], steps[index] / 100);
		if (Math.abs(left - more) < Math.abs(closest?.left ?? left)) closest = { index, left: left - more };
	}
	if (closest) {
		steps[closest.index]++;
		left = closest.left;
	}
	return { percents: steps.map((step) => step / 100 || undefined), missing: left };
}

/**
 * Hundredths of a percent of `amount` that take off the most kopecks up to `due`: of those that
 * take off that much, the one nearest the exact share, so no rounding rule decides the kopeck.
 */
function mostStepsWithin(amount: Kopecks, due: Kopecks): number {
	if (amount === 0 || due <= 0) return 0;
	let most = Math.min(STEPS, Math.floor((due * STEPS) / amount));
	while (most < STEPS && percentOff(amount, (most + 1) / 100) <= due) most++;
	const taken = percentOff(amount, most / 100);
	let fewest = most;
	while (fewest > 0 && percentOff(amount, (fewest - 1) / 100) === taken) fewest--;
	return Math.min(most, Math.max(fewest, Math.round((taken * STEPS) / amount)));
}
