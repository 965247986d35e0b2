import type { IDataObject } from 'n8n-workflow';

import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { runWorkflow } from '../../harness/runWorkflow';

type Credentials = Record<string, string>;

describe('Aqua Delivery: import orders on the real engine', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ seed: 7 });
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	const signIn = (): Credentials => ({
		baseUrl: sandbox.url,
		signInMethod: 'login',
		login: sandbox.aqua.login,
		password: sandbox.aqua.password,
		sessionToken: '',
	});

	const orders = (count: number) => sandbox.aqua.ordersFor(sandbox.generator.orders(count)) as IDataObject[];

	const importRun = (
		items: IDataObject[],
		options: IDataObject = {},
		extra: { onError?: 'continueErrorOutput'; credentials?: Credentials; parameters?: IDataObject; staticData?: IDataObject } = {},
	) =>
		runWorkflow({
			items,
			nodes: [
				{
					name: 'Aqua',
					type: 'aquaDelivery',
					parameters: {
						resource: 'order',
						operation: 'import',
						...extra.parameters,
						options: { retry: { settings: { maxAttempts: 3, maxTotalWaitSeconds: 5 } }, ...options },
					},
					credentials: ['aquaDeliveryApi'],
					onError: 'onError' in extra ? extra.onError : 'continueErrorOutput',
				},
			],
			credentials: { aquaDeliveryApi: extra.credentials ?? signIn() },
			staticData: extra.staticData,
		});

	const importRequests = () => sandbox.log.forRoute('aqua.import');
	const sentIds = () =>
		importRequests().flatMap((entry) => (Array.isArray(entry.body) ? entry.body : []).map((order: IDataObject) => order.id));

	/** Every input item ends in exactly one output, and each output item is paired to its input. */
	const expectEachOnce = (result: Awaited<ReturnType<typeof importRun>>, count: number) => {
		const paired = [...result.output('Aqua', 0), ...result.output('Aqua', 1)].map(
			(item) => (item.pairedItem as { item: number }).item,
		);
		expect(paired.sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => i));
	};

	it('imports every order, signs in once and returns Aqua\'s order with its id and local times', async () => {
		const input = orders(5);
		const result = await importRun(input, { batchSize: 2 });

		const main = result.output('Aqua', 0);
		expect(result.output('Aqua', 1)).toEqual([]);
		expect(main.map((item) => [item.json.external_id, item.pairedItem])).toEqual(
			input.map((order, i) => [order.id, { item: i }]),
		);
		expect(new Set(main.map((item) => item.json.id)).size).toBe(5);
		expect(main[0].json.id).toBe(sandbox.aqua.orders.get(String(input[0].id))!.id);
		const sentFrom = String(input[0].shipping_date_from);
		expect(main[0].json.shipping_date_from).toBe(
			new Date(Date.parse(sentFrom) + 3 * 3_600_000).toISOString().slice(0, 19).replace('T', ' '),
		);
		expect(importRequests().map((entry) => (entry.body as unknown[]).length)).toEqual([2, 2, 1]);
		expect(sandbox.log.forRoute('aqua.login')).toHaveLength(1);
		expect(new Set(importRequests().map((entry) => entry.auth))).toEqual(new Set([expect.stringMatching(/^Bearer aqua-session-/)]));
	});

	it('remembers Aqua\'s id and sends it back as external_id on the next run, so Aqua updates the order', async () => {
		const [order] = orders(1);
		const staticData = {};
		const first = await importRun([order], {}, { staticData });
		const second = await importRun([{ ...order, status: 'completed' }], {}, { staticData });

		const aquaId = first.output('Aqua', 0)[0].json.id;
		expect((importRequests()[1].body as IDataObject[])[0].external_id).toBe(Number(aquaId));
		expect(second.output('Aqua', 0)[0].json.id).toBe(aquaId);
		expect(sandbox.aqua.orders.size).toBe(1);
		expect(sandbox.aqua.orders.get(String(order.id))!.status).toBe('completed');
	});

	it('answers in Aqua\'s own words: its order and product ids, and "approved" for a new order', async () => {
		const [order] = orders(1);
		const result = await importRun([order]);

		const [stored] = result.output('Aqua', 0);
		expect(order.status).toBe('new');
		expect(stored.json.status).toBe('approved');
		const sentProducts = (order.order_item_list as IDataObject[]).map((line) => line.product_id);
		for (const line of stored.json.order_item_list as IDataObject[]) expect(sentProducts).not.toContain(line.product_id);
	});

	it('without the record, an order sent again is a second order in Aqua (the seed promises no more)', async () => {
		const [order] = orders(1);
		await importRun([order], { remember: false });
		await importRun([order], { remember: false });

		expect(sandbox.aqua.orders.size).toBe(2);
		expect(sandbox.aqua.orders.duplicates()).toBe(1);
	});

	it('sends the rest of a batch to the main output when Aqua rejects some of its orders', async () => {
		const input = orders(4);
		input[1].order_item_list = [{ product_id: 'NO-SUCH-PRODUCT', price: 10, quantity: 1 }];
		input[2].coins = 500;
		sandbox.aqua.omitResultsFor.add(String(input[3].id));

		const result = await importRun(input, { batchSize: 10 });

		expect(importRequests()).toHaveLength(1);
		expect(result.output('Aqua', 0).map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
		const errors = result.output('Aqua', 1);
		expect(errors.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 2 }, { item: 3 }]);
		expect(errors[0].json.error).toBe(
			`Aqua Delivery rejected order ${input[1].id}: order_item_list: Ни один товар заказа не найден в системе.`,
		);
		expect(errors[1].json.error).toContain(`Aqua Delivery rejected order ${input[2].id}: coins: Недостаточно баллов`);
		expect(errors[2].json.error).toContain(`Aqua Delivery sent no result for order ${input[3].id}`);
		// The error item keeps the order, so it can be fixed and sent again.
		expect(errors[1].json).toMatchObject({ id: input[2].id, coins: 500 });
		expectEachOnce(result, 4);
	});

	it("outputs each order's answer with the client cut down to its IDs, and the whole answer with Full Answer", async () => {
		const input = orders(2);
		const trimmed = (await importRun(input)).output('Aqua', 0);
		const stored = sandbox.aqua.orders.get(String(input[0].id))!;
		expect(trimmed[0].json).toMatchObject({ orderId: input[0].id, aquaId: String(stored.id), status: stored.status });
		expect(trimmed[0].json.client).toEqual({ id: (stored.client as IDataObject).id, external_id: (stored.client as IDataObject).external_id });
		expect(trimmed[0].json.order_item_list).toEqual(stored.order_item_list);

		sandbox.reset();
		const full = (await importRun(input, { fullAnswer: true })).output('Aqua', 0);
		expect(full[0].json.client).toMatchObject({ username: (input[0].client as IDataObject).username, coins_amount: expect.any(Number) });
	});

	it('debits coins from the client\'s balance when it is enough', async () => {
		const [order] = orders(1);
		const client = order.client as IDataObject;
		sandbox.aqua.balances.set(String(client.phone), 800);
		const result = await importRun([{ ...order, coins: 300 }]);

		expect(result.output('Aqua', 0)).toHaveLength(1);
		expect(sandbox.aqua.balances.get(String(client.phone))).toBe(500);
	});

	it('never sends invalid orders and names every bad field', async () => {
		const input = orders(4);
		input[0].status = 'shipped';
		(input[0].order_item_list as IDataObject[])[0].price = 12.345;
		(input[0].shipping_address as IDataObject).house = '12345678901';
		input[1].ask_for_checkout = 'invoice';
		input[1].client = { username: 'Іван Петренко' };
		input[2].order_item_list = [];

		const result = await importRun(input);

		expect(sentIds()).toEqual([input[3].id]);
		const errors = result.output('Aqua', 1);
		expect(errors.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(errors[0].json.error).toBe(
			`Order ${input[0].id} is not valid, so it was not sent to Aqua Delivery: ` +
				'status: must be one of new, approved, completed, removed; ' +
				'order_item_list.0.price: must have at most 2 decimal places (decimal(10,2)); ' +
				'shipping_address.house: must be at most 10 characters',
		);
		expect(errors[1].json.error).toContain('ask_for_checkout: must be one of bill, agreement');
		expect(errors[1].json.error).toContain('client.phone: is required for a client Aqua does not know yet');
		expect(errors[2].json.error).toContain('order_item_list: must contain at least one line');
		expect((errors[0].json.details as IDataObject).problems).toHaveLength(3);
		expectEachOnce(result, 4);
	});

	it('sends an order id only once per run: the second item with the same id is an error', async () => {
		const [a, b] = orders(2);
		const result = await importRun([a, b, { ...a, comment: 'again' }]);

		expect(sentIds()).toEqual([a.id, b.id]);
		const [duplicate] = result.output('Aqua', 1);
		expect(duplicate.pairedItem).toEqual({ item: 2 });
		expect(duplicate.json.error).toBe(`Order ${a.id} appears again in this run (first in item 1); only the first one is sent`);
	});

	it('stops before sending anything when an order is invalid and the node does not continue on error', async () => {
		const input = orders(3);
		input[1].total = 'a lot';
		const result = await importRun(input, {}, { onError: undefined });

		expect(importRequests()).toHaveLength(0);
		const error = result.nodeError('Aqua') as Error & { context?: { itemIndex?: number } };
		expect(error.message).toContain(`Order ${input[1].id} is not valid`);
		expect(error.message).toContain('total: must be a number');
		expect(error.context?.itemIndex).toBe(1);
	});

	it('retries a batch answered 503 and imports it on the next attempt', async () => {
		sandbox.addFault({ route: 'aqua.import', kind: 'status', status: 503, retryAfter: 0, times: 1 });
		const result = await importRun(orders(3));

		expect(importRequests().map((entry) => entry.status)).toEqual([503, 200]);
		expect(result.output('Aqua', 0)).toHaveLength(3);
		expect(result.output('Aqua', 1)).toEqual([]);
	});

	it('waits as told by Retry-After after a 429 and then imports', async () => {
		sandbox.addFault({ route: 'aqua.import', kind: 'status', status: 429, retryAfter: 1, times: 1 });
		const result = await importRun(orders(2));

		expect(importRequests().map((entry) => entry.status)).toEqual([429, 200]);
		expect(result.output('Aqua', 0)).toHaveLength(2);
	});

	it('sends every order of a batch that fails after all retries to the error output, and goes on with the others', async () => {
		sandbox.addFault({ route: 'aqua.import', kind: 'status', status: 503, retryAfter: 0, times: 2 });
		const input = orders(5);
		const result = await importRun(input, { batchSize: 2, concurrency: 1, retry: { settings: { maxAttempts: 2, maxTotalWaitSeconds: 5 } } });

		const errors = result.output('Aqua', 1);
		expect(errors.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(errors[0].json.error).toBe(
			'Aqua Delivery: import 2 orders failed (HTTP 503): "Service temporarily unavailable" (gave up after 2 attempts)',
		);
		expect(errors[0].json).toMatchObject({ id: input[0].id, details: { orderId: input[0].id, httpCode: '503' } });
		expect(result.output('Aqua', 0).map((item) => item.pairedItem)).toEqual([{ item: 2 }, { item: 3 }, { item: 4 }]);
	});

	it('sends every order to the error output when Aqua refuses the whole import', async () => {
		sandbox.aqua.refuseImports = 'Аккаунт заблокирован';
		const result = await importRun(orders(3));

		expect(result.output('Aqua', 0)).toEqual([]);
		expect(result.output('Aqua', 1).map((item) => [item.json.error, item.pairedItem])).toEqual([
			['Aqua Delivery refused the whole batch of 3: Аккаунт заблокирован', { item: 0 }],
			['Aqua Delivery refused the whole batch of 3: Аккаунт заблокирован', { item: 1 }],
			['Aqua Delivery refused the whole batch of 3: Аккаунт заблокирован', { item: 2 }],
		]);
	});

	it('reports an answer that is not JSON for each order of the batch', async () => {
		sandbox.addFault({ route: 'aqua.import', kind: 'invalidJson', times: 1 });
		const result = await importRun(orders(2));

		expect(result.output('Aqua', 1).map((item) => item.json.error)).toEqual([
			'Aqua Delivery: import 2 orders failed (HTTP 200): the answer is not JSON: "{"success": tru"',
			'Aqua Delivery: import 2 orders failed (HTTP 200): the answer is not JSON: "{"success": tru"',
		]);
	});

	it('without "continue on error" stops at the first failed batch and starts no more', async () => {
		sandbox.addFault({ route: 'aqua.import', kind: 'status', status: 503, retryAfter: 0, times: 2 });
		const result = await importRun(orders(6), { batchSize: 2, concurrency: 1, retry: { settings: { maxAttempts: 2, maxTotalWaitSeconds: 5 } } }, { onError: undefined });

		expect(importRequests()).toHaveLength(2);
		const error = result.nodeError('Aqua') as Error & { context?: { itemIndex?: number } };
		expect(error.message).toContain('HTTP 503');
		expect(error.context?.itemIndex).toBe(0);
	});

	it('signs in again when the session token expired, and stores the new token', async () => {
		sandbox.addFault({ route: 'aqua.import', kind: 'tokenExpired', times: 1 });
		const result = await importRun(orders(2));

		expect(result.output('Aqua', 0)).toHaveLength(2);
		expect(sandbox.log.forRoute('aqua.login')).toHaveLength(2);
		expect(importRequests().map((entry) => entry.status)).toEqual([401, 200]);
		expect(result.credentialsHelper.updates.get('aquaDeliveryApi')).toBe(2);
	});

	it('sends a ready API token as it is, without signing in', async () => {
		const result = await importRun(orders(1), {}, {
			credentials: { baseUrl: `${sandbox.url}/v1/`, signInMethod: 'token', apiToken: 'aqua-api-token', sessionToken: '' },
		});

		expect(result.output('Aqua', 0)).toHaveLength(1);
		expect(sandbox.log.forRoute('aqua.login')).toHaveLength(0);
		expect(importRequests()[0].auth).toBe('Bearer aqua-api-token');
	});

	it('says clearly that a refused token is a credential problem, without showing the token', async () => {
		const token = 'wrong-token-1234567';
		const result = await importRun(orders(2), {}, {
			credentials: { baseUrl: sandbox.url, signInMethod: 'token', apiToken: token, sessionToken: '' },
		});

		const errors = result.output('Aqua', 1);
		expect(errors).toHaveLength(2);
		expect(errors[0].json.error).toBe(
			'Aqua Delivery: import 2 orders failed (HTTP 401): the credentials were refused; check them in the credential',
		);
		expect(JSON.stringify(result.run.data)).not.toContain(token);
	});

	it('fails with a sign-in message naming the login and password when they are wrong', async () => {
		const password = 'not-the-password-9';
		const result = await importRun(orders(1), {}, { credentials: { ...signIn(), password } });

		const errors = result.output('Aqua', 1);
		expect(errors).toHaveLength(1);
		expect(errors[0].json.error).toContain('check the login and password');
		expect(importRequests()).toHaveLength(0);
		expect(JSON.stringify(result.run.data)).not.toContain(password);
	});

	it.each([
		[1, 1],
		[3, 1],
		[4, 2],
	])('sends %i orders with batch size 3 in %i request(s), each order once', async (count, requests) => {
		const input = orders(count);
		const result = await importRun(input, { batchSize: 3 });

		expect(importRequests()).toHaveLength(requests);
		expect(sentIds().sort()).toEqual(input.map((order) => order.id).sort());
		expect(result.output('Aqua', 0)).toHaveLength(count);
		expectEachOnce(result, count);
	});

	it('imports 1,000 orders in ceil(1000 / batch size) requests', async () => {
		const input = orders(1000);
		const result = await importRun(input, { batchSize: 50, concurrency: 4 });

		expect(importRequests()).toHaveLength(20);
		expect(result.output('Aqua', 0)).toHaveLength(1000);
		expect(sandbox.aqua.orders.size).toBe(1000);
		expectEachOnce(result, 1000);
	});

	it('with Validate Only checks the orders and sends nothing', async () => {
		const input = orders(3);
		input[2].status = 'lost';
		const result = await importRun(input, { validateOnly: true });

		expect(importRequests()).toHaveLength(0);
		expect(sandbox.log.forRoute('aqua.login')).toHaveLength(0);
		expect(result.output('Aqua', 0).map((item) => item.json.id)).toEqual([input[0].id, input[1].id]);
		expect(result.output('Aqua', 1).map((item) => item.pairedItem)).toEqual([{ item: 2 }]);
	});

	it('builds orders from the form fields with expressions', async () => {
		const items = [
			{ number: 'A-1', sum: 300, name: 'Олена Мельник', phone: '380671234567', lines: [{ sku: 'WTR-19', price: 150, qty: 2 }] },
			{ number: 'A-2', sum: 65, name: 'Іван Бондар', phone: '380501112233', lines: [] },
		];
		const result = await importRun(items, {}, {
			parameters: {
				orderSource: 'fields',
				orderId: '={{ $json.number }}',
				status: 'new',
				total: '={{ $json.sum }}',
				shippingDateFrom: '2026-11-20T10:00:00',
				shippingDateTo: '2026-11-20T14:00:00',
				clientName: '={{ $json.name }}',
				clientPhone: '={{ $json.phone }}',
				city: 'Київ',
				street: 'вул. Хрещатик',
				house: '22',
				addressLine: 'Київ, вул. Хрещатик, 22',
				lines: '={{ $json.lines.map(l => ({ product_id: l.sku, price: l.price, quantity: l.qty })) }}',
				additionalFields: { askForCheckout: 'bill', comment: 'Домофон 22' },
			},
		});

		const [sent] = importRequests()[0].body as IDataObject[];
		expect(sent).toMatchObject({
			id: 'A-1',
			total: 300,
			ask_for_checkout: 'bill',
			comment: 'Домофон 22',
			shipping_date_from: '2026-11-20T10:00:00+02:00',
			client: { username: 'Олена Мельник', phone: '380671234567' },
			order_item_list: [{ product_id: 'WTR-19', price: 150, quantity: 2 }],
		});
		expect(result.output('Aqua', 0)).toHaveLength(1);
		expect(result.output('Aqua', 1)[0].json.error).toContain('Order A-2 is not valid');
		expect(result.output('Aqua', 1)[0].json.error).toContain('order_item_list: must contain at least one line');
	});

	it('answers n8n\'s "Custom API Call" entry by pointing at the HTTP Request node with this credential', async () => {
		const result = await importRun(orders(1), {}, { onError: undefined, parameters: { operation: '__CUSTOM_API_CALL__' } });

		const error = result.nodeError('Aqua') as Error & { description?: string };
		expect(error.message).toBe("Custom API calls are made with n8n's HTTP Request node");
		expect(error.description).toContain('"Predefined Credential Type" and pick "Aqua Delivery API"');
		expect(importRequests()).toHaveLength(0);
	});
});
