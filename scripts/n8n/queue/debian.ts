import { existsSync } from 'node:fs';

import { step } from '../run';

/**
 * Installs Debian packages with apt-get when `installed()` says they are missing (CI starts on a
 * fresh machine). Needs root; apt's lists are refreshed once if the first try fails.
 */
export async function ensureDebianPackages(packages: string[], installed: () => boolean): Promise<void> {
	if (installed()) return;
	if (process.getuid?.() !== 0) {
		throw new Error(`${packages.join(' and ')} missing: install them (apt-get install -y ${packages.join(' ')}) or run as root`);
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
	if (!installed()) throw new Error(`apt-get installed ${packages.join(', ')} but the programs are still missing`);
}

export function firstExisting(paths: string[]): string | undefined {
	return paths.find((path) => existsSync(path));
}
