import { DateTime } from 'luxon';
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ProductKey } from '../shared/orders/canonical';
import type { HomeCountry } from '../shared/orders/phone';
import type { GiftPolicy, MismatchPolicy, SetPolicy, UnknownProductPolicy } from '../shared/orders/policies';
import type { SaleAppProductField } from '../shared/orders/saleapp/mapping';
import type { SaleAppDeliveryType } from '../shared/orders/saleapp/schema';
import { isCurrencyCode } from '../shared/orders/currency';
import { isClockTime, isValidZone } from '../shared/orders/time';
import type { SourceFormat, TargetFormat, TransformSettings } from '../shared/orders/transform';
import { defaultSettings } from '../shared/orders/transform';

interface Pair {
	source?: string;
	target?: string;
}

interface Options {
	homeCountry?: HomeCountry;
	defaultCity?: string;
	deliveryDays?: number;
	windowFrom?: string;
	windowTo?: string;
	saleAppDeliveryType?: SaleAppDeliveryType;
	saleAppProductField?: SaleAppProductField;
	timezone?: string;
	totals?: MismatchPolicy;
	currency?: string;
}

/**
 * Where each source writes times without an offset, unless Source Timezone says otherwise: never
 * the workflow's timezone (n8n's default is America/New_York). Horoshop, SaleApp and 1C serve
 * Ukrainian businesses; Aqua answers in its tenant's time, Moscow's in seed 000's example.
 * Canonical times always carry their offset.
 */
const SOURCE_TIMEZONES: Record<SourceFormat, string> = {
	horoshop: 'Europe/Kyiv',
	saleapp: 'Europe/Kyiv',
	onec: 'Europe/Kyiv',
	aqua: 'Europe/Moscow',
	canonical: 'Europe/Kyiv',
};

/**
 * Reads the node's settings once for all items (each expression evaluation costs time per
 * item, and these settings describe the mapping, not one order).
 */
export function readSettings(context: IExecuteFunctions): TransformSettings {
	const node = context.getNode();
	const from = context.getNodeParameter('from', 0) as SourceFormat;
	const to = context.getNodeParameter('to', 0) as TargetFormat;
	const options = context.getNodeParameter('options', 0, {}) as Options;
	const timezone = options.timezone?.trim() || SOURCE_TIMEZONES[from];
	if (!isValidZone(timezone)) {
		throw new NodeOperationError(node, `Source Timezone "${timezone}" is not a timezone name like Europe/Kyiv`);
	}
	const base = defaultSettings(from, to, timezone, DateTime.now().setZone(timezone).toISO() as string);

	const window = {
		days: options.deliveryDays ?? base.window.days,
		from: options.windowFrom?.trim() || base.window.from,
		to: options.windowTo?.trim() || base.window.to,
	};
	for (const [name, value] of [['Delivery From', window.from], ['Delivery To', window.to]]) {
		if (!isClockTime(value)) throw new NodeOperationError(node, `${name} "${value}" is not a time like 09:00`);
	}
	if (window.to.padStart(5, '0') <= window.from.padStart(5, '0')) {
		throw new NodeOperationError(node, `Delivery To ${window.to} must be later than Delivery From ${window.from}`);
	}

	const currency = options.currency?.trim() || base.currency;
	if (!isCurrencyCode(currency)) {
		throw new NodeOperationError(node, `Target Currency "${currency}" is not a three-letter currency code like UAH`);
	}

	const mapping = context.getNodeParameter('productMapping', 0) as 'none' | 'table' | 'lookup';
	const key = context.getNodeParameter('productKey', 0) as ProductKey | 'auto';
	return {
		...base,
		homeCountry: options.homeCountry ?? base.homeCountry,
		defaultCity: options.defaultCity?.trim() || undefined,
		window,
		totals: options.totals ?? base.totals,
		currency: currency.toUpperCase(),
		products: {
			key: key === 'auto' ? base.products.key : key,
			lookup: mapping === 'none' ? undefined : readLookup(context, mapping),
			unknown: mapping === 'none' ? 'error' : (context.getNodeParameter('unknownProducts', 0) as UnknownProductPolicy),
		},
		sets: context.getNodeParameter('sets', 0) as SetPolicy,
		gifts: context.getNodeParameter('gifts', 0) as GiftPolicy,
		statusMap: readPairs(context, 'statusMap'),
		paymentMap: readPairs(context, 'paymentMap'),
		saleApp: {
			productField: options.saleAppProductField ?? base.saleApp.productField,
			deliveryType: options.saleAppDeliveryType ?? base.saleApp.deliveryType,
		},
	};
}

function readPairs(context: IExecuteFunctions, name: string): Record<string, string> {
	const value = context.getNodeParameter(name, 0, {}) as { values?: Pair[] };
	const result: Record<string, string> = {};
	for (const pair of value.values ?? []) {
		const source = String(pair.source ?? '').trim();
		const target = String(pair.target ?? '').trim();
		if (source && target) result[source] = target;
	}
	return result;
}

function readLookup(context: IExecuteFunctions, mapping: 'table' | 'lookup'): Record<string, string> {
	if (mapping === 'table') return readPairs(context, 'productTable');
	const node = context.getNode();
	let value = context.getNodeParameter('productLookup', 0, {}) as unknown;
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value || '{}');
		} catch (error) {
			throw new NodeOperationError(node, `Lookup Object is not valid JSON: ${(error as Error).message}`);
		}
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw new NodeOperationError(node, 'Lookup Object must be an object like {"10000001": "78e66cef-..."}');
	}
	const result: Record<string, string> = {};
	for (const [source, target] of Object.entries(value as IDataObject)) {
		if (typeof target !== 'string' && typeof target !== 'number') {
			throw new NodeOperationError(node, `Lookup Object: the product ID for "${source}" must be text or a number`);
		}
		result[source] = String(target);
	}
	return result;
}
