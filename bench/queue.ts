/**
 * Queue-mode benchmark on the real n8n 2.40.7: the "Webhook -> Aqua Delivery" template served by a
 * main instance in queue mode, 40 webhook calls of 250 orders each (10,000 orders) sent at once,
 * the fakes answering every request after 50 ms; with 1 worker and with 2 (each at n8n's default
 * concurrency, 10 jobs), in turn, `rounds` times. Prints, per run and as medians, orders/s,
 * executions/s, the CPU time n8n's processes spent, the 2-worker/1-worker ratio, and every n8n
 * process's peak RSS. Prints figures; asserts nothing on time. An order neither imported nor
 * answered as failed, or imported twice, prints "CHECK FAILED: ...".
 *
 * Run: npm run bench:queue -- [executions=40] [orders=250] [latencyMs=50] [rounds=2]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

import { postToWebhook } from '../test/e2e/environment';
import { openQueueEnvironment } from '../test/e2e/queue/queueEnvironment';
import type { QueueEnvironment } from '../test/e2e/queue/queueEnvironment';
import { ensureN8n } from '../scripts/n8n/install';
import { buildAndPack } from '../scripts/n8n/pack';
import { say } from '../scripts/n8n/run';

interface Answer {
	received: number;
	succeeded: number;
	failed: number;
}

interface Figures {
	workers: number;
	seconds: number;
	ordersPerSecond: number;
	executionsPerSecond: number;
	/** CPU seconds (user + system) of main, the workers and their task runners during the calls. */
	cpuSeconds: number;
	/** The machine's 1-minute load average when the calls went out (other work on it shows here). */
	load: number;
	/** Peak RSS (MB) by process. */
	rss: Array<[string, number]>;
}

interface RunningProcess {
	role: string;
	pid: string;
}

const [EXECUTIONS, ORDERS, LATENCY_MS, ROUNDS] = [40, 250, 50, 2].map((fallback, i) => Number(process.argv[2 + i] ?? fallback));
/** Linux counts CPU time in /proc in ticks of 1/100 s. */
const TICKS_PER_SECOND = 100;

async function measure(workers: number): Promise<Figures> {
	say(`Starting queue mode with ${workers} worker(s)...`);
	const env = await openQueueEnvironment(['webhook-to-aqua.json'], { workers });
	try {
		env.sandbox.addFault({ route: '*', kind: 'latency', latencyMs: LATENCY_MS });
		const send = (count: number, first: number) =>
			postToWebhook<Answer>(env.n8n, 'orders-to-aqua', env.sandbox.aqua.ordersFor(env.sandbox.generator.orders(count, first)));
		// Two small runs per worker first: the first executions on a process load what later ones reuse.
		await Promise.all(Array.from({ length: workers * 2 }, (_, i) => send(1, 900_000 + i)));
		const batches = Array.from({ length: EXECUTIONS }, (_, i) =>
			env.sandbox.aqua.ordersFor(env.sandbox.generator.orders(ORDERS, 1 + i * ORDERS)),
		);
		say(`${EXECUTIONS} webhook calls of ${ORDERS} orders, ${LATENCY_MS} ms per request...`);
		const load = loadavg()[0];
		const cpuBefore = cpuTicks(n8nProcesses(env));
		const started = Date.now();
		const results = await Promise.all(batches.map((orders) => postToWebhook<Answer>(env.n8n, 'orders-to-aqua', orders)));
		const seconds = (Date.now() - started) / 1000;
		const cpuSeconds = (cpuTicks(n8nProcesses(env)) - cpuBefore) / TICKS_PER_SECOND;
		const answered = results.reduce((sum, { answer }) => sum + (answer?.succeeded ?? 0) + (answer?.failed ?? 0), 0);
		const unanswered = results.filter(({ status }) => status !== 200).length;
		if (unanswered > 0) say(`CHECK FAILED: ${unanswered} webhook calls were not answered with 200`);
		if (answered !== EXECUTIONS * ORDERS) say(`CHECK FAILED: ${EXECUTIONS * ORDERS - answered} orders neither imported nor failed`);
		const duplicates = env.sandbox.aqua.orders.duplicates();
		if (duplicates > 0) say(`CHECK FAILED: ${duplicates} orders imported twice`);
		return {
			workers,
			seconds,
			ordersPerSecond: answered / seconds,
			executionsPerSecond: EXECUTIONS / seconds,
			cpuSeconds,
			load,
			rss: peakRss(env),
		};
	} finally {
		await env.close();
	}
}

/** Every process of main's and the workers' process groups (each server and its task runner), and Redis. */
function n8nProcesses(env: QueueEnvironment): RunningProcess[] {
	const leaders: Array<[string, number | undefined]> = [
		['main', env.cluster.main.pid],
		...env.cluster.workers.map((worker, i): [string, number | undefined] => [`worker ${i + 1}`, worker.pid]),
		['redis', env.cluster.redis.pid],
	];
	const found: RunningProcess[] = [];
	for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
		try {
			const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
			const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
			const leader = leaders.find(([, leaderPid]) => leaderPid === pgrp);
			if (!leader) continue;
			const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
			const helper = /task-runner/.test(command) ? 'task runner' : command.slice(0, 40);
			found.push({ role: Number(pid) === pgrp ? leader[0] : `${leader[0]}: ${helper}`, pid });
		} catch {
			// the process ended while being read
		}
	}
	return found.sort((a, b) => a.role.localeCompare(b.role));
}

/** utime + stime of the processes, in ticks (a process that ended meanwhile counts 0). */
function cpuTicks(processes: RunningProcess[]): number {
	let ticks = 0;
	for (const { pid } of processes) {
		try {
			const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			ticks += Number(fields[11]) + Number(fields[12]);
		} catch {
			// ended
		}
	}
	return ticks;
}

/** VmHWM (peak resident set) of each process, in MB. */
function peakRss(env: QueueEnvironment): Array<[string, number]> {
	const rows: Array<[string, number]> = [];
	for (const { role, pid } of n8nProcesses(env)) {
		try {
			const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
			if (hwm) rows.push([role, Math.round(Number(hwm[1]) / 1024)]);
		} catch {
			// ended
		}
	}
	return rows;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function report(runs: Figures[]): string {
	const of = (workers: number) => runs.filter((run) => run.workers === workers);
	const medianOf = (workers: number, figure: (run: Figures) => number) => median(of(workers).map(figure));
	const row = (label: string, run: Pick<Figures, 'seconds' | 'ordersPerSecond' | 'executionsPerSecond' | 'cpuSeconds'>, load: string) =>
		`| ${label} | ${run.seconds.toFixed(1)} | ${run.ordersPerSecond.toFixed(0)} | ${run.executionsPerSecond.toFixed(2)} | ${run.cpuSeconds.toFixed(1)} | ${((run.cpuSeconds * 1000) / (EXECUTIONS * ORDERS)).toFixed(2)} | ${load} |`;
	const medians = [1, 2].map((workers) => ({
		seconds: medianOf(workers, (run) => run.seconds),
		ordersPerSecond: medianOf(workers, (run) => run.ordersPerSecond),
		executionsPerSecond: medianOf(workers, (run) => run.executionsPerSecond),
		cpuSeconds: medianOf(workers, (run) => run.cpuSeconds),
	}));
	const roles = [...new Set(runs.flatMap((run) => run.rss.map(([role]) => role)))];
	const peak = (workers: number, role: string) => {
		const values = of(workers).flatMap((run) => run.rss.filter(([r]) => r === role).map(([, mb]) => mb));
		return values.length ? String(Math.max(...values)) : '-';
	};
	return [
		'',
		`Queue mode, ${EXECUTIONS} webhook executions x ${ORDERS} orders sent at once, fakes at ${LATENCY_MS} ms, worker concurrency 10 (n8n's default), ${ROUNDS} round(s)`,
		`Machine: ${cpus().length} x ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, ${new Date().toISOString()}`,
		'',
		'| Run | Time (s) | Orders/s | Executions/s | n8n CPU (s) | CPU ms per order | Load average at start |',
		'|---|---|---|---|---|---|---|',
		...runs.map((run, i) => row(`${i + 1}: ${run.workers} worker(s)`, run, run.load.toFixed(1))),
		row('median, 1 worker', medians[0], ''),
		row('median, 2 workers', medians[1], ''),
		'',
		`Ratio 2 workers / 1 worker (median orders/s): ${(medians[1].ordersPerSecond / medians[0].ordersPerSecond).toFixed(2)} (target >= 1.8)`,
		'',
		'| Process | Peak RSS, 1 worker (MB) | Peak RSS, 2 workers (MB) |',
		'|---|---|---|',
		...roles.map((role) => `| ${role} | ${peak(1, role)} | ${peak(2, role)} |`),
		'',
	].join('\n');
}

async function main(): Promise<void> {
	await ensureN8n();
	await buildAndPack();
	const runs: Figures[] = [];
	for (let round = 0; round < ROUNDS; round++) runs.push(await measure(1), await measure(2));
	process.stdout.write(report(runs));
}

main().catch((error: Error) => {
	process.stderr.write(`${error.stack ?? error.message}\n`);
	process.exit(1);
});
