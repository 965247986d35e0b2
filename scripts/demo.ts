import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { startSandbox } from '../sandbox/server';
import type { Sandbox } from '../sandbox/server';
import { seedDemoData } from './n8n/demoData';
import { ensureN8n } from './n8n/install';
import { N8nInstance, subExecutionOf } from './n8n/instance';
import type { RawExecution } from './n8n/instance';
import { buildAndPack } from './n8n/pack';
import { CACHE } from './n8n/paths';
import { freePort } from './n8n/ports';
import { QueueCluster } from './n8n/queue/queueCluster';
import { say } from './n8n/run';
import { EXCHANGE_LOGIN, sandboxCredentials } from './n8n/sandboxCredentials';
import { forImport, isSubworkflow, loadTemplates } from './n8n/templates';

/**
 * `npm run demo`: the real n8n on http://127.0.0.1:5678 with this package installed, every
 * template imported (the webhook ones published; the scheduled ones not, so that the first
 * "Execute workflow" imports the demo orders), and the sandbox's fake Horoshop, SaleApp, Aqua and
 * 1C behind it.
 * `npm run demo -- --once`: runs the Horoshop -> Aqua template once, headless, and prints what
 * happened to each order.
 * `npm run demo -- --queue [--workers N]`: the same in n8n's queue mode: Redis, PostgreSQL, the main
 * instance on port 5678 and N workers (2 unless told) that run the executions.
 * Ctrl-C stops everything it started.
 */

const N8N_PORT = Number(process.env.DEMO_N8N_PORT ?? 5678);
const SANDBOX_PORT = Number(process.env.DEMO_SANDBOX_PORT ?? 4010);
const OWNER = { email: 'demo@example.com', firstName: 'Demo', lastName: 'Admin', password: 'OrderSync-demo-1' };
const MAIN_TEMPLATE = 'horoshopToAqua';
/** Its Execute Workflow node, which hands the shop's orders to the import sub-workflow. */
const IMPORT_NODE = 'Import into Aqua';

let sandbox: Sandbox | undefined;
let n8n: N8nInstance | undefined;
let cluster: QueueCluster | undefined;
let stopping = false;

async function stopAll(code: number): Promise<never> {
	if (!stopping) {
		stopping = true;
		await (cluster ?? n8n)?.stop();
		await sandbox?.stop();
	}
	process.exit(code);
}

async function main(): Promise<void> {
	const once = process.argv.includes('--once');
	const queue = process.argv.includes('--queue');
	const workersAt = process.argv.indexOf('--workers');
	const workers = workersAt >= 0 ? Number(process.argv[workersAt + 1]) : 2;
	if (queue && once) throw new Error('--once runs `n8n execute`, which never uses the queue: leave out --queue');
	if (!Number.isInteger(workers) || workers < 1) throw new Error('--workers takes a whole number, 1 or more');
	process.on('SIGINT', () => {
		say('Stopping n8n and the sandbox...');
		void stopAll(0);
	});
	process.on('SIGTERM', () => void stopAll(0));

	await ensureN8n();
	const tarball = await buildAndPack();

	sandbox = await startSandbox({ port: SANDBOX_PORT, seed: 7 });
	seedDemoData(sandbox);
	say(`Sandbox (fake Horoshop, SaleApp, Aqua Delivery, 1C) on ${sandbox.url}`);

	// Its own folder, so that a headless run never breaks a UI demo running beside it.
	const userFolder = join(CACHE, once ? 'demo-once' : 'demo');
	rmSync(userFolder, { recursive: true, force: true });
	const env = { N8N_ENCRYPTION_KEY: 'order-sync-demo-only-not-a-secret' };
	if (queue) {
		say(`Queue mode: starting Redis and PostgreSQL for n8n and ${workers} worker(s)...`);
		cluster = await QueueCluster.open({ workers, port: N8N_PORT, userFolder, env });
		n8n = cluster.main;
	} else {
		n8n = new N8nInstance({ port: N8N_PORT, brokerPort: await freePort(), userFolder, env });
	}
	n8n.installPackage(tarball);
	const credentials = sandboxCredentials(sandbox);
	const templates = loadTemplates();
	say(`Importing ${credentials.length} credentials and ${templates.length} templates into n8n...`);
	await n8n.importCredentials(credentials);
	await n8n.importWorkflows(templates.map((template) => forImport(template, credentials)));
	// The scheduled templates import through sub-workflows, which n8n calls only once published.
	for (const template of templates.filter(isSubworkflow)) await n8n.publish(template.id);

	if (once) {
		say('Running "Horoshop -> Aqua Delivery" once...');
		const run = await n8n.execute(MAIN_TEMPLATE);
		const started = run.data?.data?.resultData.runData[IMPORT_NODE] !== undefined;
		const importRun = started ? await n8n.storedExecution(subExecutionOf(run.data, IMPORT_NODE).executionId) : undefined;
		process.stdout.write(summary(run.data, importRun, sandbox));
		await stopAll(run.exitCode === 0 && importRun ? 0 : 1);
	}

	// Schedule Triggers and polling triggers (Poll Times) run by the clock.
	const scheduled = (template: (typeof templates)[number]) =>
		template.workflow.nodes.some((node) => String(node.type).endsWith('.scheduleTrigger') || node.parameters?.pollTimes !== undefined);
	for (const template of templates.filter((t) => !scheduled(t) && !isSubworkflow(t))) await n8n.publish(template.id);
	say(`Starting n8n on ${n8n.url} (about 15 s)...`);
	await (cluster ?? n8n).start();
	await n8n.setupOwner(OWNER);
	const samples = writeSampleBodies(join(userFolder, 'samples'), sandbox);
	process.stdout.write(
		[
			'',
			`n8n is running: open ${n8n.url}`,
			`   sign in as ${OWNER.email} / ${OWNER.password}`,
			'',
			`${templates.length} templates are imported (Workflows page). The scheduled ones (${templates.filter(scheduled).map((t) => t.workflow.name).join(', ')})`,
			'are not published yet: open one and press "Execute workflow" to import the demo orders now; Publish it to run every 5 minutes.',
			'The webhook templates are published; try them with these sample bodies:',
			...samples.map(
				({ path, file, login }) =>
					`   curl -s -X POST ${n8n!.url}/webhook/${path}${login ? ` -u ${login.user}:${login.password}` : ''} -H 'content-type: application/json' -d @${file}`,
			),
			'',
			`The fake systems' request log: ${sandbox.url}/__sandbox/log`,
			`n8n's own log: ${n8n.logFile}`,
			...(cluster
				? [
						`Queue mode: Redis on port ${cluster.redis.port}, PostgreSQL on port ${cluster.postgres.port}; the workers' logs:`,
						...cluster.workers.map((worker) => `   ${worker.logFile}`),
					]
				: []),
			'Press Ctrl-C to stop n8n and the sandbox.',
			'',
		].join('\n'),
	);
}

/** The Order Exchange Trigger's path in aqua-to-saleapp.json. */
const EXCHANGE_PATH = 'exchange/hs/AquaDeliveri/getOrdersURL';

/** A request body for each webhook template, written to files the printed curl lines send. */
function writeSampleBodies(folder: string, fakes: Sandbox): Array<{ path: string; file: string; login?: typeof EXCHANGE_LOGIN }> {
	mkdirSync(folder, { recursive: true });
	const orders = fakes.aqua.ordersFor(fakes.generator.orders(2, 9001));
	const bodies: Record<string, unknown> = {
		'orders-to-aqua': orders,
		'orders-to-1c': orders,
		'saleapp-to-1c': { order_ids: [...fakes.saleapp.orders.keys()].slice(0, 2).concat(9999) },
		[EXCHANGE_PATH]: orders,
	};
	return Object.entries(bodies).map(([path, body]) => {
		const file = join(folder, `${path.split('/')[0]}.json`);
		writeFileSync(file, JSON.stringify(body, null, 2));
		return { path, file, login: path === EXCHANGE_PATH ? EXCHANGE_LOGIN : undefined };
	});
}

/**
 * What a person wants to know after one run: how many orders were read (by the template), converted,
 * imported (by its import sub-workflow), and why the rest failed.
 */
function summary(execution: RawExecution | undefined, importRun: RawExecution | undefined, fakes: Sandbox): string {
	const items = (of: RawExecution | undefined, node: string, output = 0) =>
		(of?.data?.resultData.runData[node] ?? []).flatMap((run) => (run.data?.main?.[output] ?? []).map((item) => item.json));
	const read = items(execution, 'Get Shop Orders');
	const converted = items(importRun, 'Convert to Aqua Orders');
	const answered = items(importRun, 'Import into Aqua');
	const skipped = answered.filter((order) => order.skipped === 'unchanged').length;
	const imported = answered.filter((order) => order.skipped === undefined);
	const failed = items(importRun, 'Failed Orders');
	const lines = [
		'',
		'Horoshop -> Aqua Delivery, one run',
		`  read from Horoshop:        ${read.length} orders`,
		`  converted to Aqua:         ${converted.length}`,
		`  already in Aqua, skipped:  ${skipped}`,
		`  imported into Aqua:        ${imported.length}`,
		...imported.map((order) => `    shop order ${String(order.external_id)} -> Aqua order ${String(order.id)}`),
		`  failed:                    ${failed.length}`,
		...failed.map((item) => {
			const id = String(item.order_id ?? item.id ?? '?');
			return `    order ${id}: ${String(item.error).replace(`Order ${id}: `, '')}`;
		}),
	];
	const error = importRun?.data?.resultData.error ?? execution?.data?.resultData.error;
	if (error) lines.push(`  the run stopped: ${error.message}${error.node ? ` (node "${error.node.name}")` : ''}`);
	lines.push(`  Aqua (sandbox) now holds ${fakes.aqua.orders.size} orders.`, '');
	return lines.join('\n');
}

main().catch(async (error: Error) => {
	process.stderr.write(`${error.message}\n`);
	await stopAll(1);
});
