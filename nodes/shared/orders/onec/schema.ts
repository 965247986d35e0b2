import { z } from 'zod';

import { exchangeOrderItemFields, exchangeOrderSchema, optionalText } from '../exchangeSchema';

/**
 * The order exchange into a 1C:Enterprise HTTP service,
 * `POST <server>/<publication>/hs/AquaDeliveri/getOrdersURL` (seed 001): the same order array as
 * Aqua's import (../exchangeSchema.ts), without `ask_for_checkout`; an item's `id` is the line's
 * id in 1C (1C finds the product by it and adds an empty line when it does not). Same envelope
 * as Aqua's answer.
 */

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
	...exchangeOrderItemFields,
	/** The line's id in 1C. */
	id: optionalText(255),
	name: optionalText(255),
});
export type OneCOrderItem = z.infer<typeof oneCOrderItemSchema>;

export const oneCOrderSchema = exchangeOrderSchema({ receiver: '1C', item: oneCOrderItemSchema, externalId: oneCId, extra: {} });

/** An order as it goes to 1C (after the schema's coercions). */
export type OneCOrder = z.infer<typeof oneCOrderSchema>;
/** What the schema accepts (before coercions). */
export type OneCOrderInput = z.input<typeof oneCOrderSchema>;
