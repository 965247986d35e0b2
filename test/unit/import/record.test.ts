import { createHash } from 'node:crypto';

import { fingerprintOf } from '../../../nodes/shared/import/record';

/** How releases up to 5a10951 fingerprinted an order: records kept by them must still match. */
function earlierFingerprint(wire: Record<string, unknown>): string {
	const order = { ...wire };
	delete order.external_id;
	return createHash('sha1').update(JSON.stringify(order)).digest('base64').slice(0, 16);
}

const { id, ...rest } = {
	id: 'HS-1001',
	status: 'new',
	total: 355,
	order_item_list: [{ product_id: 'aqua-7', price: 177.5, quantity: 2 }],
	client: { username: 'Олена Коваль', phone: '+380671234567' },
};
const order = { id, ...rest };
/** The same order as an update: the receiver's id right after the sender's, where the check puts it. */
const update = { id, external_id: 4711, ...rest };

describe('fingerprintOf (the remembered order a later run compares with)', () => {
	it('is the fingerprint an earlier release remembered for the same order', () => {
		expect(fingerprintOf(order)).toBe(earlierFingerprint(order));
		expect(fingerprintOf(update)).toBe(earlierFingerprint(update));
	});

	it('leaves out the receiver id, so an update of an unchanged order matches the order sent as new', () => {
		expect(fingerprintOf(update)).toBe(fingerprintOf(order));
		expect(fingerprintOf({ ...order, external_id: null })).toBe(fingerprintOf(order));
	});

	it('changes when anything sent changes', () => {
		expect(fingerprintOf({ ...order, total: 356 })).not.toBe(fingerprintOf(order));
		const line = { ...order.order_item_list[0], quantity: 3 };
		expect(fingerprintOf({ ...order, order_item_list: [line] })).not.toBe(fingerprintOf(order));
	});

	it('leaves the order untouched', () => {
		fingerprintOf(update);
		expect(update.external_id).toBe(4711);
	});
});
