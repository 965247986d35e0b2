import { createServer } from 'node:http';
import type { Server } from 'node:http';

import { orderIdOfPayload } from '../../../nodes/Horoshop/trigger/hooks';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';

interface Received {
	method: string;
	contentType?: string;
	body: unknown;
}

/** The fake shop's webhooks: what the Horoshop Webhook Trigger is tested against. */
describe('sandbox: the fake Horoshop shop, webhooks', () => {
	let sandbox: Sandbox;
	let receiver: Server;
	let receiverUrl: string;
	let received: Received[];
	let token: string;

	const call = async (fn: string, body: Record<string, unknown>) => {
		const response = await fetch(`${sandbox.horoshop.baseUrl}/api/${fn}/`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ token, ...body }),
		});
		const text = await response.text();
		return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
	};

	beforeAll(async () => {
		sandbox = await startSandbox();
		receiver = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				received.push({ method: req.method!, contentType: req.headers['content-type'], body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
				res.writeHead(req.url === '/fail' ? 503 : 200).end('ok');
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`;
	});
	afterAll(async () => {
		await sandbox.stop();
		await new Promise((resolve) => receiver.close(resolve));
	});
	beforeEach(async () => {
		sandbox.reset();
		received = [];
		const auth = await fetch(`${sandbox.horoshop.baseUrl}/api/auth/`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ login: sandbox.horoshop.login, password: sandbox.horoshop.password }),
		});
		token = ((await auth.json()) as { response: { token: string } }).response.token;
	});

	it('hooks/subscribe answers 201 with a bare {id}; the sixth subscription of an event is refused', async () => {
		for (let n = 1; n <= 5; n++) {
			expect(await call('hooks/subscribe', { event: 'order_created', target_url: `${receiverUrl}/${n}` })).toEqual({ status: 201, body: { id: n } });
		}
		expect(await call('hooks/subscribe', { event: 'order_created', target_url: `${receiverUrl}/6` })).toEqual({
			status: 400,
			body: { message: 'Subscriptions limit for current event has been reached' },
		});
		expect(await call('hooks/subscribe', { event: 'order_paid', target_url: receiverUrl })).toEqual({ status: 201, body: { id: 6 } });
		expect((await call('hooks/subscribe', { event: 'user_signup', target_url: receiverUrl })).status).toBe(400);
	});

	it('hooks/unSubscribe (or unsubscribe) answers 410 with no body, and 404 for an id and URL it does not have', async () => {
		await call('hooks/subscribe', { event: 'order_created', target_url: receiverUrl });
		await call('hooks/subscribe', { event: 'order_created', target_url: receiverUrl });

		expect(await call('hooks/unSubscribe', { id: 1, target_url: 'http://elsewhere' })).toEqual({ status: 404, body: { message: 'Subscription not found' } });
		expect(await call('hooks/unSubscribe', { id: 1, target_url: receiverUrl })).toEqual({ status: 410, body: undefined });
		expect(await call('hooks/unsubscribe', { id: 2, target_url: receiverUrl })).toEqual({ status: 410, body: undefined });
		expect(sandbox.horoshop.subscriptions.size).toBe(0);
	});

	it('hooks/* refuse an expired token the way the rest of the API does', async () => {
		sandbox.horoshop.expireTokens();

		expect(await call('hooks/subscribe', { event: 'order_created', target_url: receiverUrl })).toEqual({
			status: 200,
			body: { status: 'ERROR', response: { code: 2, message: 'Invalid token' } },
		});
	});

	it('POSTs a JSON payload with the order id to each subscriber when orders are added', async () => {
		await call('hooks/subscribe', { event: 'order_created', target_url: `${receiverUrl}/a` });
		await call('hooks/subscribe', { event: 'order_created', target_url: `${receiverUrl}/fail` });
		await call('hooks/subscribe', { event: 'order_paid', target_url: `${receiverUrl}/b` });

		sandbox.horoshop.addOrders(2, { overrides: { payed: 0 } });
		await sandbox.horoshop.deliveriesSettled();

		expect(received.filter((entry) => entry.method === 'POST').map((entry) => (entry.body as { order_id: number }).order_id).sort()).toEqual([1, 1, 2, 2]);
		expect(received[0]).toEqual({
			method: 'POST',
			contentType: 'application/json',
			body: expect.objectContaining({ event: 'order_created', order_id: expect.any(Number) }),
		});
		// order_paid is not sent for unpaid orders; a receiver's refusal is recorded with its status.
		expect(sandbox.horoshop.hookDeliveries.map((delivery) => [delivery.url.split('/').pop(), delivery.status]).sort()).toEqual([
			['a', 200],
			['a', 200],
			['fail', 503],
			['fail', 503],
		]);
	});

	it('sends order_update when the status changes to one other than 1, and a JSON PUT order_paid when it becomes paid', async () => {
		sandbox.horoshop.addOrders(1, { overrides: { stat_status: 2, payed: 0 } });
		await call('hooks/subscribe', { event: 'order_update', target_url: receiverUrl });
		await call('hooks/subscribe', { event: 'order_paid', target_url: receiverUrl });

		sandbox.horoshop.changeOrder(1, { stat_status: 1 });
		sandbox.horoshop.changeOrder(1, { stat_status: 1 });
		await call('orders/update', { orders: [{ order_id: 1, status: 3 }] });
		await call('orders/update', { orders: [{ order_id: 1, payed: 1 }] });
		sandbox.horoshop.changeOrder(1, { payed: 1 });
		await sandbox.horoshop.deliveriesSettled();

		expect(received.map((entry) => [entry.method, (entry.body as { event: string }).event, (entry.body as { order_id: number }).order_id])).toEqual([
			['POST', 'order_update', 1],
			['PUT', 'order_paid', 1],
		]);
		expect(sandbox.horoshop.orders.get(1)).toMatchObject({ stat_status: 3, payed: 1 });
	});

	it('reset forgets subscriptions and deliveries', async () => {
		await call('hooks/subscribe', { event: 'order_created', target_url: receiverUrl });
		sandbox.horoshop.addOrders(1);
		await sandbox.horoshop.deliveriesSettled();

		sandbox.reset();

		expect(sandbox.horoshop.subscriptions.size).toBe(0);
		expect(sandbox.horoshop.hookDeliveries).toEqual([]);
	});
});

describe('Horoshop Webhook Trigger: the order number in a payload', () => {
	it.each([
		[{ order_id: 12 }, 12],
		[{ order_id: '12' }, 12],
		[{ event: 'order_created', order: { order_id: 7, id: 99 } }, 7],
		[{ id: 3, data: { order: { id: '41' } } }, 41],
		[{ orders: [{ order_id: 5 }, { order_id: 6 }] }, 5],
		[{ id: 8 }, 8],
		[{ id: 'x' }, undefined],
		[{ order_id: 0 }, undefined],
		['12', undefined],
		[null, undefined],
	])('%j -> %p', (payload, expected) => {
		expect(orderIdOfPayload(payload)).toBe(expected);
	});
});
