import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

import { ROOT } from '../paths';
import { capture, step } from '../run';

/** Debian packages unpacked without installing them: `root/usr/bin/...`, and their libraries' folders. */
export interface DebianTree {
	root: string;
	libraryPath: string;
}

/**
 * Without root: `apt-get download` of the packages, of what they depend on directly (the
 * `postgresql` metapackage only names `postgresql-15`), and of the further dependencies apt would
 * install because they are missing, each unpacked with `dpkg-deb -x` into
 * `.cache/debian/<packages>/root` and reused by later runs. Needs apt's package lists (as
 * `apt-get install` does); no root.
 */
export async function extractDebianPackages(packages: string[]): Promise<DebianTree> {
	const dir = join(ROOT, '.cache', 'debian', packages.join('+'));
	const root = join(dir, 'root');
	if (!existsSync(root)) {
		mkdirSync(dir, { recursive: true });
		const work = mkdtempSync(join(dir, 'work-'));
		try {
			const names = await toDownload(packages);
			await step(`Downloading ${names.length} Debian packages for ${packages.join(', ')} (apt-get download)`, 'apt-get', ['download', ...names], { cwd: work });
			for (const deb of readdirSync(work).filter((file) => file.endsWith('.deb'))) {
				await run('dpkg-deb', ['-x', join(work, deb), join(work, 'root')]);
			}
			// Whole or not at all, also when another run extracted the same packages meanwhile.
			if (!existsSync(root)) renameSync(join(work, 'root'), root);
		} finally {
			rmSync(work, { recursive: true, force: true });
		}
	}
	const libraryDirs = readdirSync(root, { recursive: true, encoding: 'utf8' })
		.filter((path) => /^lib.*\.so(\.\d+)*$/.test(basename(path)))
		.map((path) => join(root, dirname(path)));
	return { root, libraryPath: [...new Set(libraryDirs)].join(':') };
}

/** The packages and their direct dependencies, and the deeper ones missing here, as apt resolves them. */
async function toDownload(packages: string[]): Promise<string[]> {
	const depends = await run('apt-cache', ['depends', '--important', ...packages]);
	const direct = [...depends.matchAll(/^\s+\|?(?:Pre)?Depends: ([^<\s]\S*)$/gm)].map((match) => match[1]);
	const simulated = await run('apt-get', ['install', '--simulate', '--reinstall', '--no-install-recommends', ...packages, ...direct]);
	return [...simulated.matchAll(/^Inst (\S+)/gm)].map((match) => match[1]);
}

async function run(command: string, args: string[]): Promise<string> {
	const { code, output, stdout } = await capture(command, args);
	if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${output}`);
	return stdout;
}
