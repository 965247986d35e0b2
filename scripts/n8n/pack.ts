import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { PACKAGE_DIR, ROOT } from './paths';
import { say, step } from './run';

export const PACKAGE_NAME = 'n8n-nodes-order-sync';
export const PACKAGE_VERSION = (require(join(ROOT, 'package.json')) as { version: string }).version;

/** Builds this package and packs it as it would be published; returns the tarball's path. */
export async function buildAndPack(): Promise<string> {
	await step('Building the package (npm run build)', 'npm', ['run', 'build'], { cwd: ROOT });
	rmSync(PACKAGE_DIR, { recursive: true, force: true });
	mkdirSync(PACKAGE_DIR, { recursive: true });
	execFileSync('npm', ['pack', '--silent', '--pack-destination', PACKAGE_DIR], { cwd: ROOT, stdio: 'ignore' });
	const tarball = packedTarball();
	say(`Packed ${tarball}`);
	return tarball;
}

/** Unpacks an `npm pack` tarball (whose files sit under `package/`) into `target`. */
export function unpackInto(tarball: string, target: string): void {
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
}

/** The tarball the last `buildAndPack()` left. */
export function packedTarball(): string {
	const tarball = readdirSync(PACKAGE_DIR).find((file) => file.endsWith('.tgz'));
	if (!tarball) throw new Error(`No packed package in ${PACKAGE_DIR}: run buildAndPack() first`);
	return join(PACKAGE_DIR, tarball);
}
