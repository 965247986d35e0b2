import { randomUUID } from 'node:crypto';

import { startSandbox } from '../../../sandbox/server';
import { subExecutionOf } from '../../../scripts/n8n/instance';
import type { ExecuteResult, RawExecution } from '../../../scripts/n8n/instance';
import { packedTarball } from '../../../scripts/n8n/pack';
import { freePort } from '../../../scripts/n8n/ports';
import { QueueCluster } from '../../../scripts/n8n/queue/queueCluster';
import { loadTemplate } from '../../../scripts/n8n/templates';
import type { Template } from '../../../scripts/n8n/templates';
import { importTemplates, postToWebhook, serverLog } from '../environment';
import type { E2eEnvironment } from '../environment';
import type { OpenOptions, TemplateHarness } from '../harness';

export interface QueueEnvironment extends E2eEnvironment {
	cluster: QueueCluster;
}

export interface QueueOptions extends OpenOptions {
	workers?: number;
	/** Jobs per worker at once; n8n's default (10) unless told. */
	concurrency?: number;
	/** Workflows of the test's own, imported and published beside the templates. */
	workflows?: Template[];
}

const OWNER = { email: 'queue@example.com', firstName: 'Queue', lastName: 'Test', password: 'OrderSync-queue-1' };

/**
 * A sandbox and n8n in queue mode (Redis, PostgreSQL, main, workers) with the templates imported,
 * published and served. A scheduled template starts from a webhook instead (see startedByWebhook).
 */
export async function openQueueEnvironment(templateFiles: string[], options: QueueOptions = {}): Promise<QueueEnvironment> {
	const sandbox = await startSandbox({ seed: options.seed ?? 7 });
	const cluster = await QueueCluster.open({ workers: options.workers ?? 2, port: await freePort(), concurrency: options.concurrency });
	const close = async () => {
		await cluster.dispose();
		await sandbox.stop();
	};
	try {
		cluster.installPackage(packedTarball());
		const templates: Record<string, Template> = {};
		for (const file of templateFiles) templates[file] = startedByWebhook(loadTemplate(file));
		const workflows = [...Object.values(templates), ...(options.workflows ?? [])];
		const credentials = await importTemplates(cluster.main, sandbox, workflows);
		for (const workflow of workflows) await cluster.main.publish(workflow.id);
		await cluster.start();
		await cluster.main.setupOwner(OWNER);
		return { sandbox, n8n: cluster.main, credentials, templates, close, cluster };
	} catch (error) {
		await close();
		throw error;
	}
}

/** The path of the webhook that starts a scheduled template in these tests. */
export function runNowPath(templateId: string): string {
	return `run-now-${templateId}`;
}

/**
 * A scheduled template whose "Run Now" manual trigger became a webhook (same name, so the same
 * connections) and whose schedule is gone. In queue mode this is how a test starts one production
 * run on demand: runs started in the editor are manual runs, whose static data (the record of
 * imported orders) n8n does not keep, and a 5-minute schedule would fire at moments of its own.
 */
export function startedByWebhook(template: Template): Template {
	const { nodes, connections } = template.workflow;
	const runNow = nodes.find((node) => node.name === 'Run Now' && node.type === 'n8n-nodes-base.manualTrigger');
	if (!runNow) return template;
	const schedules = nodes.filter((node) => node.type === 'n8n-nodes-base.scheduleTrigger').map((node) => node.name);
	const webhook = {
		...runNow,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: randomUUID(),
		parameters: { httpMethod: 'POST', path: runNowPath(template.id), responseMode: 'lastNode', options: {} },
	};
	return {
		...template,
		workflow: {
			...template.workflow,
			nodes: nodes.filter((node) => !schedules.includes(node.name)).map((node) => (node === runNow ? webhook : node)),
			connections: Object.fromEntries(Object.entries(connections).filter(([from]) => !schedules.includes(from))),
		},
	};
}

interface ExecutionSummary {
	id: string;
	status: string;
}

/**
 * Starts a scheduled template through its webhook; the main instance answers once a worker has
 * finished the run, which is then read back from n8n's execution records.
 */
export async function runOnQueue(env: QueueEnvironment, templateId: string): Promise<ExecuteResult> {
	await postToWebhook(env.n8n, runNowPath(templateId), {});
	const filter = encodeURIComponent(JSON.stringify({ workflowId: templateId }));
	const list = await env.n8n.get<{ data: { results: ExecutionSummary[] } }>(`/rest/executions?filter=${filter}&limit=1`);
	const [newest] = list.data.results;
	const logs = () => [env.n8n, ...env.cluster.workers].map((n8n) => serverLog(n8n).slice(-2000)).join('\n---\n');
	if (newest?.status !== 'success') {
		return { exitCode: 1, output: `execution ${newest?.id} of ${templateId}: ${newest?.status}\n${logs()}` };
	}
	return { exitCode: 0, data: await lastSuccessfulRun(env, templateId, newest.id), output: '' };
}

/**
 * The newest successful run of a workflow, which must be `executionId`. This endpoint answers with
 * the run data unflattened (GET /rest/executions/:id keeps n8n's flatted string).
 */
async function lastSuccessfulRun(env: QueueEnvironment, workflowId: string, executionId: string): Promise<RawExecution & { id: string }> {
	const last = await env.n8n.get<{ data: RawExecution & { id: string } }>(`/rest/workflows/${workflowId}/executions/last-successful`);
	if (last.data.id !== executionId) throw new Error(`the last successful run of ${workflowId} is ${last.data.id}, not ${executionId}`);
	return last.data;
}

/** The sub-workflow run an Execute Workflow node of `run` started (on the same worker), from n8n's execution records. */
export async function subRunOnQueue(env: QueueEnvironment, run: ExecuteResult, node: string): Promise<RawExecution> {
	const { executionId, workflowId } = subExecutionOf(run.data, node);
	return await lastSuccessfulRun(env, workflowId, executionId);
}

/** Queue mode with 2 workers: webhook templates served by main, scheduled ones run through runOnQueue. */
export const queueMode: TemplateHarness = {
	name: 'n8n in queue mode (2 workers)',
	open: async (templateFiles, options) => await openQueueEnvironment(templateFiles, options),
	run: async (env, templateId) => await runOnQueue(env as QueueEnvironment, templateId),
	subRun: async (env, run, node) => await subRunOnQueue(env as QueueEnvironment, run, node),
};
