import { randomUUID } from 'node:crypto';

import { delay } from '../../../scripts/n8n/instance';
import { WORKER_SHUTDOWN_MS } from '../../../scripts/n8n/queue/queueCluster';
import { loadTemplate, nodeOf } from '../../../scripts/n8n/templates';
import type { Template } from '../../../scripts/n8n/templates';
import { itemsOf, ordersSentToAqua, postToWebhook } from '../environment';
import { openQueueEnvironment, runNowPath, runOnQueue, startedByWebhook } from './queueEnvironment';
import type { QueueEnvironment } from './queueEnvironment';

type Json = Record<string, unknown>;

interface Answer {
	received: number;
	succeeded: number;
	failed: number;
	results: Array<{ order: string; success: boolean; error?: string; aquaId?: string }>;
}

const HOROSHOP_TO_AQUA = 'horoshop-to-aqua.json';
const WEBHOOK_TO_AQUA = 'webhook-to-aqua.json';
const IMPORT_SUBWORKFLOW = 'aqua-import-subworkflow.json';

/**
 * Horoshop -> Aqua with the import in the sub-workflow template, as horoshop-trigger-to-aqua calls
 * it: the Horoshop -> Aqua template's Run Now and Get Shop Orders, then that template's Execute
 * Workflow node.
 */
function horoshopToAquaSubworkflow(): Template {
	const id = 'horoshopToAquaSub';
	const scheduled = startedByWebhook(loadTemplate(HOROSHOP_TO_AQUA));
	const runNow = nodeOf(scheduled, 'Run Now');
	const caller = nodeOf(loadTemplate('horoshop-trigger-to-aqua.json'), 'Import into Aqua');
	const nodes = [
		{ ...runNow, webhookId: randomUUID(), parameters: { ...runNow.parameters, path: runNowPath(id) } },
		nodeOf(scheduled, 'Get Shop Orders'),
		caller,
	];
	return {
		file: 'horoshop-to-aqua-subworkflow.json',
		id,
		workflow: {
			name: 'Horoshop -> Aqua Delivery through the import sub-workflow',
			nodes,
			connections: {
				'Run Now': { main: [[{ node: 'Get Shop Orders', type: 'main', index: 0 }]] },
				'Get Shop Orders': { main: [[{ node: caller.name, type: 'main', index: 0 }]] },
			},
			settings: scheduled.workflow.settings,
		},
	};
}

describe('n8n in queue mode: executions spread over 2 workers', () => {
	let env: QueueEnvironment;

	beforeAll(async () => {
		// 5 jobs per worker at once (n8n's advised minimum), so that 20 executions make a queue.
		env = await openQueueEnvironment([HOROSHOP_TO_AQUA, WEBHOOK_TO_AQUA, IMPORT_SUBWORKFLOW], {
			concurrency: 5,
			workflows: [horoshopToAquaSubworkflow()],
		});
	});

	afterAll(async () => {
		await env?.close();
	});

	/** Index of the worker whose log says it ran the execution (-1 when none did). */
	const workerOf = (executionId: unknown): number =>
		env.cluster.workers.findIndex((worker) => env.cluster.executionsRunBy(worker).includes(String(executionId)));

	/**
	 * Runs a Horoshop -> Aqua workflow until a run lands on another worker than the first one did
	 * (Bull hands jobs to whichever worker asks first, mostly in turn), and checks that the runs after
	 * the first send nothing to Aqua (and, given the import node, that it passed every order over as
	 * unchanged).
	 */
	async function runsAcrossWorkers(workflowId: string, importNode?: string): Promise<void> {
		env.sandbox.horoshop.addOrders(8, { start: new Date(Date.now() - 3_600_000) });
		const first = await runOnQueue(env, workflowId);
		expect(first.output).toBe('');
		expect(first.exitCode).toBe(0);
		const imported = importNode ? itemsOf(first.data, importNode) : [];
		expect(imported.every((order) => order.skipped === undefined)).toBe(true);
		const firstWorker = workerOf(first.data?.id);
		expect(firstWorker).toBeGreaterThanOrEqual(0);
		const sentOnce = ordersSentToAqua(env.sandbox).length;
		expect(sentOnce).toBeGreaterThanOrEqual(5);

		const workersOfLaterRuns: number[] = [];
		while (workersOfLaterRuns.length < 4 && !workersOfLaterRuns.some((worker) => worker !== firstWorker)) {
			const again = await runOnQueue(env, workflowId);
			expect(again.exitCode).toBe(0);
			workersOfLaterRuns.push(workerOf(again.data?.id));
			if (importNode) {
				expect(itemsOf(again.data, importNode).map((order) => [order.external_id, order.skipped]).sort()).toEqual(
					imported.map((order) => [order.external_id, 'unchanged']).sort(),
				);
			}
		}
		expect(workersOfLaterRuns.filter((worker) => worker !== firstWorker && worker >= 0)).not.toEqual([]);
		expect(ordersSentToAqua(env.sandbox)).toHaveLength(sentOnce);
		expect(env.sandbox.aqua.orders.duplicates()).toBe(0);
	}

	// Known to fail on n8n 2.40.7: a worker starts each production execution without the workflow's
	// static data (docs/queue-mode.md). Jest reports this test as failed once n8n keeps it.
	it.failing('keeps the record of imported orders across workers: once imported, later runs on the other worker send nothing', async () => {
		await runsAcrossWorkers(env.templates[HOROSHOP_TO_AQUA].id, 'Import into Aqua');
	});

	it('keeps the record across workers when the import runs in the sub-workflow template (which n8n loads with its static data)', async () => {
		// A shop and an Aqua without the orders (and the copies) of the test before.
		env.sandbox.reset();
		await runsAcrossWorkers(horoshopToAquaSubworkflow().id);
	});

	it('loses no order when one worker is stopped in the middle of 20 queued executions, and the other worker runs the rest', async () => {
		// Each import takes 1.5 s, so the queue is still full when the worker is stopped.
		env.sandbox.addFault({ route: 'aqua.import', kind: 'latency', latencyMs: 1500 });
		const [stopped, remaining] = env.cluster.workers;
		const before = env.cluster.workers.map((worker) => env.cluster.executionsRunBy(worker).length);
		const batches = Array.from({ length: 20 }, (_, i) =>
			env.sandbox.aqua.ordersFor(env.sandbox.generator.orders(5, 5000 + i * 10, new Date(Date.now() - 3_600_000))),
		);

		const answers = Promise.all(batches.map((orders) => postToWebhook<Answer>(env.n8n, 'orders-to-aqua', orders)));
		const startedBy = (index: number) => env.cluster.executionsRunBy(env.cluster.workers[index]).slice(before[index]);
		for (let waited = 0; startedBy(0).length === 0; waited += 100) {
			if (waited > 60_000) throw new Error('the first worker never started one of the 20 executions');
			await delay(100);
		}
		await stopped.stop(WORKER_SHUTDOWN_MS);
		const results = await answers;

		expect(stopped.running).toBe(false);
		const onStopped = startedBy(0);
		const onRemaining = startedBy(1);
		expect(onStopped.length).toBeLessThan(20);
		expect(onRemaining.length).toBeGreaterThan(0);
		expect(new Set([...onStopped, ...onRemaining]).size).toBe(20);
		// The stopped worker finished what it had started (n8n's graceful shutdown) before it went.
		expect(env.cluster.executionsRunBy(stopped, 'finished').sort()).toEqual(env.cluster.executionsRunBy(stopped).sort());
		expect(remaining.running).toBe(true);

		for (const [i, { status, answer }] of results.entries()) {
			expect([i, status, answer.received]).toEqual([i, 200, 5]);
			for (const order of batches[i]) {
				const id = String(order.id);
				const failed = answer.results.filter((result) => result.order === id && !result.success).length;
				expect([id, env.sandbox.aqua.orders.ofSender(id).length + failed]).toEqual([id, 1]);
			}
		}
		const ours = new Set(batches.flat().map((order) => String(order.id)));
		const sent = ordersSentToAqua(env.sandbox).map((order: Json) => String(order.id)).filter((id) => ours.has(id));
		expect(sent.sort()).toEqual([...ours].sort());
	});
});
