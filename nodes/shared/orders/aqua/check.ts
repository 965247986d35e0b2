import { ExchangeOrderCheck } from '../exchangeCheck';
import type { Fields } from '../exchangeCheck';
import { unknownClientMessage } from '../exchangeSchema';
import type { Problems } from '../problems';
import type { AquaOrder } from './schema';
import { AQUA_CHECKOUT_REQUESTS } from './schema';

/**
 * `aquaOrderSchema` by hand for the per-order path (see ../exchangeCheck.ts): the order as
 * `parseOrRecord(aquaOrderSchema, value, problems)` gives it, each issue recorded the same way.
 */
export function checkAquaOrder(value: unknown, problems: Problems): AquaOrder | undefined {
	return new AquaOrderCheck(problems, UNKNOWN_CLIENT).order(value) as AquaOrder | undefined;
}

const UNKNOWN_CLIENT = unknownClientMessage('Aqua');
const CHECKOUT_MESSAGE = `must be one of ${AQUA_CHECKOUT_REQUESTS.join(', ')} (or empty)`;

class AquaOrderCheck extends ExchangeOrderCheck {
	/** Aqua's id of the order is an `integer(11)`. */
	protected externalId(value: unknown, key: string): number | null | undefined {
		return this.integerId(value, key);
	}

	protected lineFields(line: Fields, out: Fields): void {
		if ('order_product_id' in line) out.order_product_id = this.integerId(line.order_product_id, 'order_product_id');
		if ('id' in line) out.id = this.optionalText(line.id, 'id', 255);
		if ('external_id' in line) out.external_id = this.integerId(line.external_id, 'external_id');
		if ('name' in line) out.name = this.optionalText(line.name, 'name', 255);
	}

	protected receiverFields(order: Fields, out: Fields): void {
		const checkout = order.ask_for_checkout;
		if (checkout === null || checkout === undefined) {
			if ('ask_for_checkout' in order) out.ask_for_checkout = checkout;
			return;
		}
		out.ask_for_checkout = this.oneOf(checkout, 'ask_for_checkout', AQUA_CHECKOUT_REQUESTS, CHECKOUT_MESSAGE);
	}
}
