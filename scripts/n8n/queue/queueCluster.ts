import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';

import { N8nInstance } from '../instance';
import { freePort } from '../ports';
import { PostgresServer } from './postgres';
import { RedisServer } from './redis';

export interface QueueClusterOptions {
	/** How many `n8n worker` processes. */
	workers: number;
	/** HTTP port of the main instance (editor, REST, webhooks). */
	port: number;
	/** The main instance's user folder, shared by the workers; by default a fresh one. */
	userFolder?: string;
	/** Jobs each worker runs at once (`n8n worker --concurrency`); n8n's default is 10. */
	concurrency?: number;
	env?: Record<string, string>;
}

/**
 * n8n in queue mode on this machine: Redis and PostgreSQL (throwaway, on free ports), a main
 * instance that takes triggers and webhooks and puts executions on the queue, and workers that
 * run them. Main and workers share one user folder, so the package installed there (and the
 * encryption key) serves them all, as on one machine.
 */
export class QueueCluster {
	private constructor(
		readonly main: N8nInstance,
		readonly workers: N8nInstance[],
		readonly redis: RedisServer,
		readonly postgres: PostgresServer,
	) {}

	/** Starts Redis and PostgreSQL; n8n itself starts with `start()`, after imports through `main.cli`. */
	static async open(options: QueueClusterOptions): Promise<QueueCluster> {
		const [redis, postgres] = await Promise.all([RedisServer.start(), PostgresServer.start()]);
		const env = {
			N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
			...options.env,
			EXECUTIONS_MODE: 'queue',
			// Runs started in the editor go to the workers too, like every other execution.
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			...redis.n8nEnv,
			...postgres.n8nEnv,
		};
		const main = new N8nInstance({ port: options.port, brokerPort: await freePort(), userFolder: options.userFolder, env });
		const workers: N8nInstance[] = [];
		for (let i = 1; i <= options.workers; i++) {
			const healthPort = await freePort();
			workers.push(
				new N8nInstance({
					port: healthPort,
					brokerPort: await freePort(),
					userFolder: main.userFolder,
					logName: `${basename(main.userFolder)}-worker-${i}`,
					command: ['worker', ...(options.concurrency ? [`--concurrency=${options.concurrency}`] : [])],
					env: {
						...env,
						QUEUE_HEALTH_CHECK_ACTIVE: 'true',
						QUEUE_HEALTH_CHECK_PORT: String(healthPort),
						N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
					},
				}),
			);
		}
		return new QueueCluster(main, workers, redis, postgres);
	}

	/** Installs the packed package once, in the folder main and workers share. */
	installPackage(tarball: string): void {
		this.main.installPackage(tarball);
	}

	/** Starts main (which migrates the database first), then the workers side by side. */
	async start(): Promise<void> {
		await this.main.start();
		await Promise.all(this.workers.map((worker) => worker.start()));
	}

	/** Stops n8n (workers first, letting their running executions finish), then Redis and PostgreSQL. */
	async stop(): Promise<void> {
		await Promise.all(this.workers.map((worker) => worker.stop(WORKER_SHUTDOWN_MS)));
		await this.main.stop();
		await Promise.all([this.redis.stop(), this.postgres.stop()]);
	}

	/** Ids of the executions a worker started (or finished), from its log ("Worker started execution 12 (job 12)"). */
	executionsRunBy(worker: N8nInstance, event: 'started' | 'finished' = 'started'): string[] {
		const log = existsSync(worker.logFile) ? readFileSync(worker.logFile, 'utf8') : '';
		return [...log.matchAll(new RegExp(`Worker ${event} execution (\\S+) \\(job`, 'g'))].map((match) => match[1]);
	}

	/** Stops everything and removes a user folder the cluster created. */
	async dispose(): Promise<void> {
		await this.stop();
		await this.main.dispose();
	}
}

/** n8n's worker waits up to N8N_GRACEFUL_SHUTDOWN_TIMEOUT (30 s) for its running executions. */
export const WORKER_SHUTDOWN_MS = 35_000;
