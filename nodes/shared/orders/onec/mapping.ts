import type { CanonicalOrder } from '../canonical';
import type { WriteContext } from '../exchange';
import { readExchange, writeExchange } from '../exchange';
import type { Problems } from '../problems';
import type { ReadContext } from '../read';
import { checkOneCOrder } from './check';
import type { OneCOrder } from './schema';

/**
 * An order in the 1C exchange format (seed 001) as a canonical order: `id` is the sender's id,
 * `external_id` 1C's (kept as `ids.onec`). Naive times are read in `context.timezone`.
 */
export function toCanonical(wire: unknown, context: ReadContext, problems: Problems): CanonicalOrder | undefined {
	const parsed = checkOneCOrder(wire, problems);
	return parsed && readExchange(parsed, 'onec', context, problems);
}

/** A canonical order as an order for the 1C HTTP service, checked against its schema. */
export function fromCanonical(order: CanonicalOrder, context: WriteContext, problems: Problems): OneCOrder | undefined {
	const wire = writeExchange(order, 'onec', context, problems);
	if (!wire) return undefined;
	return checkOneCOrder(wire, problems);
}
