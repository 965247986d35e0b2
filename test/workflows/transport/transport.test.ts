import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { EchoApi, EchoNode } from '../../harness/fixtures/EchoApi';
import { runWorkflow } from '../../harness/runWorkflow';

const TOKEN = 'tok-secret-123';

/** The shared transport as nodes use it: inside a node on the real engine, against the sandbox. */
describe('shared transport', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox();
		sandbox.route('test.echo', 'POST', '/test/echo', (request) => ({ json: { echoed: request.body } }));
		sandbox.route('test.reject', 'POST', /^\/test\/reject\/(\d+)$/, (request) => ({
			status: Number(request.params[0]),
			json: { message: `rejected: token ${TOKEN} is not allowed at /x?secret_key=${TOKEN}` },
		}));
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	const echo = async (parameters: Record<string, unknown> = {}) => {
		const result = await runWorkflow({
			items: [{ id: 1 }],
			nodes: [
				{ name: 'Echo', type: 'test.echo', parameters, credentials: ['echoApi'], onError: 'continueErrorOutput' },
			],
			credentials: { echoApi: { baseUrl: sandbox.url, token: TOKEN } },
			extraNodeTypes: [new EchoNode()],
			extraCredentialTypes: [new EchoApi()],
		});
		const [ok] = result.output('Echo', 0);
		const [failed] = result.output('Echo', 1);
		return { ok, failed, result };
	};
	const attempts = (route = 'test.echo') => sandbox.log.forRoute(route).length;
	const fast = (maxAttempts: number, extra: object = {}) => ({
		options: { retry: { settings: { maxAttempts, maxTotalWaitSeconds: 10 } }, ...extra },
	});

	it('retries 503 and succeeds once the server recovers', async () => {
		sandbox.addFault({ route: 'test.echo', kind: 'status', status: 503, retryAfter: 0, times: 2 });
		const { ok } = await echo(fast(4));
		expect(ok.json).toEqual({ echoed: { id: 1 } });
		expect(attempts()).toBe(3);
	});

	it('retries 429 for any request: the server did not take it', async () => {
		sandbox.addFault({ route: 'test.echo', kind: 'status', status: 429, retryAfter: 0, times: 1 });
		const { ok } = await echo(fast(2));
		expect(ok.json).toEqual({ echoed: { id: 1 } });
		expect(attempts()).toBe(2);
	});

	it.each([500, 502, 504])('retries %i only for a request that is safe to repeat', async (status) => {
		sandbox.addFault({ route: 'test.echo', kind: 'status', status, retryAfter: 0, times: 1 });
		const write = await echo(fast(3));
		expect(attempts()).toBe(1);
		expect(write.failed.json.error).toContain(`(HTTP ${status})`);
		expect(write.failed.json.error).toContain('it was not sent again, as Echo may have done it already');

		sandbox.reset();
		sandbox.addFault({ route: 'test.echo', kind: 'status', status, retryAfter: 0, times: 1 });
		const read = await echo({ idempotent: true, ...fast(3) });
		expect(attempts()).toBe(2);
		expect(read.ok.json).toEqual({ echoed: { id: 1 } });
	});

	it('waits as long as Retry-After says', async () => {
		sandbox.addFault({ route: 'test.echo', kind: 'status', status: 429, retryAfter: 1, times: 1 });
		await echo(fast(2));
		const [first, second] = sandbox.log.forRoute('test.echo');
		expect(second.at - first.at).toBeGreaterThanOrEqual(950);
	});

	it('gives up after the set number of attempts and says so', async () => {
		sandbox.addFault({ route: 'test.echo', kind: 'status', status: 503, retryAfter: 0 });
		const { ok, failed } = await echo(fast(3));
		expect(ok).toBeUndefined();
		expect(attempts()).toBe(3);
		expect(failed.json.error).toBe(
			'Echo: echo item failed (HTTP 503): "Service temporarily unavailable" (gave up after 3 attempts)',
		);
	});

	it('gives up at once when Retry-After asks for more than the retry budget', async () => {
		sandbox.addFault({ route: 'test.echo', kind: 'status', status: 503, retryAfter: 3600 });
		const { failed } = await echo(fast(5));
		expect(attempts()).toBe(1);
		expect(failed.json.error).toContain('the next wait (3600 s) would pass the 10 s retry budget');
	});

	it.each([400, 403, 404, 422])('never retries %i', async (status) => {
		const { failed } = await echo({ path: `/test/reject/${status}`, ...fast(4) });
		expect(attempts('test.reject')).toBe(1);
		expect(failed.json.error).toContain(`(HTTP ${status})`);
	});

	it('leaves a 401 to n8n, which renews the credential and repeats the call once', async () => {
		const { failed } = await echo({ path: '/test/reject/401', ...fast(4) });
		expect(attempts('test.reject')).toBe(2);
		expect(failed.json.error).toBe(
			'Echo: echo item failed (HTTP 401): the credentials were refused; check them in the credential',
		);
	});

	it('does not repeat a write whose connection dropped, and repeats a safe one', async () => {
		sandbox.addFault({ route: 'test.echo', kind: 'reset', times: 1 });
		const write = await echo(fast(2));
		expect(attempts()).toBe(1);
		expect(write.failed.json.error).toBe(
			'Echo: echo item failed: the connection was dropped before an answer came (ECONNRESET); it was not sent again, as Echo may have done it already',
		);

		sandbox.reset();
		sandbox.addFault({ route: 'test.echo', kind: 'reset', times: 1 });
		const { ok } = await echo({ idempotent: true, ...fast(2) });
		expect(ok.json).toEqual({ echoed: { id: 1 } });
		expect(attempts()).toBe(2);
	});

	it('times out a stalled answer; a safe request is retried and the timeout named when it gives up', async () => {
		sandbox.addFault({ route: 'test.echo', kind: 'stall' });
		const write = await echo(fast(2, { timeoutSeconds: 1 }));
		expect(attempts()).toBe(1);
		expect(write.failed.json.error).toContain('no answer within 1 s; it was not sent again');

		sandbox.reset();
		sandbox.addFault({ route: 'test.echo', kind: 'stall' });
		const { failed } = await echo({ idempotent: true, ...fast(2, { timeoutSeconds: 1 }) });
		expect(attempts()).toBe(2);
		expect(failed.json.error).toMatch(/^Echo: echo item failed: no answer within 1 s \(gave up after 2 attempts\)$/);
	});

	it('reads JSON that starts with a UTF-8 BOM', async () => {
		sandbox.addFault({ route: 'test.echo', kind: 'bom', times: 1 });
		const { ok } = await echo();
		expect(ok.json).toEqual({ echoed: { id: 1 } });
	});

	it('turns an HTML error page into a short message with the status', async () => {
		sandbox.addFault({ route: 'test.echo', kind: 'html', status: 502 });
		const { failed } = await echo({ idempotent: true, ...fast(1) });
		expect(failed.json.error).toBe('Echo: echo item failed (HTTP 502): "502 Bad Gateway nginx"');
	});

	it('reports an answer that is not JSON instead of passing it on', async () => {
		sandbox.addFault({ route: 'test.echo', kind: 'invalidJson' });
		const { failed } = await echo(fast(1));
		expect(failed.json.error).toBe('Echo: echo item failed (HTTP 200): the answer is not JSON: "{"success": tru"');
	});

	it('keeps the token out of errors even when the server repeats it', async () => {
		const { failed, result } = await echo({ path: '/test/reject/400' });
		expect(failed.json.error).toContain('rejected: token *** is not allowed at /x?secret_key=***');
		expect(JSON.stringify(result.run.data)).not.toContain(TOKEN);
	});
});

describe('shared transport without a server', () => {
	it('names the system and operation when the connection is refused', async () => {
		const closed = await startSandbox();
		const url = closed.url;
		await closed.stop();
		const result = await runWorkflow({
			items: [{ id: 1 }],
			nodes: [
				{
					name: 'Echo',
					type: 'test.echo',
					parameters: { options: { retry: { settings: { maxAttempts: 2, maxTotalWaitSeconds: 5 } } } },
					credentials: ['echoApi'],
					onError: 'continueErrorOutput',
				},
			],
			credentials: { echoApi: { baseUrl: url, token: TOKEN } },
			extraNodeTypes: [new EchoNode()],
			extraCredentialTypes: [new EchoApi()],
		});
		expect(result.output('Echo', 1)[0].json.error).toBe(
			'Echo: echo item failed: the server refused the connection; check the URL and that the server is up (ECONNREFUSED) (gave up after 2 attempts)',
		);
	});
});
