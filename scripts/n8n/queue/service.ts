import { spawn } from 'node:child_process';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { delay, signalGroup } from '../instance';
import { CACHE } from '../paths';

/**
 * A server started in its own process group, its output in `.cache/n8n/logs/<name>.log`; the
 * whole group is killed when this process exits, however it exits.
 */
export class Service {
	readonly logFile: string;

	private readonly child: ChildProcess;

	private constructor(name: string, command: string, args: string[], options: SpawnOptions) {
		mkdirSync(join(CACHE, 'logs'), { recursive: true });
		this.logFile = join(CACHE, 'logs', `${name}.log`);
		const log = createWriteStream(this.logFile);
		this.child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		this.child.stdout!.pipe(log);
		this.child.stderr!.pipe(log);
		const killGroup = () => signalGroup(this.child, 'SIGKILL');
		process.once('exit', killGroup);
		this.child.once('exit', () => process.removeListener('exit', killGroup));
	}

	static spawn(name: string, command: string, args: string[], options: SpawnOptions = {}): Service {
		return new Service(name, command, args, options);
	}

	get pid(): number {
		return this.child.pid!;
	}

	get running(): boolean {
		return this.child.exitCode === null && this.child.signalCode === null;
	}

	/** Polls `ready` until it is true; fails early when the process exits. */
	async waitUntil(ready: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (!this.running) throw new Error(`${what} exited with ${this.child.exitCode ?? this.child.signalCode}; see ${this.logFile}`);
			if (await ready().catch(() => false)) return;
			await delay(300);
		}
		throw new Error(`${what} was not ready within ${timeoutMs / 1000} s; see ${this.logFile}`);
	}

	/** Signals the group (`signal`, then SIGKILL after `graceMs`) and waits for the process to end. */
	async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 15_000): Promise<void> {
		if (!this.running) return;
		await new Promise<void>((resolve) => {
			const kill = setTimeout(() => signalGroup(this.child, 'SIGKILL'), graceMs);
			this.child.once('exit', () => {
				clearTimeout(kill);
				signalGroup(this.child, 'SIGKILL');
				resolve();
			});
			signalGroup(this.child, signal);
		});
	}
}
