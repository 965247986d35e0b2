import { itemsOf, ordersSentToAqua } from '../environment';
import type { E2eEnvironment } from '../environment';
import type { TemplateHarness } from '../harness';
import { nodeOf } from '../../../scripts/n8n/templates';

type Json = Record<string, unknown>;

const HOUR = 3_600_000;
/** The Horoshop -> Aqua status defaults the template relies on (no Status Map set). */
const AQUA_STATUS: Record<number, string> = { 1: 'new', 2: 'approved', 6: 'approved', 3: 'completed', 4: 'removed' };

function unknownProductOrder(): Json {
	return {
		products: [
			{
				title: 'Товар, якого немає в таблиці',
				article: 'NOPE-1',
				price: 100,
				quantity: 1,
				discount_marker: 'NONE',
				storage_id: 9001,
				parent_storage_id: null,
				total_price: 100,
			},
		],
		total_default: 100,
		total_sum: 100,
		total_quantity: 1,
		delivery_price: 0,
	};
}

/** Each scheduled template reads the shop and calls its sub-workflow, which sends and remembers. */
const AQUA_IMPORT = 'aqua-import-subworkflow.json';
const SALEAPP_CREATE = 'saleapp-create-subworkflow.json';

/**
 * The scheduled templates (Horoshop -> Aqua, Horoshop -> SaleApp, each with its sub-workflow) run
 * against the sandbox, and what a user would check afterwards in each system; `harness` says how
 * n8n runs them.
 */
export function describeScheduledTemplates(harness: TemplateHarness): void {
	describe(`template "Horoshop -> Aqua Delivery" run by ${harness.name}`, () => {
		let env: E2eEnvironment;
		let recent: Json[];
		let aquaIdOf: Map<string, string>;
		let aquaStatusOf: Map<string, unknown>;
		const template = 'horoshop-to-aqua.json';

		beforeAll(async () => {
			env = await harness.open([template, AQUA_IMPORT]);
			const { horoshop } = env.sandbox;
			horoshop.addOrders(1, { start: new Date(Date.now() - 10 * 24 * HOUR) });
			recent = [
				...horoshop.addOrders(10, { start: new Date(Date.now() - 2 * HOUR) }),
				...horoshop.addOrders(1, { start: new Date(Date.now() - HOUR), overrides: unknownProductOrder() }),
			];
		});

		afterAll(async () => {
			await env?.close();
		});

		it('imports every convertible order of the last 3 days once, with the mapped values, and routes the rest to Failed Orders', async () => {
			const run = await harness.run(env, env.templates[template].id);
			expect(run.data?.data?.resultData.error).toBeUndefined();
			expect(run.exitCode).toBe(0);

			const fetched = itemsOf(run.data, 'Get Shop Orders').map((order) => order.order_id);
			expect(fetched.sort()).toEqual(recent.map((order) => order.order_id).sort());

			const importRun = await harness.subRun(env, run, 'Import into Aqua');
			const failed = itemsOf(importRun, 'Failed Orders');
			const sent = ordersSentToAqua(env.sandbox);
			const sentIds = sent.map((order) => String(order.id));
			expect(new Set(sentIds).size).toBe(sentIds.length);
			for (const order of recent) {
				const id = String(order.order_id);
				const failure = failed.find((item) => String(item.order_id) === id || String(item.id) === id);
				const imported = env.sandbox.aqua.orders.has(id);
				expect([id, imported || failure !== undefined]).toEqual([id, true]);
				if (failure) expect(failure.error).toEqual(expect.any(String));
				expect([id, imported && failure !== undefined]).toEqual([id, false]);
			}
			const unknownId = recent[recent.length - 1].order_id;
			const unknown = failed.find((item) => item.order_id === unknownId);
			expect(unknown).toMatchObject({ order_id: unknownId, error: expect.stringContaining('NOPE-1') });
			expect(sentIds).not.toContain(String(unknownId));
			expect(env.sandbox.aqua.orders.size).toBeGreaterThanOrEqual(5);

			const table = nodeOf(env.templates[AQUA_IMPORT], 'Convert to Aqua Orders').parameters.productTable as {
				values: Array<{ source: string; target: string }>;
			};
			for (const order of sent) {
				const shopOrder = recent.find((o) => String(o.order_id) === String(order.id))!;
				expect(order.status).toBe(AQUA_STATUS[shopOrder.stat_status as number]);
				expect((order.client as Json).username).toBe(shopOrder.delivery_name);
				const articles = (shopOrder.products as Json[]).filter((line) => !line.parent_storage_id).map((line) => line.article);
				const productIds = (order.order_item_list as Json[]).map((line) => String(line.product_id));
				expect(productIds).toEqual(articles.map((article) => table.values.find((row) => row.source === article)!.target));
			}

			const imported = itemsOf(importRun, 'Import into Aqua');
			expect(imported.map((order) => String(order.external_id)).sort()).toEqual([...sentIds].sort());
			aquaIdOf = new Map(imported.map((order) => [String(order.external_id), String(order.id)]));
			aquaStatusOf = new Map(imported.map((order) => [String(order.external_id), order.status]));
			// Aqua answers in its own words: its dispatcher takes a new order at once.
			for (const order of sent.filter((o) => o.status === 'new')) expect(aquaStatusOf.get(String(order.id))).toBe('approved');
			for (const [shopId, aquaId] of aquaIdOf) expect(env.sandbox.aqua.orders.get(shopId)?.id).toBe(aquaId);
		});

		it('sends nothing to Aqua on the next run when no order changed', async () => {
			const before = env.sandbox.log.forRoute('aqua.import').length;
			const run = await harness.run(env, env.templates[template].id);
			expect(run.exitCode).toBe(0);
			const passedOver = itemsOf(await harness.subRun(env, run, 'Import into Aqua'), 'Import into Aqua');
			expect(passedOver.map((order) => [String(order.external_id), String(order.id), order.skipped]).sort()).toEqual(
				[...aquaIdOf].map(([shopId, aquaId]) => [shopId, aquaId, 'unchanged']).sort(),
			);
			expect(env.sandbox.log.forRoute('aqua.import').length).toBe(before);
			// Nothing was sent to undo what Aqua's dispatcher did ("approved" stays "approved").
			for (const [shopId, status] of aquaStatusOf) expect(env.sandbox.aqua.orders.get(shopId)?.status).toBe(status);
			expect(env.sandbox.aqua.orders.duplicates()).toBe(0);
		});

		it('sends an order again, under its Aqua ID, only when its shop status changed', async () => {
			const [shopId, aquaId] = [...aquaIdOf.entries()][0];
			const ordersBefore = env.sandbox.aqua.orders.size;
			env.sandbox.horoshop.orders.get(Number(shopId))!.stat_status = 3;
			const sentBefore = ordersSentToAqua(env.sandbox).length;

			const run = await harness.run(env, env.templates[template].id);
			expect(run.exitCode).toBe(0);
			const resent = ordersSentToAqua(env.sandbox).slice(sentBefore);
			expect(resent.map((order) => [String(order.id), order.external_id, order.status])).toEqual([
				[shopId, Number(aquaId), 'completed'],
			]);
			expect(env.sandbox.aqua.orders.size).toBe(ordersBefore);
			expect(env.sandbox.aqua.orders.get(shopId)).toMatchObject({ id: aquaId, status: 'completed' });
			expect(env.sandbox.aqua.orders.duplicates()).toBe(0);
		});
	});

	describe(`template "Horoshop -> Aqua Delivery" when Aqua does not confirm an order (${harness.name})`, () => {
		let env: E2eEnvironment;
		const template = 'horoshop-to-aqua.json';

		beforeAll(async () => {
			env = await harness.open([template, AQUA_IMPORT], { seed: 11 });
		});

		afterAll(async () => {
			await env?.close();
		});

		it('puts that order on Failed Orders as outcome unknown, and holds it back as in doubt on the next run instead of doubling it', async () => {
			const orders = env.sandbox.horoshop.addOrders(4, { start: new Date(Date.now() - HOUR), overrides: { delivery_address: 'вул. Хрещатик, 22' } });
			const unconfirmed = String(orders[1].order_id);
			env.sandbox.aqua.omitResultsFor.add(unconfirmed);

			const first = await harness.run(env, env.templates[template].id);
			expect(first.exitCode).toBe(0);
			const firstImport = await harness.subRun(env, first, 'Import into Aqua');
			const failedAtAqua = itemsOf(firstImport, 'Import into Aqua', 1);
			expect(failedAtAqua).toEqual([
				expect.objectContaining({ id: unconfirmed, error: expect.stringContaining(unconfirmed), details: expect.objectContaining({ errorKind: 'outcome_unknown' }) }),
			]);
			expect(itemsOf(firstImport, 'Failed Orders')).toEqual([expect.objectContaining({ id: unconfirmed })]);
			expect(itemsOf(firstImport, 'Import into Aqua').map((order) => String(order.external_id)).sort()).toEqual(
				orders.map((order) => String(order.order_id)).filter((id) => id !== unconfirmed).sort(),
			);

			env.sandbox.aqua.omitResultsFor.clear();
			const sentBefore = ordersSentToAqua(env.sandbox).length;
			const second = await harness.run(env, env.templates[template].id);
			expect(second.exitCode).toBe(0);
			expect(ordersSentToAqua(env.sandbox).slice(sentBefore)).toEqual([]);
			expect(itemsOf(await harness.subRun(env, second, 'Import into Aqua'), 'Failed Orders')).toEqual([
				expect.objectContaining({ id: unconfirmed, details: expect.objectContaining({ errorKind: 'in_doubt' }) }),
			]);
			expect(env.sandbox.aqua.orders.ofSender(unconfirmed)).toHaveLength(1);
		});
	});

	describe(`template "Horoshop -> SaleApp" run by ${harness.name}`, () => {
		let env: E2eEnvironment;
		let fresh: Json[];
		const template = 'horoshop-to-saleapp.json';
		/** The template's Execute Workflow node, which hands the new orders to the sub-workflow. */
		const createNode = 'Create in SaleApp, Mark Processing';

		beforeAll(async () => {
			env = await harness.open([template, SALEAPP_CREATE]);
			const start = new Date(Date.now() - HOUR);
			fresh = env.sandbox.horoshop.addOrders(6, { start, overrides: { stat_status: 1 } });
			env.sandbox.horoshop.addOrders(3, { start, overrides: { stat_status: 3 } });
		});

		afterAll(async () => {
			await env?.close();
		});

		it('creates each new shop order in SaleApp once and marks it processing in the shop', async () => {
			const run = await harness.run(env, env.templates[template].id);
			expect(run.exitCode).toBe(0);
			expect(itemsOf(run.data, 'Get New Shop Orders').map((order) => order.order_id).sort()).toEqual(
				fresh.map((order) => order.order_id).sort(),
			);

			const createRun = await harness.subRun(env, run, createNode);
			const failed = itemsOf(createRun, 'Failed Orders');
			const created = itemsOf(createRun, 'Create in SaleApp');
			for (const order of fresh) {
				const id = String(order.order_id);
				const inSaleApp = env.sandbox.saleapp.byExternalId(id);
				const failure = failed.find((item) => String(item.order_id) === id || String(item.external_id) === id);
				expect([id, inSaleApp.length + (failure ? 1 : 0)]).toEqual([id, 1]);
				if (failure) expect(failure.error).toEqual(expect.any(String));
				if (inSaleApp.length === 0) continue;
				const stored = inSaleApp[0];
				expect(stored.receiverName).toBe(order.delivery_name);
				expect(stored.lines.map((line) => line.product.sku)).toEqual(
					(order.products as Json[]).filter((line) => !line.parent_storage_id).map((line) => line.article),
				);
				expect(created.find((item) => item.external_id === id)).toMatchObject({ create_id: stored.id, alreadyExisted: false });
				expect(env.sandbox.horoshop.orders.get(Number(id))!.stat_status).toBe(2);
			}
			expect(env.sandbox.saleapp.orders.size).toBeGreaterThanOrEqual(3);
			expect(itemsOf(createRun, 'Mark Processing in Shop').map((item) => String(item.order_id)).sort()).toEqual(
				created.map((item) => String(item.external_id)).sort(),
			);
		});

		it('does not create a second SaleApp order when a shop order is picked up again', async () => {
			const [again] = [...env.sandbox.saleapp.orders.values()];
			env.sandbox.horoshop.orders.get(Number(again.externalId))!.stat_status = 1;
			const countBefore = env.sandbox.saleapp.orders.size;
			const startedAt = Date.now();

			const run = await harness.run(env, env.templates[template].id);
			expect(run.exitCode).toBe(0);
			expect(env.sandbox.saleapp.orders.size).toBe(countBefore);
			expect(env.sandbox.saleapp.byExternalId(again.externalId)).toHaveLength(1);
			// The node remembers the SaleApp ID it created the order under: unchanged, it is not even looked up.
			expect(itemsOf(await harness.subRun(env, run, createNode), 'Create in SaleApp')).toEqual([
				expect.objectContaining({ external_id: again.externalId, create_id: again.id, skipped: 'unchanged' }),
			]);
			expect(env.sandbox.log.forRoute('saleapp.orders').filter((entry) => entry.at >= startedAt)).toEqual([]);
			expect(env.sandbox.horoshop.orders.get(Number(again.externalId))!.stat_status).toBe(2);
		});
	});
}
