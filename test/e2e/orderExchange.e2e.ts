import { aquaExample } from '../fixtures/seedExamples';
import { EXCHANGE_LOGIN } from '../../scripts/n8n/sandboxCredentials';
import { openEnvironment, postToWebhook } from './environment';
import type { E2eEnvironment } from './environment';

type Json = Record<string, unknown>;

interface OrderResult {
	success: boolean;
	data: Array<{ id: number | string | null; external_id: string }> | Record<string, string[]>;
}

interface Envelope {
	success: boolean;
	data: Record<string, OrderResult>;
}

const TEMPLATE = 'aqua-to-saleapp.json';
const PATH = 'exchange/hs/AquaDeliveri/getOrdersURL';

function basic(user: string, password: string): string {
	return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

/** POSTs as Aqua-delivery does to a 1C service: a JSON order array, with HTTP Basic when given. */
async function exchange(env: E2eEnvironment, body: string, authorization?: string): Promise<{ status: number; envelope: Envelope }> {
	const { status, answer } = await postToWebhook<Envelope>(env.n8n, PATH, body, authorization ? { authorization } : {});
	return { status, envelope: answer };
}

const login = basic(EXCHANGE_LOGIN.user, EXCHANGE_LOGIN.password);

describe('Order Exchange Trigger: Aqua -> SaleApp with n8n in 1C\'s place (published template, real n8n)', () => {
	let env: E2eEnvironment;

	beforeAll(async () => {
		env = await openEnvironment([TEMPLATE]);
		await env.n8n.publish(env.templates[TEMPLATE].id);
		await env.n8n.start();
	});

	afterAll(async () => {
		await env?.close();
	});

	const aquaOrders = (count: number, first: number): Json[] =>
		env.sandbox.aqua.ordersFor(env.sandbox.generator.orders(count, first, new Date(Date.now() - 3_600_000)));

	it('answers a wrong or missing password with 401 and starts nothing', async () => {
		const orders = aquaOrders(1, 10);
		const wrong = await exchange(env, JSON.stringify(orders), basic(EXCHANGE_LOGIN.user, 'not-the-password'));
		const none = await exchange(env, JSON.stringify(orders));

		expect(wrong.status).toBe(401);
		expect(none.status).toBe(401);
		expect(env.sandbox.saleapp.byExternalId(String(orders[0].id))).toHaveLength(0);
		expect(env.sandbox.log.forRoute('saleapp.orders')).toHaveLength(0);
	});

	it('answers the seed 001 example, sent with a BOM, with one result under its id', async () => {
		const { status, envelope } = await exchange(env, `\uFEFF${JSON.stringify([aquaExample])}`, login);

		expect(status).toBe(200);
		expect(envelope.success).toBe(true);
		expect(Object.keys(envelope.data)).toEqual([aquaExample.id]);
		// The example's total (710) leaves out its own delivery cost (30), which seed 001 says it
		// includes: the Transformer refuses it, and the caller is told so under the order's id.
		expect(envelope.data[aquaExample.id]).toEqual({
			success: false,
			data: { 'money.total': [expect.stringContaining('does not add up')] },
		});
		expect(env.sandbox.saleapp.byExternalId(aquaExample.id)).toHaveLength(0);
	});

	it('a batch of 200 with 3 invalid orders: 197 created once with SaleApp\'s ids, the 3 answered with their fields named', async () => {
		const valid = aquaOrders(197, 1000);
		const [a, b, c] = aquaOrders(3, 2000);
		const invalid = [
			{ ...a, id: 'BAD-STATUS', status: 'shipped' },
			{ ...b, id: 'BAD-PHONE', client: { username: 'Без телефону' } },
			{ ...c, id: 'BAD-LINES', order_item_list: [] },
		];
		const batch = [...valid.slice(0, 50), invalid[0], ...valid.slice(50, 120), invalid[1], ...valid.slice(120), invalid[2]];

		const { status, envelope } = await exchange(env, JSON.stringify(batch), login);

		expect(status).toBe(200);
		expect(Object.keys(envelope.data).sort()).toEqual(batch.map((order) => String(order.id)).sort());
		for (const order of valid) {
			const stored = env.sandbox.saleapp.byExternalId(String(order.id));
			expect(stored).toHaveLength(1);
			expect(envelope.data[String(order.id)]).toEqual({ success: true, data: [{ id: stored[0].id, external_id: order.id }] });
		}
		expect(envelope.data['BAD-STATUS']).toEqual({ success: false, data: { status: [expect.stringContaining('must be one of')] } });
		expect(Object.keys(envelope.data['BAD-PHONE'].data)).toEqual(['client.phone']);
		expect(Object.keys(envelope.data['BAD-LINES'].data)).toEqual(['order_item_list']);
		for (const order of invalid) expect(env.sandbox.saleapp.byExternalId(String(order.id))).toHaveLength(0);
	});

	it('a call of only invalid orders is answered at once, each with its fields, and starts no workflow', async () => {
		const [order] = aquaOrders(1, 2500);
		const saleAppCalls = env.sandbox.log.forRoute('saleapp.orders').length;

		const { status, envelope } = await exchange(env, JSON.stringify([{ ...order, id: 'ONLY-BAD', total: 'много' }]), login);

		expect(status).toBe(200);
		expect(envelope).toEqual({ success: true, data: { 'ONLY-BAD': { success: false, data: { total: ['must be a number'] } } } });
		expect(env.sandbox.log.forRoute('saleapp.orders')).toHaveLength(saleAppCalls);
	});

	it('the same orders sent again (Aqua did not keep the answer) are answered with the same ids, not created twice', async () => {
		const orders = aquaOrders(5, 1000);
		const before = new Map(orders.map((order) => [String(order.id), env.sandbox.saleapp.byExternalId(String(order.id))[0].id]));

		const { envelope } = await exchange(env, JSON.stringify(orders), login);

		for (const order of orders) {
			const id = String(order.id);
			expect(env.sandbox.saleapp.byExternalId(id)).toHaveLength(1);
			expect(envelope.data[id]).toEqual({ success: true, data: [{ id: before.get(id), external_id: id }] });
		}
	});

	it('an order SaleApp refuses is answered as failed with SaleApp\'s reason, beside the ones it took', async () => {
		const [good, unknownProduct] = aquaOrders(2, 3000);
		const refused = {
			...unknownProduct,
			id: 'NO-SUCH-PRODUCT',
			order_item_list: [{ product_id: 'NOT-IN-SALEAPP', price: 10, quantity: 1 }],
			total: 10 + Number(unknownProduct.delivery_cost ?? 0),
		};

		const { envelope } = await exchange(env, JSON.stringify([good, refused]), login);

		expect(envelope.data[String(good.id)].success).toBe(true);
		const failed = envelope.data['NO-SUCH-PRODUCT'];
		expect(failed.success).toBe(false);
		expect(JSON.stringify(failed.data)).toContain('не знайдено');
		expect(env.sandbox.saleapp.byExternalId('NO-SUCH-PRODUCT')).toHaveLength(0);
	});
});
