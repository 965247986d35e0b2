import * as aqua from './aqua/mapping';
import type { CanonicalOrder, OrderState, System } from './canonical';
import { ORDER_STATES, canonicalOrderSchema } from './canonical';
import { DEFAULT_CURRENCY, checkCurrency } from './currency';
import * as horoshop from './horoshop/mapping';
import * as onec from './onec/mapping';
import { withField } from './newObject';
import type { HomeCountry } from './phone';
import type { OrderPolicies } from './policies';
import { applyPolicies } from './policies';
import type { Problem } from './problems';
import { Problems } from './problems';
import type { ReadContext } from './read';
import { textOf } from './read';
import type { SaleAppWriteContext } from './saleapp/mapping';
import * as saleapp from './saleapp/mapping';
import { statusCodeFor } from './status';
import { parseOrRecord } from './zodProblems';

export type SourceFormat = System | 'canonical';
export type TargetFormat = 'aqua' | 'onec' | 'saleapp' | 'canonical';

export interface TransformSettings extends OrderPolicies {
	from: SourceFormat;
	to: TargetFormat;
	homeCountry: HomeCountry;
	/** Source status code -> target status code (or canonical state), overriding the defaults. */
	statusMap: Record<string, string>;
	/** Source payment code or title -> target payment type. */
	paymentMap: Record<string, string>;
	saleApp: SaleAppWriteContext;
	/** ISO code of the currency Aqua, 1C and SaleApp keep their prices in (their orders state none). */
	currency: string;
}

export type TransformResult =
	| { ok: true; orderId: string; output: Record<string, unknown>; notes: Problem[] }
	| { ok: false; orderId: string; errors: Problem[]; notes: Problem[] };

const READERS: Record<System, (wire: unknown, context: ReadContext, problems: Problems) => CanonicalOrder | undefined> = {
	horoshop: horoshop.toCanonical,
	saleapp: saleapp.toCanonical,
	aqua: aqua.toCanonical,
	onec: onec.toCanonical,
};

/**
 * Payment ids Horoshop documents (they may differ per shop, so the payment map overrides them):
 * 11 pay the courier, 13 cash. Other payments have no agreed name in Aqua or 1C.
 */
const HOROSHOP_CASH_PAYMENTS = new Set(['11', '13']);

/** The order's id as the user knows it, read from the raw input before any checks. */
export function orderIdOf(from: SourceFormat, input: unknown): string {
	const value = (input ?? {}) as Record<string, unknown>;
	const id = from === 'horoshop' ? value.order_id : value.id;
	return textOf(typeof id === 'object' ? undefined : id) ?? '(no id)';
}

/** What may differ per order beyond the order itself. */
export interface OrderExtras {
	/** The id Aqua or 1C gave this order on an earlier exchange, sent back as `external_id`. */
	receiverOrderId?: string;
}

/** Converts one order from one format to another; never throws for bad input, never mutates it. */
export function transformOrder(input: unknown, settings: TransformSettings, extras: OrderExtras = {}): TransformResult {
	const problems = new Problems();
	const orderId = orderIdOf(settings.from, input);
	const fail = (): TransformResult => ({ ok: false, orderId, errors: problems.errors, notes: problems.notes });

	let canonical = read(input, settings, problems);
	if (!canonical || problems.failed) return fail();
	const receiverId = extras.receiverOrderId?.trim();
	if (receiverId && (settings.to === 'aqua' || settings.to === 'onec')) {
		canonical = withField(canonical, 'ids', withField(canonical.ids, settings.to, receiverId));
	}

	const order = applyPolicies(canonical, settings, problems, settings.to === 'canonical');
	if (problems.failed) return fail();

	const output = write(order, settings, problems);
	if (!output || problems.failed) return fail();
	return { ok: true, orderId, output, notes: problems.notes };
}

function read(input: unknown, settings: TransformSettings, problems: Problems): CanonicalOrder | undefined {
	if (input === null || typeof input !== 'object' || Array.isArray(input)) {
		problems.error('', 'the item is not an order object');
		return undefined;
	}
	if (settings.from !== 'canonical') {
		return READERS[settings.from](input, { timezone: settings.timezone, homeCountry: settings.homeCountry }, problems);
	}
	return parseOrRecord(canonicalOrderSchema, input, problems);
}

function write(order: CanonicalOrder, settings: TransformSettings, problems: Problems): Record<string, unknown> | undefined {
	if (settings.to !== 'canonical') {
		checkCurrency(order, { from: settings.from, to: settings.to }, settings.currency, problems);
		if (problems.failed) return undefined;
	}
	switch (settings.to) {
		case 'aqua':
		case 'onec': {
			const context = { status: targetStatus(order, settings), paymentType: targetPayment(order, settings, problems) };
			return settings.to === 'aqua' ? aqua.fromCanonical(order, context, problems) : onec.fromCanonical(order, context, problems);
		}
		case 'saleapp':
			return saleapp.fromCanonical(order, { ...settings.saleApp, totals: settings.totals }, problems);
		case 'canonical':
			return toCanonicalOutput(order, settings);
	}
}

function targetStatus(order: CanonicalOrder, settings: TransformSettings): string | undefined {
	const code = order.status?.code;
	const override = code === undefined ? undefined : settings.statusMap[code];
	if (override) return override;
	const state = order.status?.state;
	return state && settings.to !== 'canonical' && settings.to !== 'saleapp' ? statusCodeFor(settings.to, state) : undefined;
}

function targetPayment(order: CanonicalOrder, settings: TransformSettings, problems: Problems): string | undefined {
	const { code, title } = order.payment;
	const mapped = (code !== undefined ? settings.paymentMap[code] : undefined) ?? (title !== undefined ? settings.paymentMap[title] : undefined);
	if (mapped) return mapped;
	if (code === undefined) return undefined;
	if (order.source === 'aqua' || order.source === 'onec' || order.source === 'canonical') return code;
	if (order.source === 'horoshop' && HOROSHOP_CASH_PAYMENTS.has(code)) return 'cash';
	problems.note('payment_type', `the source's payment "${title ?? code}" (${code}) is not in the payment map; left empty`);
	return undefined;
}

function toCanonicalOutput(order: CanonicalOrder, settings: TransformSettings): Record<string, unknown> {
	const code = order.status?.code;
	const override = code === undefined ? undefined : settings.statusMap[code];
	if (override && (ORDER_STATES as readonly string[]).includes(override) && order.status) {
		return { ...order, status: { ...order.status, state: override as OrderState } };
	}
	return order;
}

/** The settings a Transformer node has before the admin changes anything. */
export function defaultSettings(from: SourceFormat, to: TargetFormat, timezone: string, now: string): TransformSettings {
	return {
		from,
		to,
		timezone,
		now,
		homeCountry: 'UA',
		products: { key: ({ horoshop: 'article', saleapp: 'sku', aqua: 'id', onec: 'id', canonical: 'first' } as const)[from], unknown: 'error' },
		sets: 'setLine',
		gifts: 'keep',
		totals: 'error',
		window: { days: 1, from: '09:00', to: '18:00' },
		statusMap: {},
		paymentMap: {},
		saleApp: { productField: 'sku', deliveryType: 2 },
		currency: DEFAULT_CURRENCY,
	};
}
