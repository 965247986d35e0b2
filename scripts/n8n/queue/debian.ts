import { existsSync } from 'node:fs';

import { step } from '../run';
import { extractDebianPackages } from './debianExtract';

/** Where the programs are (`/`, or an extracted tree) and the environment they run in. */
export interface DebianPrograms {
	root: string;
	env: NodeJS.ProcessEnv;
}

/**
 * Debian packages for the programs `installed(root)` looks for under `root`. Installed on the
 * machine they are used as they are; missing, apt-get installs them as root (CI starts on a fresh
 * machine; apt's lists are refreshed once if the first try fails), and without root (or with
 * ORDER_SYNC_DEBIAN_EXTRACT=1) they are downloaded and unpacked into `.cache/debian/`.
 */
export async function ensureDebianPackages(packages: string[], installed: (root: string) => boolean): Promise<DebianPrograms> {
	const system = { root: '/', env: process.env };
	const extract = process.env.ORDER_SYNC_DEBIAN_EXTRACT === '1';
	if (!extract && installed(system.root)) return system;
	if (extract || process.getuid?.() !== 0) {
		const tree = await extractDebianPackages(packages);
		if (!installed(tree.root)) throw new Error(`${packages.join(', ')} extracted into ${tree.root}, but the programs are not there`);
		const libraryPath = [tree.libraryPath, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
		return { root: tree.root, env: { ...process.env, LD_LIBRARY_PATH: libraryPath } };
	}
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const install = () =>
		step(`Installing ${packages.join(', ')} (apt-get)`, 'apt-get', ['install', '-y', '--no-install-recommends', ...packages], { env });
	try {
		await install();
	} catch {
		await step('Refreshing the apt package lists (apt-get update)', 'apt-get', ['update'], { env });
		await install();
	}
	if (!installed(system.root)) throw new Error(`apt-get installed ${packages.join(', ')} but the programs are still missing`);
	return system;
}

export function firstExisting(paths: string[]): string | undefined {
	return paths.find((path) => existsSync(path));
}
