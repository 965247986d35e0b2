import type { IDataObject } from 'n8n-workflow';

import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import type { ExchangeOrders } from '../../../sandbox/systems/exchangeOrders';
import { runWorkflow } from '../../harness/runWorkflow';

/**
 * Exactly once against the fakes' worst case (seeds 000 and 001): an order sent again without the
 * receiver's id becomes a second order, and an answer can be lost after the work was committed.
 */
interface Receiver {
	system: string;
	type: string;
	operation: string;
	route: string;
	credentialType: string;
	credentials: (sandbox: Sandbox) => IDataObject;
	orders: (sandbox: Sandbox) => ExchangeOrders;
}

const RECEIVERS: Receiver[] = [
	{
		system: 'Aqua Delivery',
		type: 'aquaDelivery',
		operation: 'import',
		route: 'aqua.import',
		credentialType: 'aquaDeliveryApi',
		credentials: (sandbox) => ({
			baseUrl: sandbox.url,
			signInMethod: 'login',
			login: sandbox.aqua.login,
			password: sandbox.aqua.password,
			sessionToken: '',
		}),
		orders: (sandbox) => sandbox.aqua.orders,
	},
	{
		system: '1C',
		type: 'oneCOrders',
		operation: 'send',
		route: 'onec.service',
		credentialType: 'oneCApi',
		credentials: (sandbox) => ({ serverUrl: sandbox.url, publication: 'demodelivery', user: 'Менеджер', password: 'Секрет-1С' }),
		orders: (sandbox) => sandbox.onec.orders,
	},
];

describe.each(RECEIVERS)('$system: exactly once on the real engine', (receiver) => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ seed: 23 });
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	const orders = (count: number) => sandbox.aqua.ordersFor(sandbox.generator.orders(count)) as IDataObject[];
	const stored = () => receiver.orders(sandbox);
	const requests = () => sandbox.log.forRoute(receiver.route);

	const run = (
		items: IDataObject[],
		staticData: IDataObject,
		extra: { options?: IDataObject; parameters?: IDataObject; onError?: 'continueErrorOutput'; credentials?: IDataObject } = {},
	) =>
		runWorkflow({
			items,
			nodes: [
				{
					name: 'Receiver',
					type: receiver.type,
					parameters: {
						resource: 'order',
						operation: receiver.operation,
						...extra.parameters,
						options: { timeoutSeconds: 1, retry: { settings: { maxAttempts: 3, maxTotalWaitSeconds: 3 } }, ...extra.options },
					},
					credentials: [receiver.credentialType],
					onError: 'onError' in extra ? extra.onError : 'continueErrorOutput',
				},
			],
			credentials: { [receiver.credentialType]: { ...receiver.credentials(sandbox), ...extra.credentials } as never },
			staticData,
		});
	const kinds = (items: Array<{ json: IDataObject }>) => items.map((item) => (item.json.details as IDataObject).errorKind);

	it.each(['commitThenReset', 'commitThenStall'] as const)(
		'%s on a batch of new orders: nothing is sent twice, each order is outcome unknown, and held back as in doubt next run',
		async (kind) => {
			const input = orders(3);
			const staticData = {};
			sandbox.addFault({ route: receiver.route, kind, times: 1 });
			const first = await run(input, staticData);

			expect(requests()).toHaveLength(1);
			expect(stored().size).toBe(3);
			expect(stored().duplicates()).toBe(0);
			expect(first.output('Receiver', 0)).toEqual([]);
			expect(kinds(first.output('Receiver', 1))).toEqual(['outcome_unknown', 'outcome_unknown', 'outcome_unknown']);
			expect(first.output('Receiver', 1)[0].json.error).toContain(`it was not sent again, as ${receiver.system} may have done it already`);
			expect((first.output('Receiver', 1)[0].json.details as IDataObject).description).toContain('Mark Order as Imported');

			const second = await run(input, staticData);
			expect(requests()).toHaveLength(1);
			expect(kinds(second.output('Receiver', 1))).toEqual(['in_doubt', 'in_doubt', 'in_doubt']);
			expect(second.output('Receiver', 1)[0].json.error).toContain(`Order ${input[0].id} was sent to ${receiver.system}`);
			expect(stored().duplicates()).toBe(0);
		},
	);

	it.each(['commitThenReset', 'commitThenStall'] as const)(
		'%s on a batch whose orders all carry the receiver\'s id: retried as an update, all on the main output',
		async (kind) => {
			const input = orders(3);
			const first = await run(input, {}, { options: { remember: false } });
			const withIds = input.map((order, i) => ({ ...order, external_id: first.output('Receiver', 0)[i].json.id, comment: 'changed' }));
			sandbox.log.clear();
			sandbox.addFault({ route: receiver.route, kind, times: 1 });
			const second = await run(withIds, {});

			expect(requests()).toHaveLength(2);
			expect(second.output('Receiver', 1)).toEqual([]);
			expect(second.output('Receiver', 0)).toHaveLength(3);
			expect(stored().size).toBe(3);
			expect(stored().duplicates()).toBe(0);
			for (const order of input) expect(stored().get(String(order.id))!.comment).toBe('changed');
		},
	);

	it('retries 429 and 503 for new orders: the server did not take them', async () => {
		sandbox.addFault({ route: receiver.route, kind: 'status', status: 429, retryAfter: 0, times: 1 });
		sandbox.addFault({ route: receiver.route, kind: 'status', status: 503, retryAfter: 0, times: 1 });
		const result = await run(orders(2), {});

		expect(requests().map((entry) => entry.status)).toEqual([429, 503, 200]);
		expect(result.output('Receiver', 0)).toHaveLength(2);
		expect(stored().duplicates()).toBe(0);
	});

	it('an order in doubt is resolved by Mark Order as Imported: the next run sends it as an update', async () => {
		const [order] = orders(1);
		const staticData = {};
		sandbox.addFault({ route: receiver.route, kind: 'commitThenReset', times: 1 });
		await run([order], staticData);
		const receiverId = String(stored().get(String(order.id))!.id);

		const listed = await run([{}], staticData, { parameters: { operation: 'getRemembered', onlyInDoubt: true } });
		expect(listed.output('Receiver', 0).map((item) => [item.json.orderId, item.json.state])).toEqual([[order.id, 'in_doubt']]);

		const marked = await run([{ id: order.id, found: receiverId }], staticData, {
			parameters: { operation: 'markImported', recordOrderId: '={{ $json.id }}', recordReceiverId: '={{ $json.found }}' },
		});
		expect(marked.output('Receiver', 0)[0].json).toMatchObject({ orderId: order.id, state: 'imported', receiverId });

		const resent = await run([{ ...order, status: 'completed' }], staticData);
		expect(resent.output('Receiver', 0)).toHaveLength(1);
		expect(String((requests().at(-1)!.body as IDataObject[])[0].external_id)).toBe(receiverId);
		expect(stored().size).toBe(1);
		expect(stored().get(String(order.id))!.status).toBe('completed');
	});

	it('an order in doubt that never arrived is resolved by Forget Remembered Order: the next run sends it as new', async () => {
		const [order] = orders(1);
		const staticData = {};
		sandbox.addFault({ route: receiver.route, kind: 'reset', times: 1 });
		await run([order], staticData);
		expect(stored().size).toBe(0);

		const forgotten = await run([{}], staticData, { parameters: { operation: 'forget', recordOrderId: String(order.id) } });
		expect(forgotten.output('Receiver', 0)[0].json).toEqual({ orderId: order.id, forgotten: true });

		const sent = await run([order], staticData);
		expect(sent.output('Receiver', 0)).toHaveLength(1);
		expect(stored().size).toBe(1);
	});

	it('an unchanged order is not sent again; a changed one is sent as an update with the receiver\'s id', async () => {
		const input = orders(3);
		const staticData = {};
		await run(input, staticData);
		const second = await run(input, staticData);

		expect(requests()).toHaveLength(1);
		expect(second.output('Receiver', 0).map((item) => [item.json.external_id, item.json.skipped])).toEqual(
			input.map((order) => [order.id, 'unchanged']),
		);

		const third = await run([input[0], { ...input[1], comment: 'позвонить за час' }, input[2]], staticData);
		expect(requests()).toHaveLength(2);
		const [update] = requests()[1].body as IDataObject[];
		expect(update).toMatchObject({ id: input[1].id, comment: 'позвонить за час' });
		expect(String(update.external_id)).toBe(String(stored().get(String(input[1].id))!.id));
		expect(third.output('Receiver', 0).map((item) => item.json.skipped)).toEqual(['unchanged', undefined, 'unchanged']);
		expect(stored().size).toBe(3);
	});

	it('an order imported without a line goes to the error output as lines_dropped, with the receiver\'s id, and is not taken as unchanged', async () => {
		const [order] = orders(1);
		order.order_item_list = [...(order.order_item_list as IDataObject[]), { product_id: 'NO-SUCH-1', price: 12, quantity: 3, name: 'Невідомий товар' }];
		const staticData = {};
		const first = await run([order], staticData);

		const [failed] = first.output('Receiver', 1);
		const receiverId = String(stored().get(String(order.id))!.id);
		expect(failed.json.error).toContain(`${receiver.system} imported order ${order.id} as ${receiverId} without 1 of its`);
		expect(failed.json.error).toContain('NO-SUCH-1 × 3');
		expect(failed.json.details).toMatchObject({ errorKind: 'lines_dropped', receiverId, droppedLines: [expect.objectContaining({ product_id: 'NO-SUCH-1' })] });
		expect(failed.json).toMatchObject({ id: order.id });

		const again = await run([order], staticData);
		expect(requests()).toHaveLength(2);
		expect(kinds(again.output('Receiver', 1))).toEqual(['lines_dropped']);
		expect(stored().size).toBe(1);
	});

	it('One Summary Item: one item says what the run did; the failed order still comes out on the error output', async () => {
		const input = orders(4);
		input[3].status = 'lost';
		const staticData = {};
		await run(input.slice(0, 1), staticData);
		const result = await run(input, staticData, { options: { output: 'summary' } });

		expect(result.output('Receiver', 0).map((item) => item.json)).toEqual([
			{ system: receiver.system, orders: 4, created: 2, updated: 0, skippedUnchanged: 1, failed: 1, failedByKind: { invalid: 1 } },
		]);
		expect(result.output('Receiver', 0)[0].pairedItem).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(result.output('Receiver', 1).map((item) => item.pairedItem)).toEqual([{ item: 3 }]);
	});

	it('Fail Execution When Items Fail: every good order is sent, then the node fails naming the count and the first reason', async () => {
		const input = orders(3);
		input[1].status = 'lost';
		const result = await run(input, {}, { options: { failExecution: true } });

		expect(stored().size).toBe(2);
		expect(result.nodeError('Receiver')?.message).toBe(
			`1 of 3 items failed (1 invalid); the first: Order ${input[1].id} is not valid, so it was not sent to ${receiver.system}: status: must be one of new, approved, completed, removed`,
		);
	});

	it('stopping on an error after 3 good batches keeps their ids: the re-run sends them as updates, none doubled', async () => {
		const input = orders(8);
		const staticData = {};
		// Three batches go through, the fourth is refused on every attempt.
		sandbox.addFault({ route: receiver.route, kind: 'status', status: 503, retryAfter: 0, after: 3 });
		const first = await run(input, staticData, { options: { batchSize: 2, concurrency: 1 }, onError: undefined });
		sandbox.faults.clear();

		expect(first.nodeError('Receiver')?.message).toContain('HTTP 503');
		expect(stored().size).toBe(6);

		const second = await run(input, staticData, { options: { batchSize: 2, concurrency: 1, skipUnchanged: false } });
		expect(second.output('Receiver', 1)).toEqual([]);
		expect(second.output('Receiver', 0)).toHaveLength(8);
		const resent = requests().slice(-4).flatMap((entry) => entry.body as IDataObject[]);
		expect(resent.filter((order) => order.external_id !== undefined && order.external_id !== null).map((order) => order.id)).toEqual(
			input.slice(0, 6).map((order) => order.id),
		);
		expect(stored().size).toBe(8);
		expect(stored().duplicates()).toBe(0);
	});
});

describe('Aqua Delivery: a refused sign-in', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ seed: 5 });
	});
	afterAll(async () => await sandbox.stop());

	it('is tried once per run, not once per batch; every order gets that one message', async () => {
		const password = 'wrong-password-77';
		const result = await runWorkflow({
			items: sandbox.aqua.ordersFor(sandbox.generator.orders(120)),
			nodes: [
				{
					name: 'Aqua',
					type: 'aquaDelivery',
					parameters: { resource: 'order', operation: 'import', options: { batchSize: 50, concurrency: 2 } },
					credentials: ['aquaDeliveryApi'],
					onError: 'continueErrorOutput',
				},
			],
			credentials: {
				aquaDeliveryApi: { baseUrl: sandbox.url, signInMethod: 'login', login: sandbox.aqua.login, password, sessionToken: '' },
			},
		});

		expect(sandbox.log.forRoute('aqua.login')).toHaveLength(1);
		expect(sandbox.log.forRoute('aqua.import')).toHaveLength(0);
		const errors = result.output('Aqua', 1);
		expect(errors).toHaveLength(120);
		expect(new Set(errors.map((item) => item.json.error))).toEqual(new Set([expect.stringContaining('check the login and password')]));
		expect(new Set(errors.map((item) => (item.json.details as IDataObject).errorKind))).toEqual(new Set(['rejected']));
		expect(JSON.stringify(result.run.data)).not.toContain(password);
	});

	it('a sign-in Aqua cannot take now (503) is tried again, not taken for a wrong password', async () => {
		sandbox.reset();
		sandbox.addFault({ route: 'aqua.login', kind: 'status', status: 503, times: 1 });
		const result = await runWorkflow({
			items: sandbox.aqua.ordersFor(sandbox.generator.orders(3)),
			nodes: [
				{
					name: 'Aqua',
					type: 'aquaDelivery',
					parameters: { resource: 'order', operation: 'import', options: { retry: { settings: { maxAttempts: 3, maxTotalWaitSeconds: 5 } } } },
					credentials: ['aquaDeliveryApi'],
					onError: 'continueErrorOutput',
				},
			],
			credentials: {
				aquaDeliveryApi: { baseUrl: sandbox.url, signInMethod: 'login', login: sandbox.aqua.login, password: sandbox.aqua.password, sessionToken: '' },
			},
		});

		expect(sandbox.log.forRoute('aqua.login').map((entry) => entry.status)).toEqual([503, 200]);
		expect(result.output('Aqua', 1)).toEqual([]);
		expect(result.output('Aqua', 0)).toHaveLength(3);
	});
});

