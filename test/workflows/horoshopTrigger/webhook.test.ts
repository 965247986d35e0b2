import type { IDataObject } from 'n8n-workflow';

import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { runHoroshop } from '../horoshop/run';
import { WebhookHarness } from './webhookHarness';

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describe('Horoshop Webhook Trigger', () => {
	let sandbox: Sandbox;
	const harnesses: WebhookHarness[] = [];

	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());
	afterEach(async () => {
		await sandbox.horoshop.deliveriesSettled();
		await Promise.all(harnesses.splice(0).map(async (harness) => await harness.stop()));
	});

	const trigger = async (parameters: IDataObject, webhookId?: string) => {
		const harness = await new WebhookHarness(sandbox, parameters, webhookId).start();
		harnesses.push(harness);
		return harness;
	};
	const subscriptions = () => [...sandbox.horoshop.subscriptions.values()];

	it('New Order: subscribes order_created on activation, emits each order the shop reports, unsubscribes on deactivation', async () => {
		const hook = await trigger({ event: 'newOrder' });

		expect(await hook.activate()).toBe(true);
		expect(subscriptions()).toEqual([{ id: 1, event: 'order_created', targetUrl: hook.url }]);
		expect(hook.state).toEqual({ subscription: { id: '1', event: 'order_created', url: hook.url } });
		// Activated again (n8n restarted): the stored subscription is still good, none is added.
		expect(await hook.activate()).toBe(false);
		expect(subscriptions()).toHaveLength(1);

		sandbox.horoshop.addOrders(2, { start: ago(5) });
		await sandbox.horoshop.deliveriesSettled();

		expect(sandbox.horoshop.hookDeliveries.map((delivery) => [delivery.method, delivery.status])).toEqual([
			['POST', 200],
			['POST', 200],
		]);
		expect(hook.emitted.map((item) => item.json.order_id)).toEqual([1, 2]);
		// Each order is read fresh with orders/get ids[] and comes out as Horoshop Get Many puts it out.
		expect(sandbox.log.forRoute('horoshop.orders.get').map((entry) => (entry.body as { ids: number[] }).ids)).toEqual([[1], [2]]);
		const getMany = await runHoroshop(sandbox, { parameters: { operation: 'getAll', returnAll: true } });
		expect(hook.emitted.map((item) => item.json)).toEqual(getMany.output('Horoshop').map((item) => item.json).reverse());

		expect(await hook.deactivate()).toBe(true);
		expect(subscriptions()).toEqual([]);
		expect(hook.state).toEqual({});
		expect(sandbox.log.forRoute('horoshop.hooks.unsubscribe').map((entry) => [entry.path, entry.status, entry.body])).toEqual([
			['/horoshop/api/hooks/unSubscribe/', 410, expect.objectContaining({ id: 1, target_url: hook.url })],
		]);
	});

	it('Order Status Changed: subscribes order_update and emits an order whose status Horoshop Update Status changed', async () => {
		sandbox.horoshop.addOrders(2, { start: ago(30), overrides: { stat_status: 1, payed: 0 } });
		const hook = await trigger({ event: 'statusChanged' });
		await hook.activate();
		expect(subscriptions().map((subscription) => subscription.event)).toEqual(['order_update']);

		await runHoroshop(sandbox, { parameters: { operation: 'updateStatus', orderId: '2', status: 3 } });
		await sandbox.horoshop.deliveriesSettled();

		expect(hook.emitted.map((item) => [item.json.order_id, item.json.stat_status])).toEqual([[2, 3]]);
	});

	it('Order Paid: takes the JSON PUT Horoshop sends for order_paid', async () => {
		sandbox.horoshop.addOrders(1, { start: ago(30), overrides: { stat_status: 1, payed: 0 } });
		const hook = await trigger({ event: 'paid', options: { additionalData: true } });
		await hook.activate();

		sandbox.horoshop.changeOrder(1, { payed: 1 });
		await sandbox.horoshop.deliveriesSettled();

		expect(hook.calls.map((call) => [call.method, call.status])).toEqual([['PUT', 200]]);
		expect(hook.emitted.map((item) => [item.json.order_id, item.json.payed])).toEqual([[1, 1]]);
		expect(sandbox.log.forRoute('horoshop.orders.get')[0].body).toMatchObject({ ids: [1], additionalData: true });
	});

	it('reads the order number wherever the payload puts it', async () => {
		const hook = await trigger({ event: 'newOrder' });
		await hook.activate();
		sandbox.horoshop.hookPayload = (event, order) => ({ event, data: { order: { id: String(order.order_id) } } });

		sandbox.horoshop.addOrders(1, { start: ago(1) });
		await sandbox.horoshop.deliveriesSettled();

		expect(hook.emitted.map((item) => item.json.order_id)).toEqual([1]);
	});

	it('a payload without an order number, or naming an order the shop does not have, comes out as an error item', async () => {
		const hook = await trigger({ event: 'newOrder' });
		await hook.activate();
		sandbox.horoshop.hookPayload = (event) => ({ event, note: 'nothing else' });
		sandbox.horoshop.addOrders(1, { start: ago(1) });
		await sandbox.horoshop.deliveriesSettled();
		sandbox.horoshop.hookPayload = (event, order) => ({ event, order_id: order.order_id + 1000 });
		sandbox.horoshop.addOrders(1, { start: ago(1) });
		await sandbox.horoshop.deliveriesSettled();

		expect(hook.emitted.map((item) => item.json)).toEqual([
			{
				error: 'The Horoshop webhook carried no order number (order_id); the payload is in details.payload',
				details: { payload: { event: 'order_created', note: 'nothing else' } },
			},
			{
				error: 'Order 1002 named by the Horoshop webhook was not found in the shop',
				details: { order_id: 1002, payload: { event: 'order_created', order_id: 1002 } },
			},
		]);
	});

	it('renews a token the shop refuses while reading the order', async () => {
		const hook = await trigger({ event: 'newOrder' });
		await hook.activate();
		sandbox.addFault({ route: 'horoshop.orders.get', kind: 'tokenExpired', times: 1 });

		sandbox.horoshop.addOrders(1, { start: ago(1) });
		await sandbox.horoshop.deliveriesSettled();

		expect(hook.emitted.map((item) => item.json.order_id)).toEqual([1]);
		expect(sandbox.log.forRoute('horoshop.auth').length).toBeGreaterThanOrEqual(2);
	});

	it('answers HTTP 500 when the shop cannot be read, so Horoshop delivers the event again later', async () => {
		const hook = await trigger({ event: 'newOrder', options: { retry: { settings: { maxAttempts: 1 } } } });
		await hook.activate();
		sandbox.addFault({ route: 'horoshop.orders.get', kind: 'status', status: 503, times: 1 });

		sandbox.horoshop.addOrders(1, { start: ago(1) });
		await sandbox.horoshop.deliveriesSettled();

		expect(sandbox.horoshop.hookDeliveries.map((delivery) => delivery.status)).toEqual([500]);
		expect(hook.calls[0].error).toMatch(/^Horoshop: get orders failed \(HTTP 503\)/);
		expect(hook.emitted).toEqual([]);
	});

	it('refuses clearly when the shop already has 5 subscriptions for the event, and stores nothing', async () => {
		for (let n = 1; n <= 5; n++) {
			const other = await trigger({ event: 'newOrder' }, `c0ffee00-0000-4000-8000-00000000000${n + 1}`);
			await other.activate();
		}
		const hook = await trigger({ event: 'newOrder' });

		await expect(hook.activate()).rejects.toMatchObject({
			name: 'NodeApiError',
			message: expect.stringMatching(
				/^Horoshop: subscribe to order_created failed \(HTTP 400\): "Subscriptions limit for current event has been reached"\. Horoshop allows at most 5 subscriptions per event and its API cannot list them/,
			),
		});
		expect(hook.state).toEqual({});
		expect(subscriptions()).toHaveLength(5);
		// Another event still has room.
		const paid = await trigger({ event: 'paid' }, 'c0ffee00-0000-4000-8000-000000000009');
		expect(await paid.activate()).toBe(true);
	});

	it('when the event changed, gives up the old subscription before taking a new one', async () => {
		const hook = await trigger({ event: 'newOrder' });
		await hook.activate();
		// The edited workflow (now Order Paid) starts with the static data the old version left.
		const changed = await trigger({ event: 'paid' }, hook.webhookId);
		changed.seedState(hook.state);

		expect(await changed.activate()).toBe(true);

		expect(subscriptions().map((subscription) => [subscription.id, subscription.event])).toEqual([[2, 'order_paid']]);
		expect(changed.state).toEqual({ subscription: { id: '2', event: 'order_paid', url: changed.url } });
	});

	it('unsubscribes through hooks/unsubscribe on a shop that knows only that spelling; a subscription already gone is fine', async () => {
		sandbox.horoshop.undefinedFunctions.add('hooks/unSubscribe');
		const hook = await trigger({ event: 'newOrder' });
		await hook.activate();

		expect(await hook.deactivate()).toBe(true);
		expect(sandbox.log.forRoute('horoshop.hooks.unsubscribe').map((entry) => [entry.path, entry.status])).toEqual([
			['/horoshop/api/hooks/unSubscribe/', 200],
			['/horoshop/api/hooks/unsubscribe/', 410],
		]);
		expect(subscriptions()).toEqual([]);

		await hook.activate();
		sandbox.horoshop.subscriptions.clear();
		expect(await hook.deactivate()).toBe(true);
		expect(hook.state).toEqual({});
	});

	it('a DELETE from Horoshop (subscription removed on its side) starts nothing, and the next activation subscribes again', async () => {
		const hook = await trigger({ event: 'newOrder' });
		await hook.activate();

		const response = await fetch(hook.url, { method: 'DELETE' });

		expect(response.status).toBe(200);
		expect(hook.calls.map((call) => [call.method, call.workflowData])).toEqual([['DELETE', undefined]]);
		expect(hook.state).toEqual({});
		sandbox.horoshop.subscriptions.clear();
		expect(await hook.activate()).toBe(true);
		expect(subscriptions()).toHaveLength(1);
	});
});
