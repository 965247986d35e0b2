import { OrderGenerator } from '../../../sandbox/generator';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';

describe('sandbox frame', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ seed: 7 });
		sandbox.route('test.ping', 'GET', '/ping', () => ({ json: { pong: true } }));
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	const ping = async () => {
		try {
			const response = await fetch(`${sandbox.url}/ping`, { signal: AbortSignal.timeout(500) });
			return { status: response.status, text: await response.text(), retryAfter: response.headers.get('retry-after') };
		} catch (error) {
			return { status: 0, text: String((error as Error).name) };
		}
	};

	it('listens on 127.0.0.1 and logs each request with its route', async () => {
		expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(await ping()).toMatchObject({ status: 200, text: '{"pong":true}' });
		expect(sandbox.log.entries).toEqual([
			expect.objectContaining({ route: 'test.ping', method: 'GET', path: '/ping', status: 200 }),
		]);
	});

	it('fails the next N calls when told to, then answers normally', async () => {
		sandbox.addFault({ route: 'test.ping', kind: 'status', status: 503, retryAfter: 2, times: 2 });
		const answers = [await ping(), await ping(), await ping()];
		expect(answers.map((a) => a.status)).toEqual([503, 503, 200]);
		expect(answers[0].retryAfter).toBe('2');
	});

	it('fails a seeded share of calls, the same calls for the same seed', async () => {
		const statuses = async (seed: number) => {
			const other = await startSandbox({ seed });
			other.route('test.ping', 'GET', '/ping', () => ({ json: {} }));
			other.addFault({ route: 'test.ping', kind: 'status', status: 502, rate: 0.3 });
			const result: number[] = [];
			for (let i = 0; i < 40; i++) result.push((await fetch(`${other.url}/ping`)).status);
			await other.stop();
			return result;
		};
		const first = await statuses(3);
		expect(await statuses(3)).toEqual(first);
		const failures = first.filter((status) => status === 502).length;
		expect(failures).toBeGreaterThan(4);
		expect(failures).toBeLessThan(24);
	});

	it('can drop the connection, stall, send HTML, a BOM or broken JSON', async () => {
		sandbox.addFault({ route: 'test.ping', kind: 'reset', times: 1 });
		sandbox.addFault({ route: 'test.ping', kind: 'stall', times: 1 });
		sandbox.addFault({ route: 'test.ping', kind: 'html', times: 1 });
		sandbox.addFault({ route: 'test.ping', kind: 'bom', times: 1 });
		sandbox.addFault({ route: 'test.ping', kind: 'invalidJson', times: 1 });
		expect((await ping()).status).toBe(0);
		expect(await ping()).toMatchObject({ status: 0, text: 'TimeoutError' });
		expect(await ping()).toMatchObject({ status: 502, text: expect.stringContaining('<html>') });
		const bom = await fetch(`${sandbox.url}/ping`).then(async (r) => Buffer.from(await r.arrayBuffer()));
		expect([...bom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect((await ping()).text).toBe('{"success": tru');
	});

	it('is controlled over HTTP as well: faults, log and reset', async () => {
		await fetch(`${sandbox.url}/__sandbox/faults`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ route: 'test.ping', kind: 'status', status: 429, times: 1 }),
		});
		expect((await ping()).status).toBe(429);
		const log = (await (await fetch(`${sandbox.url}/__sandbox/log`)).json()) as Array<{ fault?: string }>;
		expect(log.map((entry) => entry.fault)).toEqual(['status']);
		await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
		expect(sandbox.log.entries).toEqual([]);
	});
});

describe('order generator', () => {
	it('makes the same orders for the same seed', () => {
		expect(new OrderGenerator(5).orders(50)).toEqual(new OrderGenerator(5).orders(50));
		expect(new OrderGenerator(5).orders(5)).not.toEqual(new OrderGenerator(6).orders(5));
	});

	it('makes realistic Ukrainian and Russian orders, many thousands on demand', () => {
		const orders = new OrderGenerator(1).orders(10_000);
		expect(orders).toHaveLength(10_000);
		expect(new Set(orders.map((order) => order.number)).size).toBe(10_000);
		for (const order of orders.slice(0, 500)) {
			expect(order.customer.phone).toMatch(order.country === 'UA' ? /^\+380\d{9}$/ : /^\+79\d{9}$/);
			expect(order.customer.lastName).toMatch(/^[А-ЯІЇЄҐа-яіїєґ']+$/);
			expect(order.lines.length).toBeGreaterThan(0);
		}
		expect(orders.some((order) => order.country === 'RU')).toBe(true);
		expect(orders.some((order) => order.lines.some((line) => line.kind === 'set'))).toBe(true);
		expect(orders.some((order) => order.lines.some((line) => line.kind === 'gift'))).toBe(true);
	});
});
