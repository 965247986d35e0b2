import { z } from 'zod';

import {
	AQUA_ORDER_STATUSES,
	optionalAmount,
	aquaClientSchema,
	aquaShippingAddressSchema,
	optionalDatetime,
	requiredAmount,
	requiredDatetime,
	decimal10x2,
	optionalText,
	quantity,
	requiredText,
} from '../aqua/schema';

/**
 * The order exchange into a 1C:Enterprise HTTP service,
 * `POST <server>/<publication>/hs/AquaDeliveri/getOrdersURL` (seed 001): the same order array as
 * Aqua's import, without `ask_for_checkout`; an item's `id` is the line's id in 1C (1C finds the
 * product by it and adds an empty line when it does not). Same envelope as Aqua's answer.
 */

export const ONEC_ORDER_STATUSES = AQUA_ORDER_STATUSES;
export type OneCOrderStatus = (typeof ONEC_ORDER_STATUSES)[number];

/**
 * 1C's id of the order. The seed says integer(11), but 1C references are often GUIDs or
 * document numbers, so text is accepted as well.
 */
const oneCId = z.preprocess(
	(value) => (value === '' ? null : value),
	z
		.union([
			z.number().int('must be a whole number').min(0, 'must not be negative'),
			z.string().trim().max(255, 'must be at most 255 characters'),
		], { errorMap: () => ({ message: 'must be the id 1C gave the order (a number or text)' }) })
		.nullish(),
);

export const oneCOrderItemSchema = z.object({
	/** The product's id in the sending system. */
	product_id: requiredText(255),
	price: decimal10x2,
	quantity,
	/** The line's id in 1C. */
	id: optionalText(255),
	name: optionalText(255),
});
export type OneCOrderItem = z.infer<typeof oneCOrderItemSchema>;

export const oneCClientSchema = aquaClientSchema;
export type OneCClient = z.infer<typeof oneCClientSchema>;

export const oneCShippingAddressSchema = aquaShippingAddressSchema;
export type OneCShippingAddress = z.infer<typeof oneCShippingAddressSchema>;

export const oneCOrderSchema = z
	.object({
		/** The order's id in the sending system (site, app); the key of its result in the answer. */
		id: requiredText(255),
		/** 1C's id of the order, saved from an earlier exchange; prevents duplicates. */
		external_id: oneCId,
		status: z.enum(ONEC_ORDER_STATUSES, {
			errorMap: () => ({ message: `must be one of ${ONEC_ORDER_STATUSES.join(', ')}` }),
		}),
		created_at: optionalDatetime,
		total: requiredAmount,
		delivery_cost: optionalAmount,
		coins: optionalAmount,
		/** Matched to a 1C payment type by the mapping set up in 1C. */
		payment_type: optionalText(255),
		shipping_date_from: requiredDatetime,
		shipping_date_to: requiredDatetime,
		comment: z.string({ invalid_type_error: 'must be text' }).nullish(),
		count_of_returned_bottles: z.preprocess(
			(value) => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
			z.number({ invalid_type_error: 'must be a whole number' }).int('must be a whole number').min(0, 'must not be negative').nullish(),
		),
		order_item_list: z
			.array(oneCOrderItemSchema, {
				required_error: 'is required',
				invalid_type_error: 'must be a list of order lines',
			})
			.min(1, 'must contain at least one line'),
		client: oneCClientSchema,
		shipping_address: oneCShippingAddressSchema,
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

/** An order as it goes to 1C (after the schema's coercions). */
export type OneCOrder = z.infer<typeof oneCOrderSchema>;
/** What the schema accepts (before coercions). */
export type OneCOrderInput = z.input<typeof oneCOrderSchema>;

export const oneCOrderResultSchema = z
	.object({
		success: z.boolean(),
		data: z.unknown(),
	})
	.passthrough();
export type OneCOrderResult = z.infer<typeof oneCOrderResultSchema>;

/** The service's answer: results keyed by the sender's order id (the same envelope as Aqua's). */
export const oneCImportResponseSchema = z
	.object({
		success: z.boolean(),
		message: z.string().nullish(),
		data: z.union([z.record(z.string(), oneCOrderResultSchema), z.array(z.unknown()).max(0)]).nullish(),
	})
	.passthrough();
export type OneCImportResponse = z.infer<typeof oneCImportResponseSchema>;
