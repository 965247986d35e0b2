import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { createFromItems, itemOrder, runSaleApp, sentForms } from './helpers';

/** One-second timeout, three attempts, short waits: the guard is what is tested, not patience. */
const fastRetry = { timeoutSeconds: 1, retry: { settings: { maxAttempts: 3, maxTotalWaitSeconds: 5 } } };

describe('SaleApp node: a create that succeeds on the server but never answers', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	// "Skip if External ID Exists" is off so that the first call is the create the fault hits.
	it.each(['commitThenStall', 'commitThenReset'] as const)(
		'%s: looks the external id up before retrying and creates exactly one order',
		async (kind) => {
			sandbox.addFault({ route: 'saleapp.orders', kind, times: 1 });
			const { ok, failed } = await runSaleApp(sandbox, {
				kind: 'counterparty',
				items: [itemOrder('LOST-1')],
				parameters: createFromItems('counterparty', { ...fastRetry, skipIfExists: false }),
			});
			expect(failed).toEqual([]);
			const stored = sandbox.saleapp.byExternalId('LOST-1');
			expect(stored).toHaveLength(1);
			expect(ok[0].json).toMatchObject({ create_id: stored[0].id, external_id: 'LOST-1', alreadyExisted: false });
			expect(sentForms(sandbox).map((form) => form.method_type)).toEqual(['POST', 'GET']);
		},
	);

	it('retries the create when the lookup shows it did not go through (502 before any work)', async () => {
		sandbox.addFault({ route: 'saleapp.orders', kind: 'status', status: 502, retryAfter: 0, times: 1 });
		const { ok } = await runSaleApp(sandbox, {
			kind: 'organisation',
			items: [itemOrder('GW-1')],
			parameters: createFromItems('organisation', { ...fastRetry, skipIfExists: false }),
		});
		expect(sandbox.saleapp.byExternalId('GW-1')).toHaveLength(1);
		expect(ok[0].json.create_id).toBe(sandbox.saleapp.byExternalId('GW-1')[0].id);
		expect(sentForms(sandbox).map((form) => form.method_type)).toEqual(['POST', 'GET', 'POST']);
	});

	it('finds the order after the last attempt too (retry off)', async () => {
		sandbox.addFault({ route: 'saleapp.orders', kind: 'commitThenStall', times: 1 });
		const { ok, failed } = await runSaleApp(sandbox, {
			kind: 'organisation',
			items: [itemOrder('LAST-1')],
			parameters: createFromItems('organisation', {
				timeoutSeconds: 1,
				retry: { settings: { maxAttempts: 1, maxTotalWaitSeconds: 0 } },
				skipIfExists: false,
			}),
		});
		expect(failed).toEqual([]);
		expect(sandbox.saleapp.byExternalId('LAST-1')).toHaveLength(1);
		expect(ok[0].json.create_id).toBe(sandbox.saleapp.byExternalId('LAST-1')[0].id);
	});

	it('does not send an order without external id again: it reports that it may have been created', async () => {
		sandbox.addFault({ route: 'saleapp.orders', kind: 'commitThenStall', times: 1 });
		const { ok, failed } = await runSaleApp(sandbox, {
			kind: 'counterparty',
			items: [itemOrder('', { external_id: undefined })],
			parameters: createFromItems('counterparty', fastRetry),
		});
		expect(ok).toEqual([]);
		expect(failed[0].json.error).toBe(
			'SaleApp: create order failed: no answer within 1 s. The order may have been created; it was not sent again because it has no external ID to check',
		);
		expect(sandbox.saleapp.orders.size).toBe(1);
		expect(sentForms(sandbox, 'POST')).toHaveLength(1);
	});

	it('with the guard on, a cut-off lookup is repeated and finds the existing order: nothing is created', async () => {
		const { ok } = await runSaleApp(sandbox, {
			kind: 'organisation',
			items: [itemOrder('BOTH-1')],
			parameters: createFromItems('organisation', fastRetry),
		});
		expect(ok[0].json.alreadyExisted).toBe(false);
		sandbox.log.clear();
		sandbox.addFault({ route: 'saleapp.orders', kind: 'commitThenReset', times: 1 });
		const again = await runSaleApp(sandbox, {
			kind: 'organisation',
			items: [itemOrder('BOTH-1')],
			parameters: createFromItems('organisation', fastRetry),
		});
		expect(again.ok[0].json).toMatchObject({ alreadyExisted: true, create_id: ok[0].json.create_id });
		expect(sandbox.saleapp.byExternalId('BOTH-1')).toHaveLength(1);
		expect(sentForms(sandbox, 'POST')).toEqual([]);
	});
});

describe('SaleApp node: a delete that happens on the server but never answers', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.stop());

	it('checks that the order is gone instead of sending the delete again and reporting "not found"', async () => {
		const order = sandbox.saleapp.seedOrder({ statusId: 0 });
		sandbox.addFault({ route: 'saleapp.orders', kind: 'commitThenReset', times: 1 });
		const { ok, failed } = await runSaleApp(sandbox, {
			kind: 'organisation',
			parameters: { operation: 'delete', findBy: 'id', orderId: order.id, options: fastRetry },
		});
		expect(failed).toEqual([]);
		expect(ok[0].json.deleted).toEqual([order.id]);
		expect(sandbox.saleapp.orders.has(order.id)).toBe(false);
		expect(sentForms(sandbox).map((form) => form.method_type)).toEqual(['DELETE', 'GET']);
	});

	it('remembers the SaleApp ID of each order it created, by external ID, and can forget it', async () => {
		const staticData = {};
		await runSaleApp(sandbox, {
			kind: 'counterparty',
			items: [itemOrder('REC-1'), itemOrder('REC-2')],
			parameters: createFromItems('counterparty'),
			staticData,
		});
		const listed = await runSaleApp(sandbox, { kind: 'counterparty', parameters: { operation: 'getRemembered' }, staticData });
		expect(listed.ok.map((item) => [item.json.orderId, item.json.receiverId, item.json.state])).toEqual(
			['REC-1', 'REC-2'].map((id) => [id, String(sandbox.saleapp.byExternalId(id)[0].id), 'imported']),
		);

		await runSaleApp(sandbox, { kind: 'counterparty', parameters: { operation: 'forget', recordOrderId: 'REC-1' }, staticData });
		const after = await runSaleApp(sandbox, { kind: 'counterparty', parameters: { operation: 'getRemembered' }, staticData });
		expect(after.ok.map((item) => item.json.orderId)).toEqual(['REC-2']);
	});

	it('passes over an order created before and unchanged since, without asking SaleApp', async () => {
		const staticData = {};
		const create = (receiverName: string) =>
			runSaleApp(sandbox, {
				kind: 'counterparty',
				items: [itemOrder('SAME-1', { receiver_name: receiverName })],
				parameters: createFromItems('counterparty'),
				staticData,
			});
		const first = await create('Ірина Коваль');
		const requestsAfterFirst = sentForms(sandbox).length;
		const again = await create('Ірина Коваль');

		expect(sentForms(sandbox)).toHaveLength(requestsAfterFirst);
		// The same id, of the same type, as when the order was created.
		expect(again.ok[0].json).toMatchObject({ external_id: 'SAME-1', skipped: 'unchanged', create_id: first.ok[0].json.create_id, saleAppId: first.ok[0].json.saleAppId });
		expect(String(again.ok[0].json.create_id)).toBe(String(sandbox.saleapp.byExternalId('SAME-1')[0].id));

		const changed = await create('Ірина Коваль-Шевчук');
		expect(sentForms(sandbox).length).toBeGreaterThan(requestsAfterFirst);
		expect(changed.ok[0].json.skipped).toBeUndefined();
		expect(sandbox.saleapp.byExternalId('SAME-1')).toHaveLength(1);
	});

	it('passes over the same update sent again, and sends it when Skip Unchanged Updates is off', async () => {
		const order = sandbox.saleapp.seedOrder({ receiverName: 'Стара Назва', city: 'Київ', cityRef: 'c-1' });
		const staticData = {};
		const update = (options: object = {}) =>
			runSaleApp(sandbox, {
				kind: 'counterparty',
				parameters: { operation: 'update', findBy: 'id', orderId: order.id, updateFields: { receiverName: 'Нова Назва' }, options },
				staticData,
			});
		await update();
		const second = await update();
		expect(sentForms(sandbox, 'PUT')).toHaveLength(1);
		expect(second.ok[0].json).toMatchObject({ updated: false, skipped: 'unchanged', id: order.id });

		await update({ skipUnchanged: false });
		expect(sentForms(sandbox, 'PUT')).toHaveLength(2);
	});
});
