import type { CanonicalOrder } from '../canonical';
import type { WriteContext } from '../exchange';
import { readExchange, writeExchange } from '../exchange';
import type { Problems } from '../problems';
import type { ReadContext } from '../read';
import { checkAquaOrder } from './check';
import type { AquaOrder } from './schema';

/**
 * An order in Aqua-delivery's import format as a canonical order: `id` is the sender's id,
 * `external_id` Aqua's (kept as `ids.aqua`). Naive times are read in `context.timezone`.
 */
export function toCanonical(wire: unknown, context: ReadContext, problems: Problems): CanonicalOrder | undefined {
	const parsed = checkAquaOrder(wire, problems);
	return parsed && readExchange(parsed, 'aqua', context, problems);
}

/** A canonical order as an Aqua import order (`POST /v1/order/import/`), checked against Aqua's schema. */
export function fromCanonical(order: CanonicalOrder, context: WriteContext, problems: Problems): AquaOrder | undefined {
	const wire = writeExchange(order, 'aqua', context, problems);
	if (!wire) return undefined;
	return checkAquaOrder(wire, problems);
}
