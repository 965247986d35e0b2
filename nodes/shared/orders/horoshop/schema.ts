import { z } from 'zod';

/**
 * Horoshop's wire format, as `orders/get` returns it (seed 002) and as `orders/update` takes it.
 *
 * Tolerant on purpose: Horoshop is PHP, so numbers sometimes arrive as strings ("7", "1001.50"),
 * empty objects arrive as `[]`, and shops on newer versions add fields. Numbers are read as
 * numbers, identifiers that are really text (Nova Poshta numbers, refs) as strings, and every
 * object keeps the fields it was not told about (`.passthrough()`).
 */

/** "12", "12.5", "12,5" -> number; anything else is left for zod to reject with a clear message. */
export function toNumber(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const trimmed = value.trim().replace(',', '.');
	return trimmed !== '' && /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : value;
}

/** PHP's empty object (`[]`) and an empty string, as null. */
export function emptyToNull(value: unknown): unknown {
	if (value === '' || (Array.isArray(value) && value.length === 0)) return null;
	return value;
}

/** A number that may come as a string. */
export const wireNumber = z.preprocess(toNumber, z.number());
/** A number that may be missing, null, empty or a string. */
const optionalNumber = z.preprocess((value) => toNumber(emptyToNull(value)), z.number().nullable()).optional();
/** An identifier: kept as text whether the shop sends 12345678912345 or "12345678912345". */
const identifier = z.union([z.string(), z.number()]).transform(String);
const optionalIdentifier = z.preprocess(emptyToNull, identifier.nullable()).optional();
const optionalText = z.string().nullable().optional();
/** 0/1 flag that may come as a boolean or a string. */
const flag = z
	.preprocess((value) => {
		if (value === true || value === 'true') return 1;
		if (value === false || value === 'false' || value === '' || value === null) return 0;
		return toNumber(value);
	}, z.union([z.literal(0), z.literal(1)]))
	.optional();
const optionalBoolean = z
	.preprocess((value) => {
		if (value === 1 || value === '1' || value === 'true') return true;
		if (value === 0 || value === '0' || value === 'false' || value === '') return false;
		return value;
	}, z.boolean().nullable())
	.optional();

/** An object block that PHP sends as `[]` when it is empty; read as null then. */
function block<T extends z.ZodTypeAny>(schema: T) {
	return z.preprocess(emptyToNull, schema.nullable()).optional();
}

const idTitle = z
	.object({
		id: optionalNumber,
		title: optionalText,
	})
	.passthrough();

/** Set and gift links (v4.7.0+): a child's `parent_storage_id` is its parent's `storage_id`. */
export const HOROSHOP_PRODUCT_TYPES = ['gift_parent', 'gift', 'set_main', 'set_item'] as const;

export const horoshopProductSchema = z
	.object({
		title: optionalText,
		article: identifier,
		price: wireNumber,
		quantity: wireNumber,
		total_price: optionalNumber,
		/** PRICE_OLD, PAGE_DISCOUNT, DISCOUNT_CARD, DISCOUNT_NONE, NONE, PRODUCTS_SET, ... */
		discount_marker: optionalText,
		/** One of HOROSHOP_PRODUCT_TYPES, or absent/empty for a plain line (and on shops before v4.7.0). */
		type: optionalText,
		storage_id: optionalNumber,
		parent_storage_id: optionalNumber,
	})
	.passthrough();
export type HoroshopProduct = z.infer<typeof horoshopProductSchema>;

/** Nova Poshta data of the older `additional_data` block (only with `additionalData: true`). */
export const horoshopAdditionalDataSchema = z
	.object({
		np_ref: optionalIdentifier,
		np_number: optionalIdentifier,
		sender_warehouse_ref: optionalIdentifier,
		recipient_warehouse_ref: optionalIdentifier,
		recipient_address: block(
			z
				.object({
					street_id: optionalIdentifier,
					street_name: optionalText,
					building_number: optionalIdentifier,
					flat: optionalIdentifier,
				})
				.passthrough(),
		),
	})
	.passthrough();
export type HoroshopAdditionalData = z.infer<typeof horoshopAdditionalDataSchema>;

const place = z.object({ id: optionalIdentifier, name: optionalText }).passthrough();

const deliveryAddressSchema = z
	.object({
		/** `warehouse` (branch) or `doors` (courier to the address). */
		type: optionalText,
		geoObject: block(place),
		warehouse: block(place),
		street: block(place),
		buildingNumber: optionalIdentifier,
		flatNumber: optionalIdentifier,
	})
	.passthrough();

/** The newer delivery block (Nova Poshta and Ukrposhta). The doc spells the waybill id `tnID`, its example `tnId`. */
export const horoshopDeliveryDataSchema = z
	.object({
		/** `nova_poshta` or `ukrposhta`. */
		deliveryOperatorType: optionalText,
		tnId: optionalIdentifier,
		tnID: optionalIdentifier,
		tnNumber: optionalIdentifier,
		tnStatusName: optionalText,
		tnTrackingUpdateDate: optionalText,
		estimatedDeliveryDate: optionalText,
		departure: block(
			z
				.object({
					sender: block(
						z
							.object({
								id: optionalIdentifier,
								title: optionalText,
								contactPerson: block(
									z.object({ id: optionalIdentifier, name: optionalText, phone: optionalIdentifier }).passthrough(),
								),
								/** COMPANY, PRIVATE_ENTREPRENEUR or INDIVIDUAL (Ukrposhta only). */
								type: optionalText,
								phone: optionalIdentifier,
							})
							.passthrough(),
					),
					address: block(deliveryAddressSchema),
				})
				.passthrough(),
		),
		destination: block(
			z
				.object({
					recipient: block(
						z
							.object({
								name: optionalText,
								surname: optionalText,
								patronymic: optionalText,
								phone: optionalIdentifier,
							})
							.passthrough(),
					),
					address: block(deliveryAddressSchema),
				})
				.passthrough(),
		),
		payment: block(z.object({ type: optionalText, payer: optionalText }).passthrough()),
		redelivery: block(z.object({ cost: optionalNumber, payer: optionalText }).passthrough()),
	})
	.passthrough();
export type HoroshopDeliveryData = z.infer<typeof horoshopDeliveryDataSchema>;

export const horoshopAnalyticsSchema = z
	.object({
		utm_source: optionalText,
		utm_medium: optionalText,
		utm_campaign: optionalText,
		utm_term: optionalText,
		utm_content: optionalText,
		google_client_id: optionalText,
	})
	.passthrough();
export type HoroshopAnalytics = z.infer<typeof horoshopAnalyticsSchema>;

/** b2b shops: the customer's group and the price level assigned to it. */
export const horoshopCustomerDetailsSchema = z
	.object({
		group: block(idTitle),
		price_level: block(idTitle),
	})
	.passthrough();
export type HoroshopCustomerDetails = z.infer<typeof horoshopCustomerDetailsSchema>;

/** Order statuses every shop has; shops may add their own (see `orders/get_available_statuses`). */
export const HOROSHOP_DEFAULT_STATUSES = [
	{ id: 1, title: 'New' },
	{ id: 2, title: 'Processing' },
	{ id: 3, title: 'Delivered' },
	{ id: 4, title: 'Not Delivered' },
	{ id: 6, title: 'Delivering' },
] as const;

export const horoshopOrderSchema = z
	.object({
		order_id: wireNumber,
		/** The customer's user id; 0 or null for guests. */
		user: optionalNumber,
		delivery_name: optionalText,
		delivery_email: optionalText,
		delivery_phone: optionalText,
		delivery_city: optionalText,
		/** One line; for Ukrposhta its parts are joined with `@`. */
		delivery_address: optionalText,
		delivery_country: optionalText,
		delivery_type: block(idTitle),
		/** -1: the carrier charges its own tariff. */
		delivery_price: optionalNumber,
		comment: optionalText,
		payment_type: block(idTitle),
		payment_price: optionalNumber,
		/** Paid: 1 yes, 0 no. The Ukrainian page spells it `paided`. */
		payed: flag,
		paided: flag,
		total_default: optionalNumber,
		total_sum: optionalNumber,
		total_quantity: optionalNumber,
		discount_percent: optionalNumber,
		discount_value: optionalNumber,
		coupon_code: optionalText,
		coupon_percent: optionalNumber,
		coupon_discount_value: optionalNumber,
		/** 0 none, 1 gift certificate, 2 reusable discount coupon. */
		coupon_type: optionalNumber,
		stat_status: optionalNumber,
		/** Shop-local wall-clock time (Europe/Kyiv for Ukrainian shops), "2021-04-09 12:09:01". */
		stat_created: optionalText,
		currency: optionalText,
		order_without_callback: optionalBoolean,
		manager_id: optionalNumber,
		manager_comment: optionalText,
		manager_discount: optionalNumber,
		manager_discount_title: optionalText,
		products: z.preprocess((value) => (value === null || value === undefined ? [] : value), z.array(horoshopProductSchema)),
		additional_data: block(horoshopAdditionalDataSchema),
		delivery_data: block(horoshopDeliveryDataSchema),
		analytics: block(horoshopAnalyticsSchema),
		customer_details: block(horoshopCustomerDetailsSchema),
	})
	.passthrough();
export type HoroshopOrder = z.infer<typeof horoshopOrderSchema>;
/** What the shop sends before tolerance is applied (numbers may be strings, blocks may be `[]`). */
export type HoroshopOrderInput = z.input<typeof horoshopOrderSchema>;

/**
 * Every Horoshop answer: `{status, response}`. Documented: OK, ERROR, EMPTY, WARNING; seen in
 * public clients: EXCEPTION, HTTP_ERROR, UNDEFINED_FUNCTION, UNAUTHORIZED, AUTHORIZATION_ERROR.
 */
export const horoshopEnvelopeSchema = z
	.object({
		status: z.string(),
		response: z.unknown().optional(),
	})
	.passthrough();
export type HoroshopEnvelope = z.infer<typeof horoshopEnvelopeSchema>;

/** `response` of an OK `orders/get` answer. Orders stay unknown here so one odd order cannot sink its page. */
export const horoshopOrdersPageSchema = z
	.object({
		orders: z.array(z.unknown()),
	})
	.passthrough();

export const horoshopAuthResponseSchema = z.object({ token: z.string().min(1) }).passthrough();

/** `orders/get_available_statuses` (v4.0+): `statuses` keyed by id (or a list); titles per language or plain. */
export const horoshopAvailableStatusSchema = z
	.object({
		id: wireNumber,
		title: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
		is_successful: optionalBoolean,
	})
	.passthrough();
export const horoshopAvailableStatusesSchema = z
	.object({
		statuses: z.union([z.array(horoshopAvailableStatusSchema), z.record(z.string(), horoshopAvailableStatusSchema)]),
	})
	.passthrough();
export type HoroshopAvailableStatus = z.infer<typeof horoshopAvailableStatusSchema>;

/** One entry of `response.log` in an `orders/update` answer (WARNING when some orders failed). */
export const horoshopUpdateLogEntrySchema = z
	.object({
		order_id: optionalNumber,
		status: z.string().optional(),
		message: z.unknown().optional(),
	})
	.passthrough();
export type HoroshopUpdateLogEntry = z.infer<typeof horoshopUpdateLogEntrySchema>;
