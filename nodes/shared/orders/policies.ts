import type { CanonicalOrder, OrderLine, ProductKey } from './canonical';
import { countedLines } from './canonical';
import type { Kopecks } from './money';
import { allocate, describeUnitPrices, lineAmount, percentOff, toDecimalString, unitPrices } from './money';
import { withField } from './newObject';
import type { Problems } from './problems';
import type { DefaultWindow } from './time';
import { defaultWindow } from './time';

export type UnknownProductPolicy = 'error' | 'drop' | 'passThrough';
export type SetPolicy = 'setLine' | 'items';
export type GiftPolicy = 'keep' | 'drop';
export type MismatchPolicy = 'error' | 'flag';

export interface ProductMapping {
	/** Which of the source's product keys to look up; `first` takes the first one a line has (id, article, SKU, external id). */
	key: ProductKey | 'first';
	/** Source key -> target product id; undefined means "no map: send the source key as it is". */
	lookup?: Record<string, string>;
	unknown: UnknownProductPolicy;
}

export interface OrderPolicies {
	products: ProductMapping;
	sets: SetPolicy;
	gifts: GiftPolicy;
	totals: MismatchPolicy;
	window: DefaultWindow;
	defaultCity?: string;
	timezone: string;
	/** ISO time used for the default window when the order has no creation time. */
	now: string;
}

/** A line's amount after its own discount. */
export function lineTotal(line: OrderLine): Kopecks {
	const gross = lineAmount(line.unitPrice, line.quantity);
	return gross - percentOff(gross, line.discountPercent ?? 0);
}

/** What the lines, discounts and delivery add up to. */
export function expectedTotal(order: Pick<CanonicalOrder, 'lines' | 'money' | 'delivery'>): Kopecks {
	const goods = countedLines(order).reduce((sum, line) => sum + lineTotal(line), 0);
	return goods - (order.money.discount ?? 0) + (order.delivery.cost ?? 0);
}

const amount = (kopecks: Kopecks) => toDecimalString(kopecks);

function lineLabel(order: CanonicalOrder, line: OrderLine): string {
	return `lines[${order.lines.indexOf(line)}]`;
}

/**
 * Applies the admin's choices to a canonical order and returns a new order (the input is not
 * touched): totals check, default city and delivery window, gifts, sets, product map. With
 * `wholeOrder` (the target is Canonical) the Sets and Gifts policies are left for the later write
 * to a target format, so every line, set items and gifts included, stays in the order.
 */
export function applyPolicies(order: CanonicalOrder, policies: OrderPolicies, problems: Problems, wholeOrder = false): CanonicalOrder {
	checkTotal(order, policies.totals, problems);

	// Copied only where a policy changes something: most orders keep their address and money as read.
	const address = !order.address.city && policies.defaultCity ? withField(order.address, 'city', policies.defaultCity) : order.address;
	const delivery = order.delivery.window
		? order.delivery
		: withField(order.delivery, 'window', defaultWindow(order.createdAt, policies.now, policies.timezone, policies.window));

	let dropped: Kopecks = 0;
	let lines: readonly OrderLine[] = order.lines;
	if (!wholeOrder) {
		if (policies.gifts === 'drop') {
			const counted = new Set(countedLines(order));
			lines = lines.filter((line) => {
				if (line.kind !== 'gift') return true;
				if (counted.has(line)) dropped += lineTotal(line);
				return false;
			});
		}
		// A set counts once: its own line carries the price, the items it is made of are not sent.
		lines = policies.sets === 'items' ? explodeSets(order, lines, problems) : countedLines({ lines });
	}

	const mapped: OrderLine[] = [];
	for (const line of lines) {
		const target = mapProduct(order, line, policies.products, problems);
		if (target) mapped.push(target);
		else dropped += lineTotal(line);
	}

	let money = order.money;
	if (dropped !== 0 && money.total !== undefined) {
		problems.note('money.total', `lowered from ${amount(money.total)} to ${amount(money.total - dropped)} for the dropped lines`);
		money = { ...money, total: money.total - dropped };
	}

	if (mapped.length === 0) problems.error('lines', 'no order lines are left to send');
	return { ...order, address, delivery, lines: mapped, money };
}

function checkTotal(order: CanonicalOrder, policy: MismatchPolicy, problems: Problems): void {
	if (order.money.total === undefined) return;
	const expected = expectedTotal(order);
	if (expected === order.money.total) return;
	const parts = [`lines ${amount(expected - (order.delivery.cost ?? 0) + (order.money.discount ?? 0))}`];
	if (order.money.discount) parts.push(`minus discount ${amount(order.money.discount)}`);
	if (order.delivery.cost) parts.push(`plus delivery ${amount(order.delivery.cost)}`);
	const message = `the order's total ${amount(order.money.total)} does not add up: ${parts.join(' ')} make ${amount(expected)}`;
	if (policy === 'error') problems.error('money.total', message);
	else problems.note('money.total', `${message}; sent as the source stated it`);
}

/**
 * Sends a set's items instead of its line, the set's price spread over them in proportion to
 * their own prices, to the kopeck, so the order's sum does not change.
 */
function explodeSets(order: CanonicalOrder, lines: readonly OrderLine[], problems: Problems): OrderLine[] {
	const result: OrderLine[] = [];
	for (const line of lines) {
		if (line.kind === 'setItem' && lines.some((set) => set.kind === 'set' && set.lineId === line.parentLineId)) continue;
		if (line.kind !== 'set') {
			result.push(line);
			continue;
		}
		const items = lines.filter((item) => item.kind === 'setItem' && item.parentLineId === line.lineId);
		if (items.length === 0) {
			result.push(line);
			continue;
		}
		const shares = allocate(lineTotal(line), items.map((item) => lineAmount(item.unitPrice, item.quantity)));
		items.forEach((item, index) => {
			const units = item.quantity;
			const share = shares[index];
			const plain = { ...item, discountPercent: undefined, parentLineId: undefined };
			if (!Number.isInteger(units)) {
				problems.error(lineLabel(order, item), `the set's price cannot be spread over ${units} units to the kopeck; send the set as one line instead`);
				return;
			}
			const prices = unitPrices(share, units);
			result.push(...prices.map(({ quantity, unitPrice }) => ({ ...plain, quantity, unitPrice })));
			if (prices.length > 1) {
				problems.note(lineLabel(order, item), `the set's share ${toDecimalString(share)} does not divide by ${units} units, so it is sent as ${describeUnitPrices(prices)}`);
			}
		});
	}
	return result;
}

function mapProduct(order: CanonicalOrder, line: OrderLine, mapping: ProductMapping, problems: Problems): OrderLine | undefined {
	// Named only for a problem: finding the line's place in the order costs a search per line.
	const field = () => `${lineLabel(order, line)}.product${mapping.key === 'first' ? '' : `.${mapping.key}`}`;
	const { product } = line;
	const key = mapping.key === 'first' ? (product.id ?? product.article ?? product.sku ?? product.externalId) : product[mapping.key];
	if (mapping.lookup === undefined) {
		// A canonical order may already carry the target's product id from an earlier transform.
		if (key === undefined && line.targetProductId !== undefined) return line;
		if (key !== undefined) return withField(line, 'targetProductId', key);
		problems.error(field(), `is missing, so the product "${line.name ?? ''}" cannot be matched`);
		return line;
	}
	const target = key === undefined ? undefined : mapping.lookup[key];
	if (target !== undefined && target !== '') return withField(line, 'targetProductId', target);
	const what = key === undefined ? `has no ${mapping.key === 'first' ? 'product key' : mapping.key}` : `"${key}" is not in the product map`;
	const name = line.name ? ` (${line.name})` : '';
	if (mapping.unknown === 'error') {
		problems.error(field(), `${what}${name}`);
		return line;
	}
	if (mapping.unknown === 'drop') {
		problems.note(field(), `${what}${name}; line dropped`);
		return undefined;
	}
	if (key === undefined) {
		problems.error(field(), `${what}${name}; nothing to pass through`);
		return line;
	}
	problems.note(field(), `${what}${name}; sent as "${key}"`);
	return withField(line, 'targetProductId', key);
}
