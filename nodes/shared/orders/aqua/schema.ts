import { z } from 'zod';

import {
	exchangeImportResponseSchema,
	exchangeOrderItemFields,
	exchangeOrderSchema,
	optionalIntegerId,
	optionalText,
} from '../exchangeSchema';

/**
 * Aqua-delivery's order import, `POST /v1/order/import/` (seed 000): the body is an array of
 * these orders, the answer is the exchange envelope. Field names keep the vendor's spelling
 * (`emai`). The rules shared with 1C are in ../exchangeSchema.ts.
 */

export const AQUA_CHECKOUT_REQUESTS = ['bill', 'agreement'] as const;

export const aquaOrderItemSchema = z.object({
	...exchangeOrderItemFields,
	/** Aqua's id of the line, needed when one product appears twice (e.g. in a set and alone). */
	order_product_id: optionalIntegerId,
	/** The line's id in the sending system. */
	id: optionalText(255),
	/** The line's id in Aqua as the sender stored it (seed example). */
	external_id: optionalIntegerId,
	name: optionalText(255),
});
export type AquaOrderItem = z.infer<typeof aquaOrderItemSchema>;

export const aquaOrderSchema = exchangeOrderSchema({
	receiver: 'Aqua',
	item: aquaOrderItemSchema,
	/** Aqua's id of the order is an `integer(11)`. */
	externalId: optionalIntegerId,
	extra: {
		ask_for_checkout: z
			.enum(AQUA_CHECKOUT_REQUESTS, {
				errorMap: () => ({ message: `must be one of ${AQUA_CHECKOUT_REQUESTS.join(', ')} (or empty)` }),
			})
			.nullish(),
	},
});

/** An order as it goes on the wire (after the schema's coercions). */
export type AquaOrder = z.infer<typeof aquaOrderSchema>;
/** What the schema accepts (before coercions). */
export type AquaOrderInput = z.input<typeof aquaOrderSchema>;

export const aquaImportResponseSchema = exchangeImportResponseSchema;
