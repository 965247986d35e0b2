import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { EchoApi, EchoNode } from '../../harness/fixtures/EchoApi';
import { runWorkflow } from '../../harness/runWorkflow';

describe('workflow on the real n8n engine', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox();
		sandbox.route('test.echo', 'POST', '/test/echo', (request) => {
			const body = request.body as { id: number; bad?: boolean };
			if (body.bad) return { status: 422, json: { message: `order ${body.id} is not valid` } };
			return { json: { echoed: body.id } };
		});
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	const run = (onError?: 'continueErrorOutput' | 'continueRegularOutput') =>
		runWorkflow({
			items: [{ id: 1 }, { id: 2, bad: true }, { id: 3 }],
			nodes: [{ name: 'Echo', type: 'test.echo', credentials: ['echoApi'], onError }],
			credentials: { echoApi: { baseUrl: sandbox.url, token: 'tok-secret-123' } },
			extraNodeTypes: [new EchoNode()],
			extraCredentialTypes: [new EchoApi()],
		});

	it('applies the credential the n8n way and routes failed items to the error output', async () => {
		const result = await run('continueErrorOutput');

		expect(sandbox.log.forRoute('test.echo').map((entry) => entry.auth)).toEqual([
			'Bearer tok-secret-123',
			'Bearer tok-secret-123',
			'Bearer tok-secret-123',
		]);
		expect(result.output('Echo', 0).map((item) => [item.json, item.pairedItem])).toEqual([
			[{ echoed: 1 }, { item: 0 }],
			[{ echoed: 3 }, { item: 2 }],
		]);
		const [failed] = result.output('Echo', 1);
		expect(failed.pairedItem).toEqual({ item: 1 });
		expect(failed.json).toMatchObject({ id: 2, bad: true });
		expect(failed.json.error).toBe('Echo: echo item failed (HTTP 422): "order 2 is not valid"');
		expect(failed.json.details).toEqual({ errorKind: 'rejected', httpCode: '422' });
	});

	it('with "Continue (regular output)" keeps the failed item\'s fields beside the error, on the main output', async () => {
		const result = await run('continueRegularOutput');

		expect(result.output('Echo', 0).map((item) => [item.json, item.pairedItem])).toEqual([
			[{ echoed: 1 }, { item: 0 }],
			[
				{ id: 2, bad: true, error: 'Echo: echo item failed (HTTP 422): "order 2 is not valid"', details: { errorKind: 'rejected', httpCode: '422' } },
				{ item: 1 },
			],
			[{ echoed: 3 }, { item: 2 }],
		]);
	});

	it('stops the workflow naming the item when the node is not set to continue', async () => {
		const result = await run();

		const error = result.nodeError('Echo') as Error & { context?: { itemIndex?: number } };
		expect(error.message).toContain('HTTP 422');
		expect(error.context?.itemIndex).toBe(1);
		expect(JSON.stringify(result.run.data)).not.toContain('tok-secret-123');
	});
});
