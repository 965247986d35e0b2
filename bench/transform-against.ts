/**
 * This checkout's Horoshop -> Aqua conversion against another checkout's, in one process, their
 * rounds alternating: on a shared machine the load moves one run's figure by half, but it moves
 * both versions' rounds alike. The other checkout needs its node_modules (a symlink to these
 * does). Run: npx ts-node --transpile-only bench/transform-against.ts <other checkout> [rounds] [--crowded]
 *
 *   git worktree add /tmp/before <commit> && ln -s "$PWD/node_modules" /tmp/before/node_modules
 */
import { performance } from 'node:perf_hooks';
import path from 'node:path';

const args = process.argv.slice(2);
const [other, rounds = '16'] = args.filter((arg) => !arg.startsWith('--'));
if (!other) throw new Error('Usage: bench/transform-against.ts <other checkout> [rounds] [--crowded]');

// Before anything else fills {}: see bench/transform.ts.
const crowd: object[] = [];
if (args.includes('--crowded')) {
	for (let i = 0; i < 3000; i++) {
		const object: Record<string, number> = {};
		object[`field${i}`] = i;
		crowd.push(object);
	}
}

type Transform = typeof import('../nodes/shared/orders/transform');
// Loaded after the crowding (as n8n loads community nodes into a process that has long filled {}).
const versions: Array<[string, Transform]> = [
	['this checkout', require('../nodes/shared/orders/transform') as Transform],
	[other, require(path.resolve(other, 'nodes/shared/orders/transform')) as Transform],
];

const { CATALOG } = require('../sandbox/generator') as typeof import('../sandbox/generator');
const { Sandbox } = require('../sandbox/server') as typeof import('../sandbox/server');
const orders = new Sandbox({ seed: 7 }).horoshop.addOrders(10_000, { start: new Date('2026-03-28T06:00:00Z') });
const settings = {
	...versions[0][1].defaultSettings('horoshop', 'aqua', 'Europe/Kyiv', new Date().toISOString()),
	products: {
		key: 'article' as const,
		lookup: Object.fromEntries(CATALOG.map((product) => [product.article, `aqua-${product.id}`])),
		unknown: 'error' as const,
	},
};

for (const [, version] of versions) for (const order of orders.slice(0, 3000)) version.transformOrder(order, settings);

const times = versions.map((): number[] => []);
for (let round = 0; round < Number(rounds); round++) {
	// Each version goes first in every other round.
	for (const index of round % 2 ? [0, 1] : [1, 0]) {
		const started = performance.now();
		for (const order of orders) versions[index][1].transformOrder(order, settings);
		times[index].push(((performance.now() - started) * 1000) / orders.length);
	}
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
versions.forEach(([name], index) => {
	console.log(`${name}: median ${median(times[index]).toFixed(1)} µs per order, fastest round ${Math.min(...times[index]).toFixed(1)} µs`);
});
const ratios = times[0].map((time, round) => time / times[1][round]);
console.log(`this checkout / the other, median of the rounds: ${median(ratios).toFixed(3)} (Node ${process.version}${crowd.length ? ', crowded' : ''})`);
