/**
 * The same job three ways on the real n8n 2.40.7, against the local fakes: N Horoshop orders read
 * 500 a page, converted, imported into Aqua 50 a request with 2 requests in flight.
 *   package: Horoshop Get Many -> Order Transformer -> Aqua Delivery (bench/workflows/package-nodes.json:
 *            the nodes of templates/horoshop-to-aqua.json with their defaults, Remember Imported Orders on);
 *   core:    HTTP Request with pagination -> Code -> Loop Over Items (2) -> HTTP Request
 *            (bench/workflows/core-nodes.json);
 *   bare:    bench/bare.ts, plain Node making the same requests.
 * Alternating, `repeats` times each per latency; the sandbox is reset before every run, and every
 * run must leave exactly N orders in the fake Aqua, each shop order once. Prints medians; asserts
 * nothing on time.
 *
 * Run: npm run bench:n8n -- [orders=10000] [latencies=0,50] [repeats=3]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ensureN8n } from '../scripts/n8n/install';
import { N8nInstance } from '../scripts/n8n/instance';
import type { ExecuteResult } from '../scripts/n8n/instance';
import { buildAndPack, packedTarball } from '../scripts/n8n/pack';
import { NODE_BIN } from '../scripts/n8n/paths';
import { freePort } from '../scripts/n8n/ports';
import { capture, say } from '../scripts/n8n/run';
import { sandboxCredentials } from '../scripts/n8n/sandboxCredentials';
import { forImport } from '../scripts/n8n/templates';
import type { Template } from '../scripts/n8n/templates';
import { startSandbox } from '../sandbox/server';
import type { Sandbox } from '../sandbox/server';
import { itemsOf, runsOf } from '../test/e2e/environment';

type Way = 'package' | 'core' | 'bare';

interface Run {
	way: Way;
	latencyMs: number;
	ms: number;
	nodeMs: Record<string, number>;
	peakRssMb: number;
	/** Sampled peak RSS between the execution's start and stop; for bare, its peak RSS. */
	executionRssMb: number;
	requests: Record<string, number>;
	/** The package workflow's Failed Orders items, to say why a run went wrong. */
	failed: unknown[];
}

const WORKFLOWS = join(__dirname, 'workflows');
const CODE_FILE = join(WORKFLOWS, 'convertAndChunk.js');
/**
 * Every n8n process prints its peak RSS (kB) as it exits, synchronously so no pipe loses it, and
 * its RSS sampled every 20 ms (time, MB), from which the peak while the execution ran is taken.
 * A sample cannot be taken while the process is busy, so that figure is a floor.
 */
const PEAK_RSS = `--import=data:text/javascript,${encodeURIComponent(
	"import { writeSync } from 'node:fs'; const command = process.argv.slice(1, 3).join(' '); const samples = []; " +
		'setInterval(() => samples.push(Date.now(), Math.round(process.memoryUsage.rss() / 2 ** 20)), 20).unref(); ' +
		"process.on('exit', () => writeSync(2, `\\nPEAK_RSS ${process.resourceUsage().maxRSS} ${command}\\nRSS_SAMPLES ${samples.join(',')} ${command}\\n`));",
)}`;

/** N8nInstance adds its own NODE_OPTIONS to the ones it finds in the environment as it is made. */
async function withPeakRss<T>(make: () => Promise<T>): Promise<T> {
	const before = process.env.NODE_OPTIONS;
	process.env.NODE_OPTIONS = [before, PEAK_RSS].filter(Boolean).join(' ');
	try {
		return await make();
	} finally {
		if (before === undefined) delete process.env.NODE_OPTIONS;
		else process.env.NODE_OPTIONS = before;
	}
}

/** The nodes of templates/horoshop-to-aqua.json as a user sets them up, run by hand over all the shop's orders. */
function packageWorkflow(): Template {
	const workflow = JSON.parse(readFileSync(join(WORKFLOWS, 'package-nodes.json'), 'utf8')) as Template['workflow'];
	return { file: 'package-nodes.json', id: 'benchPackage', workflow };
}

/** bench/workflows/core-nodes.json with the sandbox's addresses and logins and the Code node's text. */
function coreWorkflow(sandbox: Sandbox): Template {
	const values: Record<string, string> = {
		__SANDBOX_URL__: sandbox.url,
		__AQUA_LOGIN__: sandbox.aqua.login,
		__AQUA_PASSWORD__: sandbox.aqua.password,
		__SHOP_URL__: sandbox.horoshop.baseUrl,
		__SHOP_LOGIN__: sandbox.horoshop.login,
		__SHOP_PASSWORD__: sandbox.horoshop.password,
		__CODE__: readFileSync(CODE_FILE, 'utf8'),
	};
	const text = readFileSync(join(WORKFLOWS, 'core-nodes.json'), 'utf8');
	const workflow = JSON.parse(text, (_key, value: unknown) =>
		typeof value === 'string' ? value.replace(/__[A-Z_]+__/g, (name) => values[name] ?? name) : value,
	) as Template['workflow'];
	return { file: 'core-nodes.json', id: 'benchCore', workflow };
}

/** Fills the shop and sets the latency; the fakes start empty. */
function prepare(sandbox: Sandbox, orders: number, latencyMs: number): string[] {
	sandbox.reset();
	if (latencyMs > 0) sandbox.addFault({ route: '*', kind: 'latency', latencyMs });
	const shop = sandbox.horoshop.addOrders(orders, { start: new Date(Date.now() - (orders + 60) * 60_000) });
	return shop.map((order) => String(order.order_id));
}

/** What is wrong with the fake Aqua after a run: it must hold each shop order exactly once. */
function check(sandbox: Sandbox, shopIds: string[]): string[] {
	const { orders } = sandbox.aqua;
	const notOnce = shopIds.filter((id) => orders.ofSender(id).length !== 1);
	const problems: string[] = [];
	if (orders.size !== shopIds.length) problems.push(`Aqua holds ${orders.size} orders, not ${shopIds.length}`);
	if (notOnce.length > 0) {
		problems.push(`${notOnce.length} shop orders not held once (e.g. ${notOnce.slice(0, 3).map((id) => `${id}: ${orders.ofSender(id).length}`).join(', ')})`);
	}
	return problems;
}

function requestCounts(sandbox: Sandbox): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const entry of sandbox.log.entries) {
		// Answers other than 200 are counted apart, so a request made twice shows why.
		const route = entry.route ?? 'unrouted';
		const key = entry.status === undefined || entry.status === 200 ? route : `${route} (${entry.status})`;
		counts[key] = (counts[key] ?? 0) + 1;
	}
	return counts;
}

/** Peak RSS of `n8n execute` itself (the task runner that runs Code nodes prints its own line). */
function peakRssMb(output: string, ofCommand: string): number {
	const lines = [...output.matchAll(/^PEAK_RSS (\d+) (.*)$/gm)].filter((match) => match[2].includes(ofCommand));
	return Math.max(0, ...lines.map((match) => Number(match[1]) / 1024));
}

/** The highest RSS sample of `n8n execute` taken between `from` and `to` (epoch ms). */
function sampledRssMb(output: string, ofCommand: string, from: number, to: number): number {
	const line = [...output.matchAll(/^RSS_SAMPLES ([\d,]*) (.*)$/gm)].find((match) => match[2].includes(ofCommand));
	const values = line ? line[1].split(',').map(Number) : [];
	let peak = 0;
	for (let index = 0; index + 1 < values.length; index += 2) {
		if (values[index] >= from && values[index] <= to) peak = Math.max(peak, values[index + 1]);
	}
	return peak;
}

function fromExecution(result: ExecuteResult, way: Way, latencyMs: number, sandbox: Sandbox): Run {
	const execution = result.data;
	const failure = execution?.data?.resultData.error;
	if (!execution || failure || result.exitCode !== 0) {
		throw new Error(`The ${way} workflow failed: ${failure?.message ?? `exit ${result.exitCode}`}\n${result.output.slice(-3000)}`);
	}
	const nodeMs: Record<string, number> = {};
	for (const node of Object.keys(execution.data!.resultData.runData)) {
		nodeMs[node] = runsOf(execution, node).reduce((sum, run) => sum + Number((run as { executionTime?: number }).executionTime ?? 0), 0);
	}
	const startedAt = Date.parse(String(execution.startedAt));
	const stoppedAt = Date.parse(String(execution.stoppedAt));
	return {
		way,
		latencyMs,
		ms: stoppedAt - startedAt,
		nodeMs,
		peakRssMb: peakRssMb(result.output, 'execute'),
		executionRssMb: sampledRssMb(result.output, 'execute', startedAt, stoppedAt),
		requests: requestCounts(sandbox),
		failed: itemsOf(execution, 'Failed Orders'),
	};
}

async function runBare(sandbox: Sandbox, latencyMs: number): Promise<Run> {
	const settings = {
		codeFile: CODE_FILE,
		aquaUrl: sandbox.url,
		aquaLogin: sandbox.aqua.login,
		aquaPassword: sandbox.aqua.password,
		shopUrl: sandbox.horoshop.baseUrl,
		shopLogin: sandbox.horoshop.login,
		shopPassword: sandbox.horoshop.password,
	};
	const result = await capture(NODE_BIN, ['--no-warnings', join(__dirname, 'bare.ts'), JSON.stringify(settings)]);
	if (result.code !== 0) throw new Error(`bench/bare.ts failed:\n${result.output}`);
	const { ms, peakRssKb } = JSON.parse(result.stdout.trim().split('\n').pop()!) as { ms: number; peakRssKb: number };
	const peakRssMb = peakRssKb / 1024;
	return { way: 'bare', latencyMs, ms, nodeMs: {}, peakRssMb, executionRssMb: peakRssMb, requests: requestCounts(sandbox), failed: [] };
}

const median = (values: number[]): number => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function report(runs: Run[], orders: number, latencies: number[]): void {
	const ways: Way[] = ['package', 'core', 'bare'];
	const of = (way: Way, latencyMs: number) => runs.filter((run) => run.way === way && run.latencyMs === latencyMs);
	const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
	console.log(`\n${orders} orders, ${runs.length / latencies.length / ways.length} runs of each; medians`);
	console.log('| way | latency | execution | per node | peak RSS | in the execution | requests |');
	console.log('|---|---|---|---|---|---|---|');
	for (const latencyMs of latencies) {
		for (const way of ways) {
			const list = of(way, latencyMs);
			const nodes = Object.keys(list[0].nodeMs).filter((node) => median(list.map((run) => run.nodeMs[node] ?? 0)) >= 1);
			const perNode = nodes.map((node) => `${node} ${seconds(median(list.map((run) => run.nodeMs[node] ?? 0)))}`).join(', ');
			const requests = Object.entries(list[0].requests).map(([route, n]) => `${route} ${n}`).join(', ');
			const rss = median(list.map((run) => run.peakRssMb));
			const executionRss = median(list.map((run) => run.executionRssMb));
			console.log(
				`| ${way} | ${latencyMs} ms | ${seconds(median(list.map((run) => run.ms)))} | ${perNode || '-'} | ${rss.toFixed(0)} MB | ${executionRss.toFixed(0)} MB | ${requests} |`,
			);
		}
	}
	console.log('\n| ratio | ' + latencies.map((l) => `${l} ms`).join(' | ') + ' |');
	console.log('|---|' + latencies.map(() => '---|').join(''));
	const ratio = (a: Way, b: Way, pick: (run: Run) => number) =>
		latencies.map((l) => (median(of(a, l).map(pick)) / median(of(b, l).map(pick))).toFixed(2)).join(' | ');
	console.log(`| time package/core | ${ratio('package', 'core', (run) => run.ms)} |`);
	console.log(`| time package/bare | ${ratio('package', 'bare', (run) => run.ms)} |`);
	console.log(`| peak RSS package/core | ${ratio('package', 'core', (run) => run.peakRssMb)} |`);
	console.log(`| peak RSS in the execution package/core | ${ratio('package', 'core', (run) => run.executionRssMb)} |`);
}

async function main(): Promise<void> {
	const orders = Number(process.argv[2] ?? 10_000);
	const latencies = (process.argv[3] ?? '0,50').split(',').map(Number);
	const repeats = Number(process.argv[4] ?? 3);
	await ensureN8n();
	await buildAndPack();
	const sandbox = await startSandbox({ seed: 7 });
	const n8n = await withPeakRss(async () => new N8nInstance({ port: await freePort(), brokerPort: await freePort() }));
	try {
		n8n.installPackage(packedTarball());
		const credentials = sandboxCredentials(sandbox);
		await n8n.importCredentials(credentials);
		const workflows = [packageWorkflow(), coreWorkflow(sandbox)];
		const runs: Run[] = [];
		for (const latencyMs of latencies) {
			for (let repeat = 1; repeat <= repeats; repeat++) {
				for (const way of ['package', 'core', 'bare'] as Way[]) {
					// A new copy each time: the package remembers what it imported in the workflow's static
					// data, which n8n keeps when a workflow is imported again under its id.
					const copy = `${way}${runs.length}`;
					if (way !== 'bare') await n8n.importWorkflows(workflows.map((template) => forImport({ ...template, id: `${template.id}${copy}` }, credentials)));
					const shopIds = prepare(sandbox, orders, latencyMs);
					const run =
						way === 'bare'
							? await runBare(sandbox, latencyMs)
							: fromExecution(await n8n.execute(`${way === 'package' ? 'benchPackage' : 'benchCore'}${copy}`), way, latencyMs, sandbox);
					const problems = check(sandbox, shopIds);
					if (way === 'package' && problems.length > 0) problems.push(`Failed Orders: ${JSON.stringify(run.failed.slice(0, 2))}`);
					if (problems.length > 0) throw new Error(`The ${way} run at ${latencyMs} ms left the fake Aqua wrong: ${problems.join('; ')}`);
					say(`${way}, ${latencyMs} ms latency, run ${repeat}: ${(run.ms / 1000).toFixed(2)} s, peak RSS ${run.peakRssMb.toFixed(0)} MB (${run.executionRssMb.toFixed(0)} MB in the execution)`);
					runs.push(run);
				}
			}
		}
		report(runs, orders, latencies);
	} finally {
		await n8n.dispose();
		await sandbox.stop();
	}
}

main().catch((error: Error) => {
	console.error(error.stack ?? error.message);
	process.exit(1);
});
