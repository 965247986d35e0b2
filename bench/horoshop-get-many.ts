/**
 * Horoshop Get Many on n8n's real engine against the local fake shop: time, requests and memory
 * for N orders (default 10,000) at a page size (default 500), all orders returned as items.
 * Run: npx ts-node --transpile-only bench/horoshop-get-many.ts [orders] [pageSize]
 */
import { performance } from 'node:perf_hooks';

import { startSandbox } from '../sandbox/server';
import { runWorkflow } from '../test/harness/runWorkflow';

async function main(): Promise<void> {
	const count = Number(process.argv[2] ?? 10_000);
	const pageSize = Number(process.argv[3] ?? 500);
	const sandbox = await startSandbox({ seed: 7 });
	sandbox.horoshop.addOrders(count);

	const run = (output: 'orders' | 'lines') =>
		runWorkflow({
			items: [{}],
			nodes: [
				{
					name: 'Horoshop',
					type: 'horoshop',
					parameters: { resource: 'order', operation: 'getAll', returnAll: true, options: { pageSize, additionalData: true, output } },
					credentials: ['horoshopApi'],
				},
			],
			credentials: { horoshopApi: sandbox.horoshop.credentials() },
		});

	await run('orders');
	for (const output of ['orders', 'lines'] as const) {
		sandbox.log.clear();
		const started = performance.now();
		const result = await run(output);
		const seconds = (performance.now() - started) / 1000;
		const items = result.output('Horoshop').length;
		console.log(
			`${count} orders, page ${pageSize}, one item per ${output === 'orders' ? 'order' : 'product line'}: ${items} items in ${seconds.toFixed(2)} s ` +
				`(${Math.round(count / seconds)} orders/s), ${sandbox.log.forRoute('horoshop.orders.get').length} order requests + ` +
				`${sandbox.log.forRoute('horoshop.auth').length} sign-in, RSS ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB`,
		);
	}
	await sandbox.stop();
}

void main();
