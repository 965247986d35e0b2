import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from '../ports';
import { ensureDebianPackages, firstExisting } from './debian';
import { Service } from './service';

const redisBinary = (root: string) => firstExisting([join(root, 'usr/bin/redis-server'), join(root, 'usr/local/bin/redis-server')]);

/** A throwaway Redis on 127.0.0.1 (n8n's queue): a free port, nothing saved to disk. */
export class RedisServer {
	private constructor(
		readonly port: number,
		private readonly service: Service,
		private readonly dir: string,
	) {}

	static async start(): Promise<RedisServer> {
		const programs = await ensureDebianPackages(['redis-server'], (root) => redisBinary(root) !== undefined);
		const port = await freePort();
		const dir = mkdtempSync(join(tmpdir(), 'order-sync-redis-'));
		const service = Service.spawn(`redis-${port}`, redisBinary(programs.root)!, [
			'--port', String(port),
			'--bind', '127.0.0.1',
			'--dir', dir,
			'--save', '',
			'--appendonly', 'no',
			'--daemonize', 'no',
		], { env: programs.env });
		const redis = new RedisServer(port, service, dir);
		await service.waitUntil(() => redis.ping(), `Redis on port ${port}`);
		return redis;
	}

	get pid(): number {
		return this.service.pid;
	}

	/** n8n's settings for this queue. */
	get n8nEnv(): Record<string, string> {
		return { QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(this.port) };
	}

	private ping(): Promise<boolean> {
		return new Promise((resolve) => {
			const socket = connect(this.port, '127.0.0.1', () => socket.write('PING\r\n'));
			socket.once('data', (data) => {
				socket.destroy();
				resolve(data.toString().startsWith('+PONG'));
			});
			socket.once('error', () => resolve(false));
		});
	}

	async stop(): Promise<void> {
		await this.service.stop('SIGTERM', 5_000);
		rmSync(this.dir, { recursive: true, force: true });
	}
}
