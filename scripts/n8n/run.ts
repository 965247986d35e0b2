import { spawn } from 'node:child_process';
import type { SpawnOptions } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { CACHE, NODE_BIN_DIR } from './paths';

/** Environment whose `node` and `npm` are Node 24's. */
export function node24Env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	// Settings an outer `npm run`/`npx` exports (ignore-scripts, nodedir...) must not leak into n8n's
	// npm, and n8n refuses to load nodes when NODE_ENV is "test", as jest sets it.
	for (const [key, value] of Object.entries(process.env)) {
		if (!/^(npm_|JEST_)/i.test(key) && key !== 'NODE_ENV') env[key] = value;
	}
	return { ...env, PATH: `${NODE_BIN_DIR}:${process.env.PATH ?? ''}`, ...extra };
}

export function say(message: string): void {
	process.stdout.write(`[order-sync] ${message}\n`);
}

/**
 * Runs a long step: one line when it starts, one every 30 s while it runs, one when it ends.
 * The command's own output goes to a log file whose tail is shown if it fails.
 */
export async function step(title: string, command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
	const started = Date.now();
	const logDir = join(CACHE, 'logs');
	mkdirSync(logDir, { recursive: true });
	const logFile = join(logDir, `${title.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.log`);
	say(`${title}...`);
	const heartbeat = setInterval(
		() => say(`${title}: still working (${Math.round((Date.now() - started) / 1000)} s)`),
		30_000,
	);
	try {
		const { code, output } = await capture(command, args, options, logFile);
		if (code !== 0) {
			throw new Error(`${title} failed (exit ${code}). Last lines of ${logFile}:\n${output.slice(-3000)}`);
		}
	} finally {
		clearInterval(heartbeat);
	}
	say(`${title}: done in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** Runs a command to its end and returns its exit code and combined output. */
export function capture(
	command: string,
	args: string[],
	options: SpawnOptions = {},
	logFile?: string,
): Promise<{ code: number; output: string; stdout: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
		const log = logFile ? createWriteStream(logFile) : undefined;
		let output = '';
		let stdout = '';
		child.stdout!.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			stdout += chunk.toString();
			log?.write(chunk);
		});
		child.stderr!.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			log?.write(chunk);
		});
		child.on('error', reject);
		child.on('close', (code) => {
			log?.end();
			resolve({ code: code ?? 1, output, stdout });
		});
	});
}
