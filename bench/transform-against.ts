/**
 * This checkout's Horoshop -> Aqua conversion against another checkout's, in one process, their
 * rounds alternating: on a shared machine the load moves one run's figure by half, but it moves
 * both versions' rounds alike. The other checkout needs its node_modules (a symlink to these
 * does). Run: npx ts-node --transpile-only bench/transform-against.ts <other checkout> [rounds] [--crowded]
 *
 *   git worktree add /tmp/before <commit> && ln -s "$PWD/node_modules" /tmp/before/node_modules
 */
import { crowd } from './crowd';

import { performance } from 'node:perf_hooks';
import path from 'node:path';

import * as thisCheckout from '../nodes/shared/orders/transform';
import { horoshopToAquaJob } from './conversionJob';

const args = process.argv.slice(2);
const [other, rounds = '16'] = args.filter((arg) => !arg.startsWith('--'));
if (!other) throw new Error('Usage: bench/transform-against.ts <other checkout> [rounds] [--crowded]');

type Transform = typeof thisCheckout;
const versions: Array<[string, Transform]> = [
	['this checkout', thisCheckout],
	[other, require(path.resolve(other, 'nodes/shared/orders/transform')) as Transform],
];
const { orders, settings } = horoshopToAquaJob(10_000);

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
