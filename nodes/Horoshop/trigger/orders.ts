import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { orderIdOf } from '../paging';
import { readHoroshopOrder } from '../../shared/orders/horoshop/read';
import { Problems, describeOrderProblems } from '../../shared/orders/problems';
import type { Fingerprint, SeenOrder } from './changes';
import { isShopTime } from './changes';

/**
 * One order as the trigger emits it: read through the same wire schema as Horoshop Get Many
 * (numbers sent as strings become numbers, `[]` blocks become null), so both put out the same
 * order. An order the schema cannot read comes out as Get Many's error items do:
 * `{error, details: {order_id, order}}`, since a trigger has no error output to route it to.
 */
export function readOrder(raw: unknown, fallbackCreated: string): SeenOrder<INodeExecutionData> | undefined {
	const id = orderIdOf(raw);
	if (id === undefined) return undefined;
	const problems = new Problems();
	const order = readHoroshopOrder(raw, problems);
	if (!order) {
		const error = describeOrderProblems(id, problems.errors);
		return {
			id,
			fingerprint: fingerprintOfRaw(raw as IDataObject, fallbackCreated),
			item: { json: { error, details: { order_id: id, order: raw as IDataObject } } },
		};
	}
	const paid = order.payed ?? order.paided ?? 0;
	const created = isShopTime(order.stat_created) ? order.stat_created : fallbackCreated;
	return {
		id,
		fingerprint: [order.stat_status ?? null, paid, order.total_sum ?? null, created],
		item: { json: order as IDataObject },
	};
}

function fingerprintOfRaw(raw: IDataObject, fallbackCreated: string): Fingerprint {
	const number = (value: unknown) => {
		const read = Number(value);
		return value === null || value === undefined || value === '' || Number.isNaN(read) ? null : read;
	};
	const paid = Number(raw.payed ?? raw.paided ?? 0) === 1 || raw.payed === true ? 1 : 0;
	const created = isShopTime(raw.stat_created) ? raw.stat_created : fallbackCreated;
	return [number(raw.stat_status), paid, number(raw.total_sum), created];
}

/** Newest first: by placing time, then by number. */
export function newestFirst<T>(orders: Array<SeenOrder<T>>): Array<SeenOrder<T>> {
	return [...orders].sort(
		(a, b) => b.fingerprint[3].localeCompare(a.fingerprint[3]) || Number(b.id) - Number(a.id),
	);
}
