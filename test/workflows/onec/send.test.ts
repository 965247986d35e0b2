import type { IDataObject } from 'n8n-workflow';

import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { runWorkflow } from '../../harness/runWorkflow';

describe('1C Orders: send orders to the HTTP service on the real engine', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ seed: 11 });
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	const credentials = (overrides: IDataObject = {}) => ({
		serverUrl: `${sandbox.url}/`,
		publication: 'demodelivery',
		user: 'Менеджер',
		password: 'Секрет-1С',
		ignoreSslIssues: false,
		...overrides,
	});

	const orders = (count: number) => sandbox.aqua.ordersFor(sandbox.generator.orders(count)) as IDataObject[];

	const send = (items: IDataObject[], extra: { credentials?: IDataObject; parameters?: IDataObject; options?: IDataObject } = {}) =>
		runWorkflow({
			items,
			nodes: [
				{
					name: '1C',
					type: 'oneCOrders',
					parameters: {
						resource: 'order',
						operation: 'send',
						...extra.parameters,
						options: { retry: { settings: { maxAttempts: 2, maxTotalWaitSeconds: 2 } }, ...extra.options },
					},
					credentials: ['oneCApi'],
					onError: 'continueErrorOutput',
				},
			],
			credentials: { oneCApi: credentials(extra.credentials) as never },
		});

	const serviceCalls = () => sandbox.log.forRoute('onec.service');

	it('signs in with a Cyrillic user (UTF-8 Basic auth) and returns the orders 1C stored', async () => {
		const input = orders(3);
		const result = await send(input, { options: { batchSize: 2 } });

		expect(result.output('1C', 1)).toEqual([]);
		expect(result.output('1C', 0).map((item) => [item.json.external_id, item.pairedItem])).toEqual(
			input.map((order, i) => [order.id, { item: i }]),
		);
		expect(serviceCalls().map((entry) => [entry.path, entry.auth, entry.status])).toEqual([
			['/demodelivery/hs/AquaDeliveri/getOrdersURL', 'Basic Менеджер', 200],
			['/demodelivery/hs/AquaDeliveri/getOrdersURL', 'Basic Менеджер', 200],
		]);
		expect(sandbox.onec.orders.size).toBe(3);
	});

	it('sends the 1C line ids and leaves out ask_for_checkout, which 1C does not take', async () => {
		const [order] = orders(1);
		const lines = order.order_item_list as IDataObject[];
		lines[0].id = 'a1b2c3-line';
		const result = await send([{ ...order, ask_for_checkout: 'bill' }]);

		const [sent] = serviceCalls()[0].body as IDataObject[];
		expect(sent).not.toHaveProperty('ask_for_checkout');
		expect((sent.order_item_list as IDataObject[])[0].id).toBe('a1b2c3-line');
		expect(result.output('1C', 0)).toHaveLength(1);
	});

	it('an order 1C stores with an empty line in place of an unknown product goes to the error output naming it', async () => {
		const [order] = orders(1);
		order.order_item_list = [{ product_id: 'UNKNOWN-1', price: 10, quantity: 1 }, { product_id: 'WTR-19', price: 150, quantity: 1 }];
		const result = await send([order]);

		expect(result.output('1C', 0)).toEqual([]);
		const [failed] = result.output('1C', 1);
		const oneCId = sandbox.onec.orders.get(String(order.id))!.id;
		expect(failed.json.error).toBe(
			`1C imported order ${order.id} as ${oneCId} without 1 of its 2 lines: UNKNOWN-1 × 1 (1C does not know this product). ` +
				`Fix the product IDs and send the order again: it goes as an update of ${oneCId}`,
		);
		expect(failed.json.details).toMatchObject({ errorKind: 'lines_dropped', receiverId: oneCId, droppedLines: [{ product_id: 'UNKNOWN-1' }] });
		expect((sandbox.onec.orders.get(String(order.id))!.order_item_list as IDataObject[])[0]).toEqual({
			id: null, product_id: null, name: '', quantity: 1, price: 10,
		});
	});

	it('with Accept Orders With Dropped Lines, such an order goes on with a note', async () => {
		const [order] = orders(1);
		order.order_item_list = [{ product_id: 'UNKNOWN-1', price: 10, quantity: 1 }, { product_id: 'WTR-19', price: 150, quantity: 1 }];
		const result = await send([order], { options: { acceptDroppedLines: true } });

		const [stored] = result.output('1C', 0);
		expect(stored.json.note).toContain('without 1 of its 2 lines: UNKNOWN-1 × 1');
		expect(stored.json.droppedLines).toEqual([expect.objectContaining({ product_id: 'UNKNOWN-1', quantity: 1 })]);
	});

	it('reads answers that start with a BOM', async () => {
		sandbox.onec.bom = true;
		const result = await send(orders(2));

		expect(result.output('1C', 0)).toHaveLength(2);
		expect(result.output('1C', 1)).toEqual([]);
	});

	it('says the credentials were refused on a 401, without showing the password', async () => {
		const result = await send(orders(2), { credentials: { password: 'неверный-пароль' } });

		const errors = result.output('1C', 1);
		expect(errors.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(errors[0].json.error).toBe('1C: import 2 orders failed (HTTP 401): the credentials were refused; check them in the credential');
		expect(JSON.stringify(result.run.data)).not.toContain('неверный-пароль');
	});

	it('turns the web server\'s HTML 404 for a wrong publication into a readable message', async () => {
		const result = await send(orders(1), { credentials: { publication: 'demo' } });

		const [error] = result.output('1C', 1);
		expect(error.json.error).toMatch(/^1C: import 1 order failed \(HTTP 404\): ".*404 - File or directory not found\./);
		expect(String(error.json.error).split('404 - File or directory not found.')).toHaveLength(2);
		expect(error.json.error).toMatch(
			/; check the Server URL and Publication Name in the credential, and the HTTP Service and Service Method URL on the node$/,
		);
		expect(error.json.error).not.toContain('<');
	});

	it('does not repeat new orders after a gateway\'s HTML 502 (1C may have taken them): each is outcome unknown', async () => {
		sandbox.addFault({ route: 'onec.service', kind: 'html', status: 502, times: 1 });
		const result = await send(orders(2));

		expect(serviceCalls().map((entry) => entry.status)).toEqual([502]);
		expect(result.output('1C', 1).map((item) => (item.json.details as IDataObject).errorKind)).toEqual(['outcome_unknown', 'outcome_unknown']);
	});

	it('retries a gateway\'s HTML 502 page for orders that carry 1C\'s id, and then sends them', async () => {
		const input = orders(2);
		const first = await send(input);
		const withIds = input.map((order, i) => ({ ...order, external_id: first.output('1C', 0)[i].json.id }));
		sandbox.log.clear();
		sandbox.addFault({ route: 'onec.service', kind: 'html', status: 502, times: 1 });
		const result = await send(withIds);

		expect(serviceCalls().map((entry) => entry.status)).toEqual([502, 200]);
		expect(result.output('1C', 0)).toHaveLength(2);
		expect(sandbox.onec.orders.size).toBe(2);
	});

	it('says an HTML page answered with 200 is not JSON, showing its text and not its markup', async () => {
		sandbox.addFault({ route: 'onec.service', kind: 'html', status: 200, times: 1 });
		const result = await send(orders(1));

		expect(result.output('1C', 1)[0].json.error).toBe(
			'1C: import 1 order failed (HTTP 200): the answer is not JSON: "502 Bad Gateway nginx"',
		);
	});

	it('shows the text of a 500 the 1C service answers, without retrying it', async () => {
		sandbox.onec.serviceError = '{ОбщийМодуль.Обмен.Модуль(12)}: Деление на 0';
		const result = await send(orders(2));

		expect(serviceCalls()).toHaveLength(1);
		const errors = result.output('1C', 1);
		expect(errors).toHaveLength(2);
		expect(errors[0].json.error).toBe(
			'1C: import 2 orders failed (HTTP 500): "{ОбщийМодуль.Обмен.Модуль(12)}: Деление на 0"; it was not sent again, as 1C may have done it already',
		);
	});

	it('uses the service and method names given on the node', async () => {
		sandbox.onec.service = 'Обмен';
		sandbox.onec.method = 'Заказы';
		const result = await send(orders(1), { parameters: { service: 'Обмен', method: 'Заказы' } });

		expect(result.output('1C', 0)).toHaveLength(1);
		expect(serviceCalls()[0].path).toBe('/demodelivery/hs/Обмен/Заказы');
	});

	it('rejects invalid orders before sending; a client 1C knows by id needs no name or phone', async () => {
		const input = orders(3);
		(input[0].shipping_address as IDataObject).str = '';
		input[1].client = { id: 'client-7' };
		const result = await send(input);

		expect((serviceCalls()[0].body as IDataObject[]).map((order) => order.id)).toEqual([input[1].id, input[2].id]);
		const errors = result.output('1C', 1);
		expect(errors.map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
		expect(errors[0].json.error).toBe(
			`Order ${input[0].id} is not valid, so it was not sent to 1C: shipping_address.str: is required and must not be empty`,
		);
		expect(result.output('1C', 0).map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 2 }]);
	});
});
