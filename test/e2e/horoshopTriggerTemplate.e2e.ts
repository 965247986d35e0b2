import { openEnvironment, ordersSentToAqua, serverLog } from './environment';
import type { E2eEnvironment } from './environment';
import { delay } from '../../scripts/n8n/instance';

const TEMPLATE = 'horoshop-trigger-to-aqua.json';
const IMPORT = 'aqua-import-subworkflow.json';
const HOUR = 3_600_000;

/** Waits until Aqua's import route received `count` orders in all, then a moment more for any extra. */
async function aquaReceives(env: E2eEnvironment, count: number, timeoutMs = 60_000): Promise<Array<Record<string, unknown>>> {
	const deadline = Date.now() + timeoutMs;
	while (ordersSentToAqua(env.sandbox).length < count) {
		if (Date.now() > deadline) {
			const sent = ordersSentToAqua(env.sandbox).map((order) => `${String(order.id)} ${String(order.status)} ${String(order.external_id)}`);
			throw new Error(`${sent.length} of ${count} orders reached Aqua (${sent.join(', ')}):\n${serverLog(env.n8n).slice(-3000)}`);
		}
		await delay(250);
	}
	await delay(2_000);
	return ordersSentToAqua(env.sandbox);
}

/**
 * The templates "Horoshop Trigger -> Aqua Delivery" (two Horoshop Triggers calling a sub-workflow)
 * and its sub-workflow "the import" (Order Transformer -> Aqua Delivery), published on the real n8n.
 * n8n polls both triggers when it activates the workflow (at every start), which the test uses
 * instead of waiting 5 minutes for the schedule. Each restart reads the triggers' memory and the
 * record of imported orders back from n8n's database.
 */
describe('template "Horoshop Trigger -> Aqua Delivery" published on the real n8n', () => {
	let env: E2eEnvironment;

	beforeAll(async () => {
		env = await openEnvironment([TEMPLATE, IMPORT]);
		// n8n calls only published sub-workflows from a published workflow.
		await env.n8n.publish(env.templates[IMPORT].id);
		await env.n8n.publish(env.templates[TEMPLATE].id);
	});

	afterAll(async () => {
		await env?.close();
	});

	it('imports the recent orders on activation, then only new and changed ones, changes as updates under the Aqua ID, none twice', async () => {
		const { horoshop, aqua } = env.sandbox;
		const first = horoshop.addOrders(4, { start: new Date(Date.now() - 2 * HOUR), overrides: { stat_status: 1 } });

		// Activation: New Shop Orders emits the 4 orders of the lookback window (Emit Orders Already
		// There), Changed Shop Orders only remembers them.
		await env.n8n.start();
		const run1 = await aquaReceives(env, 4);
		expect(run1.map((order) => String(order.id)).sort()).toEqual(first.map((order) => String(order.order_id)).sort());
		expect(run1.every((order) => order.external_id === undefined || order.external_id === null)).toBe(true);
		const aquaIdOf = new Map(first.map((order) => [String(order.order_id), aqua.orders.get(String(order.order_id))!.id]));
		await env.n8n.stop();

		// While n8n was down: one order's status changed in the shop, and one order was placed.
		const changed = String(first[1].order_id);
		horoshop.changeOrder(Number(changed), { stat_status: 3 });
		const [placed] = horoshop.addOrders(1, { start: new Date(Date.now() - 60_000), overrides: { stat_status: 1 } });

		await env.n8n.start();
		const all = await aquaReceives(env, 6);
		const run2 = all.slice(4);
		expect(run2.map((order) => [String(order.id), order.external_id ?? null, order.status]).sort()).toEqual(
			[
				[changed, Number(aquaIdOf.get(changed)), 'completed'],
				[String(placed.order_id), null, 'new'],
			].sort(),
		);
		expect(all).toHaveLength(6);
		expect(aqua.orders.get(changed)).toMatchObject({ id: aquaIdOf.get(changed), status: 'completed' });
		expect(aqua.orders.duplicates()).toBe(0);
		expect(aqua.orders.size).toBe(5);
	});
});
