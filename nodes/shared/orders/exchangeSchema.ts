import { z } from 'zod';

import { rememberingLast } from './remembered';
import { instantOf } from './zoneClock';

/**
 * The order exchange format both Aqua-delivery's import (seed 000) and the 1C service
 * (seed 001) take, written once: the field rules, the client and address, the order's shared
 * fields and the answer's envelope. aqua/schema.ts and onec/schema.ts add what differs.
 *
 * Lenient on input only where the wire is ambiguous and the meaning is clear: ids given as
 * numbers become strings, the receiver's ids given as digit strings (Aqua answers `"id": "50894"`)
 * become numbers, amounts given as decimal strings ("355.00") become numbers.
 * Unknown fields are dropped, except on `client`, whose registered form Aqua documents elsewhere.
 */

export const EXCHANGE_ORDER_STATUSES = ['new', 'approved', 'completed', 'removed'] as const;

/** Largest value of a MySQL-style `integer(11)`. */
export const INT_MAX = 2147483647;

/** `decimal(10,2)`: at most 8 digits before the point. */
export const DECIMAL_10_2_MAX = 99999999.99;

export const DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Phone as the receivers take it: digits with an optional leading +. */
export const PHONE = /^\+?\d{10,}$/;

/**
 * The coercions and tests below are shared with the hand-written check of the per-order path
 * (exchangeCheck.ts), which must read orders exactly as these schemas do.
 */
export function numberToString(value: unknown): unknown {
	return typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
}

export function digitsToNumber(value: unknown): unknown {
	if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
	return value;
}

export function decimalStringToNumber(value: unknown): unknown {
	if (typeof value === 'string' && /^\s*-?\d+([.,]\d+)?\s*$/.test(value)) return Number(value.replace(',', '.'));
	return value;
}

/** The instant a datetime of the exchange names (NaN when it is not a real date). */
export const timeOf = rememberingLast(4, (datetime: string): number => instantOf(datetime.replace(' ', 'T')));

/** An amount of `decimal(10,2)`: at most two decimal places. */
export function hasAtMostTwoDecimals(value: number): boolean {
	return Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;
}

/** A required text field: non-empty after trimming, at most `max` characters. */
export function requiredText(max: number) {
	return z.preprocess(
		numberToString,
		z
			.string({ required_error: 'is required', invalid_type_error: 'must be text' })
			.trim()
			.min(1, 'is required and must not be empty')
			.max(max, `must be at most ${max} characters`),
	);
}

/** An optional text field; null and '' are allowed (Aqua echoes nulls back). */
export function optionalText(max: number) {
	return z.preprocess(
		numberToString,
		z
			.string({ invalid_type_error: 'must be text' })
			.max(max, `must be at most ${max} characters`)
			.nullish(),
	);
}

/** `integer(11)` id held by the receiving system; null or absent until it is known. */
export const optionalIntegerId = z.preprocess(
	(value) => (value === '' ? null : digitsToNumber(value)),
	z
		.number({ invalid_type_error: 'must be a whole number (the id the receiving system gave)' })
		.int('must be a whole number')
		.min(0, 'must not be negative')
		.max(INT_MAX, 'is too large for integer(11)')
		.nullish(),
);

/** A datetime: ISO 8601 (`2019-11-06T11:00:00Z`) or `YYYY-MM-DD HH:mm:ss`, a real date. */
const requiredDatetime = z
	.string({ required_error: 'is required', invalid_type_error: 'must be a date and time' })
	.trim()
	.regex(DATETIME, 'must be a date and time like 2019-11-06T11:00:00Z')
	.refine((value) => !Number.isNaN(timeOf(value)), 'is not a real date');
const optionalDatetime = requiredDatetime.nullish();

/** A non-negative amount (`float` in the seed). */
const requiredAmount = z.preprocess(
	decimalStringToNumber,
	z
		.number({ required_error: 'is required', invalid_type_error: 'must be a number' })
		.finite('must be a number')
		.min(0, 'must not be negative'),
);
const optionalAmount = z.preprocess(
	decimalStringToNumber,
	z.number({ invalid_type_error: 'must be a number' }).finite('must be a number').min(0, 'must not be negative').nullish(),
);

/** `decimal(10,2)`: non-negative, at most two decimal places, below 100,000,000. */
const decimal10x2 = z.preprocess(
	decimalStringToNumber,
	z
		.number({ required_error: 'is required', invalid_type_error: 'must be a number' })
		.finite('must be a number')
		.min(0, 'must not be negative')
		.max(DECIMAL_10_2_MAX, 'is too large for decimal(10,2)')
		.refine(hasAtMostTwoDecimals, 'must have at most 2 decimal places (decimal(10,2))'),
);

/** `integer(11)` quantity, at least 1. */
const quantity = z.preprocess(
	digitsToNumber,
	z
		.number({ required_error: 'is required', invalid_type_error: 'must be a whole number' })
		.int('must be a whole number')
		.min(1, 'must be at least 1')
		.max(INT_MAX, 'is too large for integer(11)'),
);

/** Phone as the receivers take it: at most 12 characters, digits with an optional leading +. */
const phone = z.preprocess(
	numberToString,
	z
		.string({ required_error: 'is required', invalid_type_error: 'must be text' })
		.trim()
		.min(1, 'is required and must not be empty')
		.max(12, 'must be at most 12 characters (e.g. +79191991919 or 380671234567)')
		.regex(PHONE, 'must be digits with an optional leading +, e.g. +79191991919'),
);

export const exchangeShippingAddressSchema = z.object({
	/** The receiver's id of the client's address, when known. */
	user_address_id: optionalIntegerId,
	city: requiredText(255),
	street: requiredText(255),
	house: requiredText(10),
	entrance: optionalText(10),
	floor: optionalText(10),
	room: optionalText(10),
	/** The whole address as one line. */
	str: requiredText(255),
});

/**
 * The client. A client the receiver already knows is named by `id` (the sender's client id)
 * and/or `external_id` (the receiver's); an unregistered client must bring `username` and `phone`.
 * `receiver` ("Aqua", "1C") names the system in the messages.
 */
export function exchangeClientSchema(receiver: string) {
	const unknownClient = unknownClientMessage(receiver);
	return z
		.object({
			id: optionalText(255),
			external_id: optionalIntegerId,
			username: optionalText(255),
			phone: phone.nullish(),
			emai: optionalText(255),
		})
		.passthrough()
		.superRefine((client, ctx) => {
			if (isRegisteredClient(client)) return;
			if (!client.username || !client.username.trim()) {
				ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['username'], message: unknownClient });
			}
			if (!client.phone) {
				ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['phone'], message: unknownClient });
			}
		});
}

/** What an unregistered client's username and phone are missing with. */
export function unknownClientMessage(receiver: string): string {
	return `is required for a client ${receiver} does not know yet (no client id or external_id)`;
}

/** A client the receiver knows: named by the sender's client id or the receiver's. */
export function isRegisteredClient(client: { id?: string | null; external_id?: unknown }): boolean {
	return Boolean(client.id) || (client.external_id !== undefined && client.external_id !== null);
}

/** The first fields of an order line, which both receivers read alike; each adds its line ids. */
export const exchangeOrderItemFields = {
	/** The product's id in the sending system (Aqua drops a line whose product it does not know). */
	product_id: requiredText(255),
	price: decimal10x2,
	quantity,
};

/**
 * An order of the exchange: the shared fields around what the receiver defines itself, its
 * order line, how it takes its own order id (`external_id`) and any fields only it knows
 * (placed before `count_of_returned_bottles`, where the seeds list them).
 */
export function exchangeOrderSchema<Item extends z.ZodTypeAny, ExternalId extends z.ZodTypeAny, Extra extends z.ZodRawShape>(
	parts: { receiver: string; item: Item; externalId: ExternalId; extra: Extra },
) {
	return z
		.object({
			/** The order's id in the sending system (site, app); the key of its result in the answer. */
			id: requiredText(255),
			/** The receiver's id of the order, saved from an earlier exchange; prevents duplicates. */
			external_id: parts.externalId,
			status: z.enum(EXCHANGE_ORDER_STATUSES, {
				errorMap: () => ({ message: `must be one of ${EXCHANGE_ORDER_STATUSES.join(', ')}` }),
			}),
			created_at: optionalDatetime,
			/** Order total, delivery included. */
			total: requiredAmount,
			delivery_cost: optionalAmount,
			/** Loyalty points paying for the order; Aqua rejects the order when the client has fewer. */
			coins: optionalAmount,
			/** 1C matches it to a 1C payment type by the mapping set up in 1C. */
			payment_type: optionalText(255),
			shipping_date_from: requiredDatetime,
			shipping_date_to: requiredDatetime,
			comment: z.string({ invalid_type_error: 'must be text' }).nullish(),
			...parts.extra,
			count_of_returned_bottles: z.preprocess(
				digitsToNumber,
				z.number({ invalid_type_error: 'must be a whole number' }).int('must be a whole number').min(0, 'must not be negative').nullish(),
			),
			order_item_list: z
				.array(parts.item, {
					required_error: 'is required',
					invalid_type_error: 'must be a list of order lines',
				})
				.min(1, 'must contain at least one line'),
			client: exchangeClientSchema(parts.receiver),
			shipping_address: exchangeShippingAddressSchema,
		})
		// TypeScript cannot resolve the fields' types while Item, ExternalId and Extra are open.
		.superRefine((order, ctx) => deliveryWindowInOrder(order as DeliveryWindow, ctx));
}

interface DeliveryWindow {
	shipping_date_from: string;
	shipping_date_to: string;
}

function deliveryWindowInOrder(order: DeliveryWindow, ctx: z.RefinementCtx) {
	const from = timeOf(order.shipping_date_from);
	const to = timeOf(order.shipping_date_to);
	if (!Number.isNaN(from) && !Number.isNaN(to) && to < from) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['shipping_date_to'],
			message: 'must not be before shipping_date_from',
		});
	}
}

/** The answer for one order: `data` is a list with the imported order, or the errors. */
const exchangeOrderResultSchema = z
	.object({
		success: z.boolean(),
		data: z.unknown(),
	})
	.passthrough();

/**
 * The answer of an exchange: results keyed by the sender's order id. PHP writes an empty map
 * as `[]`, so `data` may be an empty array too; on a failed call `data`/`message` carry errors.
 */
export const exchangeImportResponseSchema = z
	.object({
		success: z.boolean(),
		message: z.string().nullish(),
		data: z.union([z.record(z.string(), exchangeOrderResultSchema), z.array(z.unknown()).max(0)]).nullish(),
	})
	.passthrough();
export type ExchangeImportResponse = z.infer<typeof exchangeImportResponseSchema>;
