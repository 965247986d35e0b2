// n8n's own verification analyser (`@n8n/scan-community-package`'s analyzePackage) on the package
// as it would be published: build, `npm pack`, unpack, lint the unpacked files with the scanner's
// rules (inline `eslint-disable` comments ignored, as n8n's scanner does). Exits 1 on any finding.
// The scanner is installed once into the git-ignored .cache/scanner (with --ignore-scripts: one of
// its dependencies' install scripts insists on pnpm); it is a tool, not a dependency of the package.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SCANNER_VERSION = '0.32.0';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, '.cache', 'scanner');
const scannerModule = join(cache, 'node_modules', '@n8n', 'scan-community-package', 'scanner', 'scanner.mjs');
const run = (command, args, cwd = root) => execFileSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });

if (!existsSync(scannerModule)) {
	console.log(`[order-sync] Installing @n8n/scan-community-package ${SCANNER_VERSION} into .cache/scanner...`);
	mkdirSync(cache, { recursive: true });
	run('npm', ['install', '--prefix', cache, `@n8n/scan-community-package@${SCANNER_VERSION}`, '--ignore-scripts', '--no-audit', '--no-fund', '--no-save']);
}

run('npm', ['run', 'build']);
const packed = join(cache, 'packed');
rmSync(packed, { recursive: true, force: true });
mkdirSync(join(packed, 'package'), { recursive: true });
run('npm', ['pack', '--silent', '--pack-destination', packed]);
const tarball = readdirSync(packed).find((file) => file.endsWith('.tgz'));
run('tar', ['-xzf', join(packed, tarball), '-C', join(packed, 'package'), '--strip-components=1']);

const { analyzePackage } = await import(pathToFileURL(scannerModule).href);
const result = await analyzePackage(join(packed, 'package'));
if (!result.passed) {
	console.error(`[order-sync] n8n's scanner refused ${tarball}: ${result.message}`);
	if (result.details) console.error(result.details);
	process.exit(1);
}
console.log(`[order-sync] n8n's scanner passed ${tarball} (${readdirSync(join(packed, 'package', 'dist'), { recursive: true }).length} files in dist/)`);
