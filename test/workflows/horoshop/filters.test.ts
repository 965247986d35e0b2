import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { orderIds, requestCounts, runHoroshop } from './run';

const getMany = (filters: object, options: object = {}) => ({ operation: 'getAll', returnAll: true, filters, options });
const sentBody = (sandbox: Sandbox) => sandbox.log.forRoute('horoshop.orders.get')[0].body as Record<string, unknown>;
const range = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => from - i);

describe('Horoshop Get Many: filters and output', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => {
		sandbox.reset();
		// Orders 1..40, one a minute from 08:00 Kyiv time on 1 November 2026.
		sandbox.horoshop.addOrders(40);
	});

	it('Created From: sends the picked time as YYYY-MM-DD HH:mm:ss and gets orders from then on', async () => {
		const result = await runHoroshop(sandbox, { parameters: getMany({ from: '2026-11-01T08:30:00' }) });

		expect(sentBody(sandbox)).toMatchObject({ from: '2026-11-01 08:30:00' });
		expect(sentBody(sandbox)).not.toHaveProperty('to');
		expect(orderIds(result)).toEqual(range(40, 31));
	});

	it('Created To: includes the order placed at that very second', async () => {
		const result = await runHoroshop(sandbox, { parameters: getMany({ to: '2026-11-01T08:09:00' }) });

		expect(sentBody(sandbox)).toMatchObject({ to: '2026-11-01 08:09:00' });
		expect(orderIds(result)).toEqual(range(10, 1));
	});

	it("converts a time with an offset (an expression's ISO date) into the workflow's timezone", async () => {
		const result = await runHoroshop(sandbox, { parameters: getMany({ from: '2026-11-01T06:35:00.000Z' }) });

		expect(sentBody(sandbox)).toMatchObject({ from: '2026-11-01 08:35:00' });
		expect(orderIds(result)).toEqual(range(40, 36));
	});

	it("sends the filter in the shop's time, not the workflow's (n8n's default is America/New_York)", async () => {
		// A date picker value: 08:30 on the workflow's clock, which is 15:30 in Kyiv.
		await runHoroshop(sandbox, { parameters: getMany({ from: '2026-11-20T08:30:00', to: '2026-11-20T09:30:00+02:00' }), timezone: 'America/New_York' });
		expect(sentBody(sandbox)).toMatchObject({ from: '2026-11-20 15:30:00', to: '2026-11-20 09:30:00' });

		sandbox.log.clear();
		await runHoroshop(sandbox, {
			parameters: getMany({ from: '2026-11-20T08:30:00' }),
			timezone: 'America/New_York',
			credentials: { shopTimezone: 'Europe/Moscow' },
		});
		expect(sentBody(sandbox)).toMatchObject({ from: '2026-11-20 16:30:00' });
	});

	it('passes a date typed in the shop\'s own format as a whole day', async () => {
		const result = await runHoroshop(sandbox, { parameters: getMany({ from: '01.11.2026', to: '2026-11-01' }) });

		expect(sentBody(sandbox)).toMatchObject({ from: '2026-11-01', to: '2026-11-01' });
		expect(orderIds(result)).toHaveLength(40);
	});

	it('Order IDs: sends the listed numbers as ids and gets only those orders', async () => {
		const result = await runHoroshop(sandbox, { parameters: getMany({ ids: '3, 7 9' }) });

		expect(sentBody(sandbox)).toMatchObject({ ids: [3, 7, 9] });
		expect(orderIds(result)).toEqual([9, 7, 3]);
	});

	it('Statuses: sends the chosen statuses as a list and gets orders in them only', async () => {
		const result = await runHoroshop(sandbox, { parameters: getMany({ statuses: [3, 6] }) });

		expect(sentBody(sandbox)).toMatchObject({ status: [3, 6] });
		const items = result.output('Horoshop');
		expect(items.length).toBe(16);
		expect(new Set(items.map((item) => item.json.stat_status))).toEqual(new Set([3, 6]));
	});

	it('Statuses from an expression as text ("1, 4") work too', async () => {
		const result = await runHoroshop(sandbox, { parameters: getMany({ statuses: '1, 4' }) });

		expect(sentBody(sandbox)).toMatchObject({ status: [1, 4] });
		expect(new Set(result.output('Horoshop').map((item) => item.json.stat_status))).toEqual(new Set([1, 4]));
	});

	it('all filters together narrow the orders down as the shop does', async () => {
		const result = await runHoroshop(sandbox, {
			parameters: getMany({ from: '2026-11-01T08:05:00', to: '2026-11-01T08:20:00', statuses: [2], ids: '1, 6, 11, 16, 21, 26, 30' }),
		});

		expect(sentBody(sandbox)).toMatchObject({
			from: '2026-11-01 08:05:00',
			to: '2026-11-01 08:20:00',
			status: [2],
			ids: [1, 6, 11, 16, 21, 26, 30],
		});
		// Order n is placed at 08:(n-1); 1 is before 08:05, 26 after 08:20, 30 has status 1.
		// 6 and 21 are placed exactly at the bounds, which are inclusive.
		expect(orderIds(result)).toEqual([21, 16, 11, 6]);
	});

	it('a filter nothing matches gives no items and no error (EMPTY)', async () => {
		const result = await runHoroshop(sandbox, { parameters: getMany({ from: '2027-01-01T00:00:00' }) });

		expect(result.nodeError('Horoshop')).toBeUndefined();
		expect(result.output('Horoshop')).toEqual([]);
		expect(requestCounts(sandbox).get).toBe(1);
	});

	it('Include Delivery Details asks for additionalData and returns the delivery blocks', async () => {
		const withDetails = await runHoroshop(sandbox, { parameters: getMany({}, { additionalData: true }) });
		expect(sentBody(sandbox)).toMatchObject({ additionalData: true });
		const novaPoshta = withDetails.output('Horoshop').filter((item) => (item.json.delivery_type as { id: number }).id === 3);
		expect(novaPoshta.length).toBeGreaterThan(0);
		for (const item of novaPoshta) {
			expect(item.json.additional_data).toMatchObject({ np_number: expect.stringMatching(/^2045\d{10}$/) });
			expect(item.json.delivery_data).toMatchObject({ deliveryOperatorType: 'nova_poshta' });
		}

		sandbox.log.clear();
		const without = await runHoroshop(sandbox, { parameters: getMany({}) });
		expect(sentBody(sandbox)).not.toHaveProperty('additionalData');
		expect(without.output('Horoshop').some((item) => 'additional_data' in item.json || 'delivery_data' in item.json)).toBe(false);
	});

	it('reads numbers the shop sent as strings as numbers, and [] blocks as null', async () => {
		const result = await runHoroshop(sandbox, { parameters: getMany({ ids: '7' }) });

		const [order] = result.output('Horoshop');
		// Order 7 is one the fake sends the PHP way.
		expect(sandbox.horoshop.orders.get(7)).toMatchObject({ total_sum: expect.any(String), analytics: [] });
		expect(order.json.total_sum).toEqual(expect.any(Number));
		expect(order.json.analytics).toBeNull();
		for (const product of order.json.products as Array<Record<string, unknown>>) {
			expect(product.price).toEqual(expect.any(Number));
			expect(product.quantity).toEqual(expect.any(Number));
		}
	});

	it('One Item per Product Line: each line with its order alongside, sets and gifts keeping their links', async () => {
		const withSet = [...sandbox.horoshop.orders.values()].find((order) =>
			(order.products as Array<{ type?: string }>).some((product) => product.type === 'set_main'),
		)!;
		const products = withSet.products as Array<{ storage_id: number; parent_storage_id: number | null; type?: string }>;

		const result = await runHoroshop(sandbox, {
			parameters: getMany({ ids: String(withSet.order_id) }, { output: 'lines' }),
		});

		const items = result.output('Horoshop');
		expect(items).toHaveLength(products.length);
		items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: 0 });
			expect(item.json).toMatchObject({ order_id: withSet.order_id, delivery_name: withSet.delivery_name, line_number: index + 1 });
			expect(item.json).not.toHaveProperty('products');
			expect(item.json.product).toMatchObject({ storage_id: products[index].storage_id });
		});
		const set = items.find((item) => (item.json.product as { type?: string }).type === 'set_main')!;
		const setItems = items.filter((item) => (item.json.product as { type?: string }).type === 'set_item');
		expect(setItems.length).toBeGreaterThan(0);
		for (const item of setItems) {
			expect((item.json.product as { parent_storage_id: number }).parent_storage_id).toBe((set.json.product as { storage_id: number }).storage_id);
		}
	});

	it('an order the shop sent malformed goes to the error output with its id and field; the others go on', async () => {
		const broken = { order_id: 41, stat_status: 1, stat_created: '2026-11-01 09:00:00', products: [{ article: 'WTR-19', price: 'two hundred', quantity: 1 }] };
		sandbox.horoshop.orders.set(41, broken);

		const result = await runHoroshop(sandbox, {
			items: [{ batch: 'morning' }],
			parameters: getMany({ ids: '40, 41' }),
			onError: 'continueErrorOutput',
		});

		expect(orderIds(result)).toEqual([40]);
		const [failed] = result.output('Horoshop', 1);
		expect(failed.pairedItem).toEqual({ item: 0 });
		expect(failed.json).toMatchObject({
			batch: 'morning',
			error: 'Order 41: products[0].price: must be a number',
			details: { order_id: '41', order: broken },
		});
	});

	it('runs once per input item, pairs each order with its item, and signs in once for all', async () => {
		const result = await runHoroshop(sandbox, {
			items: [{ ids: '1, 2' }, { ids: '5' }],
			parameters: getMany({ ids: '={{ $json.ids }}' }),
		});

		expect(result.output('Horoshop').map((item) => [item.json.order_id, item.pairedItem])).toEqual([
			[2, { item: 0 }],
			[1, { item: 0 }],
			[5, { item: 1 }],
		]);
		expect(requestCounts(sandbox)).toEqual({ auth: 1, get: 2, update: 0 });
	});

	it('a date that is not a date goes to the error output naming the field, the other items go on', async () => {
		const result = await runHoroshop(sandbox, {
			items: [{ from: 'yesterday-ish' }, { from: '2026-11-01T08:38:00' }],
			parameters: getMany({ from: '={{ $json.from }}' }),
			onError: 'continueErrorOutput',
		});

		expect(orderIds(result)).toEqual([40, 39]);
		const [failed] = result.output('Horoshop', 1);
		expect(failed.pairedItem).toEqual({ item: 0 });
		expect(failed.json.error).toMatch(/^Created From: "yesterday-ish" is not a date and time/);
	});

	it('an order ID that is not a number stops the node naming the field', async () => {
		const result = await runHoroshop(sandbox, { parameters: getMany({ ids: '12, abc' }) });

		expect(result.nodeError('Horoshop')?.message).toBe('Each value of Order IDs must be a whole number above 0, got "abc"');
		expect(requestCounts(sandbox).get).toBe(0);
	});
});
