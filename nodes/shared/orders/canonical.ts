import { z } from 'zod';

import { instantOf } from './zoneClock';

/**
 * The canonical order: the hub every wire format converts to and from.
 *
 * - Money is integer kopecks (minor units), never floats, so sums stay exact.
 * - Times are ISO 8601 with the offset of `timezone`, the zone the source wrote them in.
 * - Phones are international (+380..., +7...).
 * - `id` is the order's id in the system it came from; `ids` holds ids other systems gave it.
 */

export const SYSTEMS = ['horoshop', 'saleapp', 'aqua', 'onec'] as const;
export type System = (typeof SYSTEMS)[number];

/** Where an order is in its life, whatever the system calls it. */
export const ORDER_STATES = ['new', 'processing', 'delivering', 'completed', 'cancelled'] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const LINE_KINDS = ['plain', 'set', 'setItem', 'gift'] as const;
export type LineKind = (typeof LINE_KINDS)[number];

export const DELIVERY_METHODS = ['courier', 'pickup', 'carrierBranch', 'carrierAddress'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

const kopecks = z.number().int();
const text = z.string();
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const isoTime = z
	.string()
	.regex(ISO_TIME, 'must be ISO 8601 with an offset')
	.refine((value) => !ISO_TIME.test(value) || !Number.isNaN(instantOf(value)), 'is not a real date and time');
const phone = z.string().regex(/^\+[1-9]\d{7,14}$/, 'must be an international phone like +380671234567');

export const productKeysSchema = z.object({
	/** The product's id in the source system (Aqua/1C `product_id`, SaleApp `id`). */
	id: text.optional(),
	/** Horoshop `article`. */
	article: text.optional(),
	/** SaleApp `sku`. */
	sku: text.optional(),
	/** SaleApp `external_id`. */
	externalId: text.optional(),
	/** SaleApp supplier codes. */
	supplierCodes: z.array(text).optional(),
});
export type ProductKeys = z.infer<typeof productKeysSchema>;
export type ProductKey = 'id' | 'article' | 'sku' | 'externalId';

export const orderLineSchema = z.object({
	/** The line's id in the source (Horoshop `storage_id`, Aqua/1C line `id`). */
	lineId: text.optional(),
	/** Aqua's own id of the line (`order_product_id`), needed when one product appears twice. */
	aquaLineId: z.number().int().optional(),
	/** For set items and gifts: `lineId` of the set or of the product the gift came with. */
	parentLineId: text.optional(),
	kind: z.enum(LINE_KINDS),
	product: productKeysSchema,
	/** The target system's product id, set by the product map. */
	targetProductId: text.optional(),
	name: text.optional(),
	quantity: z.number().positive().finite(),
	unitPrice: kopecks.nonnegative(),
	discountPercent: z.number().min(0).max(100).optional(),
});
export type OrderLine = z.infer<typeof orderLineSchema>;

export const addressSchema = z.object({
	country: text.optional(),
	city: text.optional(),
	street: text.optional(),
	house: text.optional(),
	entrance: text.optional(),
	floor: text.optional(),
	flat: text.optional(),
	/** The whole address on one line, as the customer or the shop wrote it. */
	line: text.optional(),
	/** Carrier references (Nova Poshta city / branch / street refs). */
	carrier: z
		.object({
			operator: text.optional(),
			cityRef: text.optional(),
			branchRef: text.optional(),
			branchName: text.optional(),
			streetRef: text.optional(),
		})
		.optional(),
	/** The receiving system's id of this address (Aqua `user_address_id`). */
	addressId: z.number().int().optional(),
});
export type Address = z.infer<typeof addressSchema>;

export const canonicalOrderSchema = z.object({
	/** The format the order was read from. */
	source: z.enum([...SYSTEMS, 'canonical']),
	id: text.min(1),
	ids: z
		.object({
			horoshop: text.optional(),
			saleapp: text.optional(),
			saleappNumber: text.optional(),
			aqua: text.optional(),
			onec: text.optional(),
			/** The id SaleApp was given by whoever created the order there (its `external_id`). */
			external: text.optional(),
		})
		.default({}),
	status: z.object({ state: z.enum(ORDER_STATES).optional(), code: text.optional(), title: text.optional() }).optional(),
	/** IANA zone the source's times are in. */
	timezone: text,
	createdAt: isoTime.optional(),
	updatedAt: isoTime.optional(),
	customer: z.object({
		id: text.optional(),
		/** The receiving system's id of the customer (Aqua/1C `client.external_id`). */
		externalId: text.optional(),
		name: text.optional(),
		phones: z.array(phone),
		email: text.optional(),
		accountNumber: text.optional(),
		type: text.optional(),
	}),
	address: addressSchema,
	delivery: z.object({
		method: z.enum(DELIVERY_METHODS).optional(),
		typeId: text.optional(),
		title: text.optional(),
		/** Delivery cost; absent when the carrier charges its own tariff (Horoshop -1) or unknown. */
		cost: kopecks.nonnegative().optional(),
		carrierTariff: z.boolean().optional(),
		window: z.object({ from: isoTime, to: isoTime }).optional(),
		trackingNumber: text.optional(),
		trackingRef: text.optional(),
	}),
	lines: z.array(orderLineSchema),
	money: z.object({
		currency: text.optional(),
		/** Order-level discounts (coupons, manager discounts) not already in the line prices. */
		discount: kopecks.nonnegative().optional(),
		/** The total the source states, delivery included; checked against the lines, never rewritten. */
		total: kopecks.optional(),
		/** Loyalty points spent on the order (Aqua/1C `coins`). */
		coins: kopecks.nonnegative().optional(),
		/** Cash to collect on delivery (SaleApp `delivery_amount`). */
		cashOnDelivery: kopecks.nonnegative().optional(),
		/** Declared value for the carrier (SaleApp `insurance_amount`). */
		insurance: kopecks.nonnegative().optional(),
		paymentFee: kopecks.optional(),
	}),
	payment: z.object({ code: text.optional(), title: text.optional(), paid: z.boolean().optional() }),
	comment: text.optional(),
	managerComment: text.optional(),
	tags: z.array(z.object({ id: text, name: text.optional() })).optional(),
	returnedBottles: z.number().int().nonnegative().optional(),
	askForCheckout: z.enum(['bill', 'agreement']).optional(),
});
export type CanonicalOrder = z.infer<typeof canonicalOrderSchema>;

/**
 * Lines that carry money of their own: items of a set that is in the order are priced through it.
 * An order without sets gets its own list back (most orders), so the result is not to be changed.
 */
export function countedLines(order: { readonly lines: readonly OrderLine[] }): readonly OrderLine[] {
	if (!order.lines.some((line) => line.kind === 'set')) return order.lines;
	const sets = new Set(order.lines.filter((line) => line.kind === 'set').map((line) => line.lineId));
	return order.lines.filter((line) => !(line.kind === 'setItem' && sets.has(line.parentLineId)));
}
