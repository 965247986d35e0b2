/**
 * The bench:n8n package workflow (bench/workflows/package-nodes.json) on n8n's engine in this
 * process, against the local fakes: for profiling, since n8n refuses `--cpu-prof` in NODE_OPTIONS.
 * The fakes run in the same process, so their share shows in the profile too (sandbox/...).
 * Run: node --cpu-prof -r ts-node/register/transpile-only bench/pipeline.ts [orders=10000] [runs=2]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { sandboxCredentials } from '../scripts/n8n/sandboxCredentials';
import { startSandbox } from '../sandbox/server';
import { runWorkflow } from '../test/harness/runWorkflow';

interface BenchNode {
	name: string;
	parameters: Record<string, unknown>;
}

async function main(): Promise<void> {
	const orders = Number(process.argv[2] ?? 10_000);
	const runs = Number(process.argv[3] ?? 2);
	const workflow = JSON.parse(readFileSync(join(__dirname, 'workflows', 'package-nodes.json'), 'utf8')) as { nodes: BenchNode[] };
	const parametersOf = (name: string) => workflow.nodes.find((node) => node.name === name)!.parameters;
	const sandbox = await startSandbox({ seed: 7 });
	const credentials = Object.fromEntries(sandboxCredentials(sandbox).map((credential) => [credential.type, credential.data as ICredentialDataDecryptedObject]));
	const run = () =>
		runWorkflow({
			items: [{}],
			nodes: [
				{ name: 'Get Shop Orders', type: 'horoshop', parameters: parametersOf('Get Shop Orders'), credentials: ['horoshopApi'] },
				{ name: 'Convert to Aqua Orders', type: 'orderTransformer', parameters: parametersOf('Convert to Aqua Orders') },
				{
					name: 'Import into Aqua',
					type: 'aquaDelivery',
					parameters: parametersOf('Import into Aqua'),
					credentials: ['aquaDeliveryApi'],
					onError: 'continueErrorOutput',
				},
			],
			credentials,
		});
	for (let index = 1; index <= runs; index++) {
		sandbox.reset();
		sandbox.horoshop.addOrders(orders, { start: new Date(Date.now() - (orders + 60) * 60_000) });
		const started = performance.now();
		const result = await run();
		const seconds = (performance.now() - started) / 1000;
		const imported = result.output('Import into Aqua', 0).length;
		const failed = result.output('Import into Aqua', 1).length;
		console.log(`run ${index}: ${orders} orders in ${seconds.toFixed(2)} s; imported ${imported}, failed ${failed}, Aqua holds ${sandbox.aqua.orders.size}`);
	}
	await sandbox.stop();
}

void main();
