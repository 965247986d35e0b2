import { mkdirSync, rmSync, statSync } from 'node:fs';

import { say } from './run';

/** A lock older than this was left by a process that died. */
const STALE_MS = 20 * 60_000;

/**
 * Runs `work` while holding a lock folder, so two test runs or a demo started at the same time do
 * not install into the same cache folder at once (npm and node-gyp break each other's files).
 */
export async function withLock<T>(folder: string, work: () => Promise<T>): Promise<T> {
	let announced = false;
	for (;;) {
		try {
			mkdirSync(folder);
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const lock = statSync(folder, { throwIfNoEntry: false });
			if (lock && Date.now() - lock.mtimeMs > STALE_MS) {
				rmSync(folder, { recursive: true, force: true });
				continue;
			}
			if (!announced) say(`Waiting for another install into the same cache (${folder})...`);
			announced = true;
			await new Promise((resolve) => setTimeout(resolve, 2000));
		}
	}
	try {
		return await work();
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}
