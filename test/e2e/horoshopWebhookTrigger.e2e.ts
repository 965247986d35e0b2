import { openEnvironment, waitFor } from './environment';
import { publishMarkProcessingWorkflow } from './markProcessingWorkflow';
import type { E2eEnvironment } from './environment';

const WORKFLOW_ID = 'horoshopWebhookE2e';
const WEBHOOK_ID = '3d1f5a8e-7b2c-4e19-9a6d-0c4b2e8f1a77';

/**
 * The Horoshop Webhook Trigger in a published workflow on the real n8n: activation subscribes at
 * the fake shop, the shop's webhook for a new order runs the workflow (which marks the order
 * "processing", so the run is visible in the shop), and deactivation unsubscribes.
 */
describe('Horoshop Webhook Trigger on the real n8n', () => {
	let env: E2eEnvironment;

	beforeAll(async () => {
		env = await openEnvironment();
		await publishMarkProcessingWorkflow(env, WORKFLOW_ID, {
			name: 'Horoshop Webhook Trigger',
			type: 'horoshopWebhookTrigger',
			webhookId: WEBHOOK_ID,
			parameters: { event: 'newOrder' },
		});
		await env.n8n.start();
		await env.n8n.setupOwner({ email: 'owner@example.com', firstName: 'Order', lastName: 'Sync', password: 'Sandbox-Owner-1' });
	});

	afterAll(async () => {
		await env?.close();
	});

	it('subscribes once on activation, runs the workflow for an order placed in the shop within seconds, unsubscribes on deactivation', async () => {
		const { horoshop } = env.sandbox;
		const url = `${env.n8n.url}/webhook/${WEBHOOK_ID}/webhook`;
		await waitFor(env.n8n, 'the subscription', () => horoshop.subscriptions.size > 0);
		expect([...horoshop.subscriptions.values()].map(({ event, targetUrl }) => ({ event, targetUrl }))).toEqual([
			{ event: 'order_created', targetUrl: url },
		]);

		const placedAt = Date.now();
		const [order] = horoshop.addOrders(1, { start: new Date(Date.now() - 60_000), overrides: { stat_status: 1 } });
		await waitFor(env.n8n, 'the status update', () => horoshop.updates.length > 0, 15_000);
		expect(Date.now() - placedAt).toBeLessThan(15_000);
		expect(horoshop.updates.map((update) => update.order_id)).toEqual([order.order_id]);
		await horoshop.deliveriesSettled();
		expect(horoshop.hookDeliveries.map((delivery) => [delivery.event, delivery.url, delivery.status])).toEqual([['order_created', url, 200]]);

		const [subscription] = horoshop.subscriptions.values();
		await env.n8n.post(`/rest/workflows/${WORKFLOW_ID}/deactivate`, {});
		await waitFor(env.n8n, 'the unsubscription', () => horoshop.subscriptions.size === 0);
		// n8n 2.40.7 may run its webhook removal twice, each from its own copy of the workflow; the
		// second call finds the subscription gone (404), which the node takes as done.
		const unsubscribed = env.sandbox.log.forRoute('horoshop.hooks.unsubscribe').map((entry) => (entry.body as { id: unknown }).id);
		expect(new Set(unsubscribed)).toEqual(new Set([subscription.id]));
		horoshop.addOrders(1, { start: new Date(Date.now() - 60_000), overrides: { stat_status: 1 } });
		await horoshop.deliveriesSettled();
		expect(horoshop.hookDeliveries).toHaveLength(1);
	});
});
