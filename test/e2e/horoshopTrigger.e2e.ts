import { openEnvironment, serverLog, waitFor } from './environment';
import { publishMarkProcessingWorkflow } from './markProcessingWorkflow';
import type { E2eEnvironment } from './environment';
import { delay } from '../../scripts/n8n/instance';

const WORKFLOW_ID = 'horoshopTriggerE2e';

/** Waits until the fake shop got `count` status updates (the workflow's second node makes one per emitted order). */
async function updatesReach(env: E2eEnvironment, count: number, timeoutMs = 45_000): Promise<unknown[]> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (env.sandbox.horoshop.updates.length >= count) return env.sandbox.horoshop.updates.map((update) => update.order_id);
		await delay(250);
	}
	throw new Error(
		`${env.sandbox.horoshop.updates.length} of ${count} status updates arrived:\n${serverLog(env.n8n).slice(-3000)}`,
	);
}

/**
 * The Horoshop Trigger in an active workflow on the real n8n: n8n polls it when it activates the
 * workflow (at start); each emitted order runs the workflow (Horoshop Update Status marks it
 * "processing" in the fake shop, which makes the emissions visible); what the first poll remembers
 * is saved by n8n with the activation, so a restart neither repeats nor loses an order.
 */
describe('Horoshop Trigger in an active workflow on the real n8n', () => {
	let env: E2eEnvironment;

	beforeAll(async () => {
		env = await openEnvironment();
		await publishMarkProcessingWorkflow(env, WORKFLOW_ID, {
			name: 'Horoshop Trigger',
			type: 'horoshopTrigger',
			// Polled on activation; the schedule itself (1 January) never fires during the test.
			parameters: { pollTimes: { item: [{ mode: 'custom', cronExpression: '0 0 0 1 1 *' }] }, event: 'newOrder' },
		});
	});

	afterAll(async () => {
		await env?.close();
	});

	it('remembers the orders there at activation, and after a restart emits only the orders placed since, once', async () => {
		const { horoshop } = env.sandbox;
		const unpaidNew = { stat_status: 1, payed: 0 };
		horoshop.addOrders(3, { start: new Date(Date.now() - 3_600_000), overrides: unpaidNew });
		// A poll reads from offset 0 (and once more past a short first page, as Get Many does).
		const pollsSoFar = () =>
			env.sandbox.log.forRoute('horoshop.orders.get').filter((entry) => Number((entry.body as { offset?: unknown }).offset ?? 0) === 0).length;

		// Activation polls once and only remembers orders 1-3; n8n saves that with the activation.
		await env.n8n.start();
		await waitFor(env.n8n, 'the activation poll', () => pollsSoFar() === 1);
		expect(env.sandbox.log.forRoute('horoshop.orders.get')[0].body).toMatchObject({ from: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/) });
		await delay(1_000);
		await env.n8n.stop();
		expect(horoshop.updates).toEqual([]);

		// Placed while n8n was down: emitted by the activation poll after the restart.
		horoshop.addOrders(2, { start: new Date(Date.now() - 120_000), overrides: unpaidNew });
		await env.n8n.start();
		expect(await updatesReach(env, 2)).toEqual([4, 5]);
		expect(pollsSoFar()).toBe(2);
		await delay(1_000);
		expect(horoshop.updates.map((update) => update.order_id)).toEqual([4, 5]);
	});
});
