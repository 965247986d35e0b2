/**
 * SaleApp Create on n8n's real engine against the local fake: time and requests for N orders
 * (default 2,000) from input items, with the duplicate guard on (a lookup before each create)
 * and off. Run: npx ts-node --transpile-only bench/saleapp-create.ts [orders]
 */
import { performance } from 'node:perf_hooks';

import { startSandbox } from '../sandbox/server';
import { SALEAPP_KEYS } from '../sandbox/systems/saleapp';
import { runWorkflow } from '../test/harness/runWorkflow';

async function main(): Promise<void> {
	const count = Number(process.argv[2] ?? 2000);
	const sandbox = await startSandbox({ seed: 7 });
	const items = sandbox.generator.orders(count).map((order) => ({
		external_id: `BENCH-${order.number}`,
		delivery_types: 1,
		receiver_name: `${order.customer.firstName} ${order.customer.lastName}`,
		receiver_phone: order.customer.phone,
		city: order.address.city,
		products: order.lines.map((line) => ({ sku: line.product.article, qty: line.quantity, cost: line.product.priceKopecks / 100 })),
	}));

	// The first pass warms up (ts-node compiles the package on first use); the next two are measured.
	for (const [pass, skipIfExists] of [false, true, false].entries()) {
		sandbox.reset();
		const started = performance.now();
		const result = await runWorkflow({
			items,
			nodes: [
				{
					name: 'SaleApp',
					type: 'saleApp',
					parameters: { resource: 'order', operation: 'create', keyKind: 'counterparty', orderSource: 'json', options: { skipIfExists } },
					credentials: ['saleAppApi'],
				},
			],
			credentials: { saleAppApi: { baseUrl: sandbox.url, secretKey: SALEAPP_KEYS.counterparty, kind: 'counterparty' } },
		});
		const seconds = (performance.now() - started) / 1000;
		if (pass === 0) continue;
		console.log(
			`${count} orders, guard ${skipIfExists ? 'on ' : 'off'}: ${result.output('SaleApp').length} created in ${seconds.toFixed(2)} s ` +
				`(${Math.round(count / seconds)} orders/s), ${sandbox.log.forRoute('saleapp.orders').length} requests, ` +
				`${sandbox.saleapp.orders.size} orders stored, RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`,
		);
	}
	await sandbox.stop();
}

void main();
