// Removes from package-lock.json the optional dependencies that have no entry of their own.
//
// The npm registry these machines reach does not serve some platform builds (e.g.
// @unrs/resolver-binding-android-arm-eabi, pulled in by n8n's eslint config). `npm install` then
// leaves them out of the lockfile but keeps them listed as optional dependencies of their
// parent, and `npm ci` refuses such a lockfile ("Missing: ... from lock file"). Run this after
// any `npm install` that rewrites the lockfile: `node scripts/prune-lockfile.js`.
const fs = require('node:fs');
const path = require('node:path');

const file = path.join(__dirname, '..', 'package-lock.json');
const text = fs.readFileSync(file, 'utf8');
const lock = JSON.parse(text);
const indent = /\n(\s+)"/.exec(text)?.[1] ?? '\t';

/** The lockfile paths where node would look for `dep` required from package `from`. */
function lookupPaths(from, dep) {
	const paths = [];
	let base = from;
	for (;;) {
		paths.push(`${base ? `${base}/` : ''}node_modules/${dep}`);
		if (!base) return paths;
		const parent = base.lastIndexOf('/node_modules/');
		base = parent < 0 ? '' : base.slice(0, parent);
	}
}

const pruned = [];
for (const [from, entry] of Object.entries(lock.packages)) {
	for (const dep of Object.keys(entry.optionalDependencies ?? {})) {
		if (!lookupPaths(from, dep).some((candidate) => lock.packages[candidate])) {
			delete entry.optionalDependencies[dep];
			pruned.push(dep);
		}
	}
}
fs.writeFileSync(file, `${JSON.stringify(lock, null, indent)}\n`);
console.log(`Pruned ${pruned.length} optional dependencies the registry does not serve.`);
