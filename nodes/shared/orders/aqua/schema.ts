import { z } from 'zod';

/**
 * Aqua-delivery's order import, `POST /v1/order/import/` (seed 000): the body is an array of
 * these orders, the answer is the envelope below. Field names keep the vendor's spelling (`emai`).
 *
 * Lenient on input only where the wire is ambiguous and the meaning is clear: ids given as
 * numbers become strings, Aqua's own ids given as digit strings (Aqua answers `"id": "50894"`)
 * become numbers, amounts given as decimal strings ("355.00") become numbers.
 * Unknown fields are dropped, except on `client`, whose registered form Aqua documents elsewhere.
 */

export const AQUA_ORDER_STATUSES = ['new', 'approved', 'completed', 'removed'] as const;
export type AquaOrderStatus = (typeof AQUA_ORDER_STATUSES)[number];

export const AQUA_CHECKOUT_REQUESTS = ['bill', 'agreement'] as const;
export type AquaCheckoutRequest = (typeof AQUA_CHECKOUT_REQUESTS)[number];

/** Largest value of a MySQL-style `integer(11)`. */
const INT_MAX = 2147483647;

/** `decimal(10,2)`: at most 8 digits before the point. */
const DECIMAL_10_2_MAX = 99999999.99;

const DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function numberToString(value: unknown): unknown {
	return typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
}

function digitsToNumber(value: unknown): unknown {
	if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
	return value;
}

function decimalStringToNumber(value: unknown): unknown {
	if (typeof value === 'string' && /^\s*-?\d+([.,]\d+)?\s*$/.test(value)) return Number(value.replace(',', '.'));
	return value;
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

const datetimeText = z
	.string({ required_error: 'is required', invalid_type_error: 'must be a date and time' })
	.trim()
	.regex(DATETIME, 'must be a date and time like 2019-11-06T11:00:00Z')
	.refine((value) => !Number.isNaN(Date.parse(value.replace(' ', 'T'))), 'is not a real date');

/** A datetime: ISO 8601 (`2019-11-06T11:00:00Z`) or `YYYY-MM-DD HH:mm:ss`, a real date. */
export const requiredDatetime = datetimeText;
export const optionalDatetime = datetimeText.nullish();

/** A non-negative amount (`float` in the seed). */
export const requiredAmount = z.preprocess(
	decimalStringToNumber,
	z
		.number({ required_error: 'is required', invalid_type_error: 'must be a number' })
		.finite('must be a number')
		.min(0, 'must not be negative'),
);
export const optionalAmount = z.preprocess(
	decimalStringToNumber,
	z.number({ invalid_type_error: 'must be a number' }).finite('must be a number').min(0, 'must not be negative').nullish(),
);

/** `decimal(10,2)`: non-negative, at most two decimal places, below 100,000,000. */
export const decimal10x2 = z.preprocess(
	decimalStringToNumber,
	z
		.number({ required_error: 'is required', invalid_type_error: 'must be a number' })
		.finite('must be a number')
		.min(0, 'must not be negative')
		.max(DECIMAL_10_2_MAX, 'is too large for decimal(10,2)')
		.refine(
			(value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6,
			'must have at most 2 decimal places (decimal(10,2))',
		),
);

/** `integer(11)` quantity, at least 1. */
export const quantity = z.preprocess(
	digitsToNumber,
	z
		.number({ required_error: 'is required', invalid_type_error: 'must be a whole number' })
		.int('must be a whole number')
		.min(1, 'must be at least 1')
		.max(INT_MAX, 'is too large for integer(11)'),
);

/** Phone as Aqua takes it: at most 12 characters, digits with an optional leading +. */
export const aquaPhone = z.preprocess(
	numberToString,
	z
		.string({ required_error: 'is required', invalid_type_error: 'must be text' })
		.trim()
		.min(1, 'is required and must not be empty')
		.max(12, 'must be at most 12 characters (e.g. +79191991919 or 380671234567)')
		.regex(/^\+?\d{10,}$/, 'must be digits with an optional leading +, e.g. +79191991919'),
);

export const aquaShippingAddressSchema = z.object({
	/** Aqua's id of the client's address, when known. */
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
export type AquaShippingAddress = z.infer<typeof aquaShippingAddressSchema>;

/**
 * The client. A client Aqua already knows is named by `id` (the sender's client id) and/or
 * `external_id` (Aqua's); an unregistered client must bring `username` and `phone`.
 */
export const aquaClientSchema = z
	.object({
		id: optionalText(255),
		external_id: optionalIntegerId,
		username: optionalText(255),
		phone: aquaPhone.nullish(),
		emai: optionalText(255),
	})
	.passthrough()
	.superRefine((client, ctx) => {
		const registered = Boolean(client.id) || (client.external_id !== undefined && client.external_id !== null);
		if (registered) return;
		if (!client.username || !client.username.trim()) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['username'],
				message: 'is required for a client Aqua does not know yet (no client id or external_id)',
			});
		}
		if (!client.phone) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['phone'],
				message: 'is required for a client Aqua does not know yet (no client id or external_id)',
			});
		}
	});
export type AquaClient = z.infer<typeof aquaClientSchema>;

export const aquaOrderItemSchema = z.object({
	/** The product's id in the sending system; Aqua drops lines whose product it does not know. */
	product_id: requiredText(255),
	price: decimal10x2,
	quantity,
	/** Aqua's id of the line, needed when one product appears twice (e.g. in a set and alone). */
	order_product_id: optionalIntegerId,
	/** The line's id in the sending system. */
	id: optionalText(255),
	/** The line's id in Aqua as the sender stored it (seed example). */
	external_id: optionalIntegerId,
	name: optionalText(255),
});
export type AquaOrderItem = z.infer<typeof aquaOrderItemSchema>;

export const aquaOrderSchema = z
	.object({
		/** The order's id in the sending system; the key of its result in the answer. */
		id: requiredText(255),
		/** Aqua's id of the order, saved from an earlier import; prevents duplicates. */
		external_id: optionalIntegerId,
		status: z.enum(AQUA_ORDER_STATUSES, {
			errorMap: () => ({ message: `must be one of ${AQUA_ORDER_STATUSES.join(', ')}` }),
		}),
		created_at: optionalDatetime,
		/** Order total, delivery included. */
		total: requiredAmount,
		delivery_cost: optionalAmount,
		/** Loyalty points paying for the order; Aqua rejects the order when the client has fewer. */
		coins: optionalAmount,
		payment_type: optionalText(255),
		shipping_date_from: requiredDatetime,
		shipping_date_to: requiredDatetime,
		comment: z.string({ invalid_type_error: 'must be text' }).nullish(),
		ask_for_checkout: z
			.enum(AQUA_CHECKOUT_REQUESTS, {
				errorMap: () => ({ message: `must be one of ${AQUA_CHECKOUT_REQUESTS.join(', ')} (or empty)` }),
			})
			.nullish(),
		count_of_returned_bottles: z.preprocess(
			digitsToNumber,
			z.number({ invalid_type_error: 'must be a whole number' }).int('must be a whole number').min(0, 'must not be negative').nullish(),
		),
		order_item_list: z
			.array(aquaOrderItemSchema, {
				required_error: 'is required',
				invalid_type_error: 'must be a list of order lines',
			})
			.min(1, 'must contain at least one line'),
		client: aquaClientSchema,
		shipping_address: aquaShippingAddressSchema,
	})
	.superRefine((order, ctx) => {
		const from = Date.parse(order.shipping_date_from.replace(' ', 'T'));
		const to = Date.parse(order.shipping_date_to.replace(' ', 'T'));
		if (!Number.isNaN(from) && !Number.isNaN(to) && to < from) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['shipping_date_to'],
				message: 'must not be before shipping_date_from',
			});
		}
	});

/** An order as it goes on the wire (after the schema's coercions). */
export type AquaOrder = z.infer<typeof aquaOrderSchema>;
/** What the schema accepts (before coercions). */
export type AquaOrderInput = z.input<typeof aquaOrderSchema>;

/** The answer for one order: `data` is a list with the imported order, or the errors. */
export const aquaOrderResultSchema = z
	.object({
		success: z.boolean(),
		data: z.unknown(),
	})
	.passthrough();
export type AquaOrderResult = z.infer<typeof aquaOrderResultSchema>;

/**
 * The answer of an import: results keyed by the sender's order id. PHP writes an empty map
 * as `[]`, so `data` may be an empty array too; on a failed call `data`/`message` carry errors.
 */
export const aquaImportResponseSchema = z
	.object({
		success: z.boolean(),
		message: z.string().nullish(),
		data: z.union([z.record(z.string(), aquaOrderResultSchema), z.array(z.unknown()).max(0)]).nullish(),
	})
	.passthrough();
export type AquaImportResponse = z.infer<typeof aquaImportResponseSchema>;

/** An order as Aqua answers it (only the parts this package reads are typed). */
export const aquaImportedOrderSchema = z
	.object({
		/** Aqua's id of the order: store it as `external_id` for later imports. */
		id: z.union([z.string(), z.number()]),
		/** The sender's id. */
		external_id: z.union([z.string(), z.number()]).nullish(),
		status: z.string().nullish(),
	})
	.passthrough();
export type AquaImportedOrder = z.infer<typeof aquaImportedOrderSchema>;

/** `POST /v1/auth/login` answer. */
export const aquaLoginResponseSchema = z
	.object({
		success: z.boolean(),
		message: z.string().nullish(),
		data: z.object({ auth_key: z.string().min(1) }).passthrough().nullish(),
	})
	.passthrough();
