import { ordersSentToAqua, postToWebhook } from '../environment';
import type { E2eEnvironment } from '../environment';
import type { TemplateHarness } from '../harness';

type Json = Record<string, unknown>;

interface Answer {
	received: number;
	succeeded: number;
	failed: number;
	results: Array<{ order: string; success: boolean; error?: string; aquaId?: string; oneCId?: string }>;
}

const TEMPLATES = ['webhook-to-1c.json', 'webhook-to-aqua.json', 'saleapp-to-1c.json'];

/** POSTs to a production webhook of the environment's n8n. */
function post(env: E2eEnvironment, path: string, body: unknown): Promise<{ status: number; answer: Answer }> {
	return postToWebhook<Answer>(env.n8n, path, body);
}

/** The webhook templates answering callers and writing to the sandbox; `harness` says how n8n runs them. */
export function describeWebhookTemplates(harness: TemplateHarness): void {
	describe(`webhook templates served by ${harness.name} (published, then started)`, () => {
		let env: E2eEnvironment;

		beforeAll(async () => {
			env = await harness.open(TEMPLATES, { serve: true });
		});

		afterAll(async () => {
			await env?.close();
		});

		const ordersFor = (count: number, first: number): Json[] =>
			env.sandbox.aqua.ordersFor(env.sandbox.generator.orders(count, first, new Date(Date.now() - 3_600_000)));

		it('"Webhook -> Aqua" imports the valid orders once and answers the invalid ones with every bad field', async () => {
			const valid = ordersFor(3, 100);
			const invalid = { ...ordersFor(1, 200)[0], id: 'BAD-1', status: 'shipped', client: { username: 'Без телефону' } };

			const { status, answer } = await post(env, 'orders-to-aqua', [valid[0], invalid, valid[1], valid[2]]);

			expect(status).toBe(200);
			expect(answer).toMatchObject({ received: 4, succeeded: 3, failed: 1 });
			const bad = answer.results.find((result) => result.order === 'BAD-1')!;
			expect(bad.success).toBe(false);
			expect(bad.error).toContain('status');
			expect(bad.error).toContain('client.phone');
			const sent = ordersSentToAqua(env.sandbox);
			expect(sent.map((order) => order.id)).toEqual(valid.map((order) => order.id));
			for (const order of valid) {
				const stored = env.sandbox.aqua.orders.get(String(order.id))!;
				expect(stored).toBeDefined();
				expect(answer.results.find((result) => result.order === order.id)).toEqual({
					order: order.id,
					success: true,
					aquaId: stored.id,
				});
				expect((stored.client as Json).username).toBe((order.client as Json).username);
			}
		});

		it('"Webhook -> Aqua" answers an order Aqua itself refuses with Aqua\'s reason', async () => {
			const [order] = ordersFor(1, 250);
			const greedy = { ...order, id: 'COINS-1', coins: 500 };

			const { answer } = await post(env, 'orders-to-aqua', [greedy]);

			expect(answer).toMatchObject({ received: 1, succeeded: 0, failed: 1 });
			expect(answer.results[0]).toMatchObject({ order: 'COINS-1', success: false });
			expect(answer.results[0].error).toContain('баллов');
			expect(env.sandbox.log.forRoute('aqua.import').some((entry) => (entry.body as Json[]).some((o) => o.id === 'COINS-1'))).toBe(true);
			expect(env.sandbox.aqua.orders.has('COINS-1')).toBe(false);
		});

		it('"Webhook -> 1C" sends each order to 1C once and answers with 1C\'s ids', async () => {
			const orders = ordersFor(3, 300).map(({ ask_for_checkout, ...order }) => order);

			const { status, answer } = await post(env, 'orders-to-1c', { orders });

			expect(status).toBe(200);
			expect(answer).toMatchObject({ received: 3, succeeded: 3, failed: 0 });
			const sent = env.sandbox.log.forRoute('onec.service').flatMap((entry) => entry.body as Json[]);
			expect(sent.map((order) => order.id)).toEqual(orders.map((order) => order.id));
			for (const order of orders) {
				const stored = env.sandbox.onec.orders.get(String(order.id))!;
				expect(stored).toBeDefined();
				expect(answer.results.find((result) => result.order === order.id)).toMatchObject({ success: true, oneCId: stored.id });
				expect((stored.order_item_list as Json[]).length).toBe((order.order_item_list as Json[]).length);
			}
		});

		it('"Webhook -> 1C" answers a 1C failure per order instead of dropping it', async () => {
			env.sandbox.onec.serviceError = 'Ошибка при вызове метода контекста (Записать): поле "Контрагент" не заполнено';
			try {
				const orders = ordersFor(1, 400).map(({ ask_for_checkout, ...order }) => order);
				const { answer } = await post(env, 'orders-to-1c', orders);
				expect(answer).toMatchObject({ received: 1, succeeded: 0, failed: 1 });
				expect(answer.results[0]).toMatchObject({ order: orders[0].id, success: false });
				expect(answer.results[0].error).toMatch(/1C/);
				expect(env.sandbox.onec.orders.has(String(orders[0].id))).toBe(false);
			} finally {
				env.sandbox.onec.serviceError = undefined;
			}
		});

		it('"SaleApp -> 1C" reads the orders from SaleApp, sends them to 1C and names the IDs SaleApp does not have', async () => {
			const first = env.sandbox.saleapp.seedOrder({
				receiverName: 'Петро Іваненко',
				receiverPhone: '380671234567',
				city: 'Київ',
				address: 'вул. Хрещатик, 22',
				deliveryType: 2,
			});
			const second = env.sandbox.saleapp.seedOrder({
				receiverName: 'Ольга Шевченко',
				receiverPhone: '380501112233',
				city: 'Львів',
				address: 'вул. Городоцька, 15',
				deliveryType: 2,
			});

			const { status, answer } = await post(env, 'saleapp-to-1c', { order_ids: [first.id, 9999, second.id] });

			expect(status).toBe(200);
			expect(answer).toMatchObject({ received: 3, succeeded: 2, failed: 1 });
			expect(answer.results.find((result) => result.order === '9999')).toMatchObject({ success: false });
			expect(answer.results.find((result) => result.order === '9999')!.error).toContain('9999');
			for (const order of [first, second]) {
				const stored = env.sandbox.onec.orders.get(String(order.id))!;
				expect(stored).toBeDefined();
				expect((stored.client as Json).username).toBe(order.receiverName);
				// 1C answers with its own product refs; no line came back empty (every product known).
				expect((stored.order_item_list as Json[]).map((line) => line.name)).toEqual(order.lines.map((line) => line.product.name));
				expect(answer.results.find((result) => result.order === String(order.id))).toMatchObject({ success: true, oneCId: stored.id });
			}
		});
	});
}
