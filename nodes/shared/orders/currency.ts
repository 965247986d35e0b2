import type { CanonicalOrder } from './canonical';
import type { Problems } from './problems';

export type CurrencyTarget = 'aqua' | 'onec' | 'saleapp';

/**
 * Where each input format states its order's currency. Aqua and 1C orders carry none, and SaleApp's
 * `curency_id` is its own id, not a code: their amounts are taken as they are.
 */
const CURRENCY_FIELD: Record<CanonicalOrder['source'], string | undefined> = {
	horoshop: 'currency',
	canonical: 'money.currency',
	aqua: undefined,
	onec: undefined,
	saleapp: undefined,
};

const TARGET_NAMES: Record<CurrencyTarget, string> = { aqua: 'Aqua Delivery', onec: '1C', saleapp: 'SaleApp' };

export const DEFAULT_CURRENCY = 'UAH';

export function isCurrencyCode(value: string): boolean {
	return /^[A-Za-z]{3}$/.test(value);
}

/**
 * Aqua, 1C and SaleApp orders have no currency field, so an amount written to them is read in
 * the currency they keep their prices in: an order stated in another one is an error, since
 * nothing converts its amounts.
 */
export function checkCurrency(
	order: CanonicalOrder,
	formats: { from: CanonicalOrder['source']; to: CurrencyTarget },
	expected: string,
	problems: Problems,
): void {
	const currency = order.money.currency?.trim();
	if (!currency || currency.toUpperCase() === expected.toUpperCase()) return;
	problems.error(
		CURRENCY_FIELD[formats.from] ?? 'money.currency',
		`the order is in ${currency}, but ${TARGET_NAMES[formats.to]} takes its amounts in ${expected.toUpperCase()} (the Target Currency option); amounts are not converted`,
	);
}
