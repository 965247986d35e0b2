/**
 * Orders per second for Horoshop -> Aqua import conversions, in process (no n8n, no HTTP):
 * the Order Transformer's own work. Run: npx ts-node --transpile-only bench/transform.ts [count] [--crowded]
 * `--crowded`: as inside n8n (see ./crowd.ts).
 */
import { crowd } from './crowd';

import { performance } from 'node:perf_hooks';

import { checkAquaOrder } from '../nodes/shared/orders/aqua/check';
import { aquaOrderSchema } from '../nodes/shared/orders/aqua/schema';
import { readHoroshopOrder } from '../nodes/shared/orders/horoshop/read';
import { horoshopOrderSchema } from '../nodes/shared/orders/horoshop/schema';
import { Problems } from '../nodes/shared/orders/problems';
import { transformOrder } from '../nodes/shared/orders/transform';
import { horoshopToAquaJob } from './conversionJob';

const args = process.argv.slice(2);
const TOTAL = Number(args.find((arg) => !arg.startsWith('--')) ?? 100_000);
const DISTINCT = 10_000;

const { orders, settings } = horoshopToAquaJob(DISTINCT);

// Warm up the JIT and luxon's zone caches before measuring.
for (const order of orders.slice(0, 2000)) transformOrder(order, settings);

// In rounds of one pass over the distinct orders: the machine is shared, and the median round
// shows the conversion's own speed when another process takes the cores for a while.
let converted = 0;
const outputs: unknown[] = [];
const reasons = new Map<string, number>();
const rounds: number[] = [];
const started = performance.now();
for (let done = 0; done < TOTAL; done += DISTINCT) {
	const roundStarted = performance.now();
	for (let i = done; i < Math.min(done + DISTINCT, TOTAL); i++) {
		const result = transformOrder(orders[i % DISTINCT], settings);
		if (result.ok) {
			converted++;
			if (i < DISTINCT) outputs.push(result.output);
		}
		else {
			const field = result.errors[0].field;
			reasons.set(field, (reasons.get(field) ?? 0) + 1);
		}
	}
	rounds.push((performance.now() - roundStarted) / (Math.min(done + DISTINCT, TOTAL) - done));
}
const seconds = (performance.now() - started) / 1000;
const perOrder = (milliseconds: number) => `${Math.round(1000 / milliseconds)} orders/second (${(milliseconds * 1000).toFixed(1)} µs per order)`;
rounds.sort((a, b) => a - b);

console.log(
	`${TOTAL} Horoshop -> Aqua conversions (${DISTINCT} distinct generated orders) in ${seconds.toFixed(2)} s, ` +
		`Node ${process.version}${crowd.length ? `, {} crowded with ${crowd.length} field names as in n8n` : ''}`,
);
console.log(`all: ${perOrder((seconds * 1000) / TOTAL)}`);
console.log(
	`rounds of ${DISTINCT}: median ${perOrder(rounds[Math.floor(rounds.length / 2)])}, ` +
		`fastest ${perOrder(rounds[0])}, slowest ${perOrder(rounds[rounds.length - 1])}`,
);
console.log(`converted: ${converted}, to the error output: ${TOTAL - converted}`, Object.fromEntries(reasons));
console.log(`heap used: ${Math.round(process.memoryUsage().heapUsed / 1024 / 1024)} MB`);

// Where the time goes: reading the shop's orders and checking the Aqua orders, each hand-written
// and by the zod schema it stands for.
const timed = (task: () => void) => {
	const start = performance.now();
	task();
	return ((performance.now() - start) * 1000) / DISTINCT;
};
const readCost = timed(() => orders.forEach((order) => readHoroshopOrder(order, new Problems())));
const zodReadCost = timed(() => orders.forEach((order) => horoshopOrderSchema.safeParse(order)));
const checkCost = timed(() => outputs.forEach((order) => checkAquaOrder(order, new Problems())));
const zodCheckCost = timed(() => outputs.forEach((order) => aquaOrderSchema.safeParse(order)));
console.log(
	`per order: Horoshop order read ${readCost.toFixed(1)} µs (by the zod schema: ${zodReadCost.toFixed(1)} µs), ` +
		`Aqua order check ${checkCost.toFixed(1)} µs (by the zod schema: ${zodCheckCost.toFixed(1)} µs)`,
);
