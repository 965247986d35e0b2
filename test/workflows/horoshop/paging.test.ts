import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { orderIds, requestCounts, runHoroshop } from './run';

const PAGE = 5;

/** Order ids n..1, the order the fake shop lists them in (newest first). */
const newestFirst = (count: number, from = count) => Array.from({ length: count }, (_, i) => from - i);

const getMany = (parameters: object = {}) => ({
	operation: 'getAll',
	returnAll: true,
	...parameters,
	options: { pageSize: PAGE, ...((parameters as { options?: object }).options ?? {}) },
});

const offsets = (sandbox: Sandbox) =>
	sandbox.log.forRoute('horoshop.orders.get').map((entry) => (entry.body as { offset: number }).offset);

describe('Horoshop Get Many: paging', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	it.each([
		// orders, order requests: ceil(N / page), plus the EMPTY page when N is a multiple of the page
		// size or the first page is short (it might be the shop's cap, so the next page is asked for)
		[0, 1],
		[1, 2],
		[PAGE - 1, 2],
		[PAGE, 2],
		[PAGE + 1, 2],
		[3 * PAGE, 4],
	])('returns all %i orders once, with %i order requests and one sign-in', async (count, requests) => {
		sandbox.horoshop.addOrders(count);

		const result = await runHoroshop(sandbox, { parameters: getMany() });

		expect(result.nodeError('Horoshop')).toBeUndefined();
		expect(orderIds(result)).toEqual(newestFirst(count));
		expect(result.output('Horoshop').every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(requestCounts(sandbox)).toEqual({ auth: 1, get: requests, update: 0 });
		expect(offsets(sandbox)).toEqual(Array.from({ length: requests }, (_, i) => Math.min(i * PAGE, count)));
		for (const entry of sandbox.log.forRoute('horoshop.orders.get')) expect(entry.body).toMatchObject({ limit: PAGE });
	});

	it('reads 10,000 orders with the default page size of 500 in 21 order requests and one sign-in', async () => {
		sandbox.horoshop.addOrders(10_000);

		const result = await runHoroshop(sandbox, { parameters: { operation: 'getAll', returnAll: true } });

		const ids = orderIds(result);
		expect(ids).toHaveLength(10_000);
		expect(new Set(ids).size).toBe(10_000);
		expect(ids[0]).toBe(10_000);
		expect(ids[9_999]).toBe(1);
		// 10,000 is a multiple of 500: 20 full pages and the EMPTY answer that ends them.
		expect(requestCounts(sandbox)).toEqual({ auth: 1, get: 21, update: 0 });
	});

	it.each([
		[1, [1]],
		[PAGE - 1, [PAGE - 1]],
		[PAGE, [PAGE]],
		[PAGE + 1, [PAGE, 1]],
		[2 * PAGE + 3, [PAGE, PAGE, 3]],
	])('Limit %i returns exactly that many orders and asks only for what is missing', async (limit, asked) => {
		sandbox.horoshop.addOrders(4 * PAGE);

		const result = await runHoroshop(sandbox, { parameters: getMany({ returnAll: false, limit }) });

		expect(orderIds(result)).toEqual(newestFirst(limit, 4 * PAGE));
		expect(sandbox.log.forRoute('horoshop.orders.get').map((entry) => (entry.body as { limit: number }).limit)).toEqual(asked);
	});

	describe('a shop that silently answers fewer orders than asked for per page', () => {
		const CAP = 3;
		beforeEach(() => {
			sandbox.horoshop.maxPageSize = CAP;
		});

		it.each([
			// orders, order requests: ceil(N / cap), plus one when N divides by the cap (EMPTY ends it)
			[0, 1],
			[CAP - 1, 2],
			[CAP, 2],
			[CAP + 1, 2],
			[4 * CAP, 5],
			[4 * CAP + 2, 5],
		])('returns all %i orders once, with %i order requests', async (count, requests) => {
			sandbox.horoshop.addOrders(count);

			const result = await runHoroshop(sandbox, { parameters: getMany() });

			expect(result.nodeError('Horoshop')).toBeUndefined();
			expect(orderIds(result)).toEqual(newestFirst(count));
			expect(requestCounts(sandbox).get).toBe(requests);
			expect(offsets(sandbox)).toEqual(Array.from({ length: requests }, (_, i) => Math.min(i * CAP, count)));
		});

		it('Limit still returns exactly that many orders', async () => {
			sandbox.horoshop.addOrders(20);

			const result = await runHoroshop(sandbox, { parameters: getMany({ returnAll: false, limit: 8 }) });

			expect(orderIds(result)).toEqual(newestFirst(8, 20));
			expect(sandbox.log.forRoute('horoshop.orders.get').map((entry) => entry.body)).toEqual([
				expect.objectContaining({ offset: 0, limit: 5 }),
				expect.objectContaining({ offset: 3, limit: 5 }),
				expect.objectContaining({ offset: 6, limit: 2 }),
			]);
		});

		it('reads 1,050 orders from a shop capped at 100 with the default page size of 500', async () => {
			sandbox.horoshop.maxPageSize = 100;
			sandbox.horoshop.addOrders(1_050);

			const result = await runHoroshop(sandbox, { parameters: { operation: 'getAll', returnAll: true } });

			expect(orderIds(result)).toEqual(newestFirst(1_050));
			expect(requestCounts(sandbox).get).toBe(11);
		});
	});

	it('Limit above the number of orders returns them all and stops on the short page', async () => {
		sandbox.horoshop.addOrders(7);

		const result = await runHoroshop(sandbox, { parameters: getMany({ returnAll: false, limit: 100 }) });

		expect(orderIds(result)).toEqual(newestFirst(7));
		expect(requestCounts(sandbox).get).toBe(2);
	});

	it('returns no order twice when new orders arrive while it pages (newest first shifts the pages)', async () => {
		sandbox.horoshop.addOrders(12);
		sandbox.horoshop.beforeOrdersGet = (call) => {
			if (call === 2) sandbox.horoshop.addOrders(3);
		};

		const result = await runHoroshop(sandbox, { parameters: getMany() });

		// Page 2 starts 3 orders later than it would have: orders 8, 7, 6 come again and are dropped.
		expect(orderIds(result)).toEqual(newestFirst(12));
		expect(offsets(sandbox)).toEqual([0, 5, 10, 15]);
	});

	it('includes orders that arrive at the end of the list while it pages (oldest first)', async () => {
		sandbox.horoshop.sortOrder = 'oldestFirst';
		sandbox.horoshop.addOrders(12);
		sandbox.horoshop.beforeOrdersGet = (call) => {
			if (call === 2) sandbox.horoshop.addOrders(3);
		};

		const result = await runHoroshop(sandbox, { parameters: getMany() });

		expect(orderIds(result)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
	});

	it.each([
		['error', [0, 5, 5, 10]],
		['httpError', [0, 5, 5, 10]],
		['unauthorized', [0, 5, 5, 10]],
		['authorizationError', [0, 5, 5, 10]],
		// On HTTP 401 n8n itself sends the request once more before the node sees the failure.
		['http401', [0, 5, 5, 5, 10]],
	] as const)('renews a token the shop refuses mid-paging (%s) and repeats that page only', async (answer, expected) => {
		sandbox.horoshop.expiredTokenAnswer = answer;
		sandbox.horoshop.addOrders(12);
		sandbox.horoshop.beforeOrdersGet = (call) => {
			if (call === 1) sandbox.horoshop.expireTokens();
		};

		const result = await runHoroshop(sandbox, { parameters: getMany() });

		expect(result.nodeError('Horoshop')).toBeUndefined();
		expect(orderIds(result)).toEqual(newestFirst(12));
		expect(offsets(sandbox)).toEqual(expected);
		expect(requestCounts(sandbox).auth).toBe(2);
		const tokens = sandbox.log.forRoute('horoshop.orders.get').map((entry) => (entry.body as { token: string }).token);
		expect(new Set(tokens).size).toBe(2);
		expect(tokens.at(-1)).not.toBe(tokens[0]);
	});

	it('keeps paging through tokens that run out while it reads (short token life)', async () => {
		// Each page takes 250 ms before the shop checks the token, so a token lasts at most two
		// pages, while a fresh one keeps a wide margin even on a loaded machine.
		sandbox.horoshop.tokenLifetimeSeconds = 0.6;
		sandbox.horoshop.addOrders(4 * PAGE);
		sandbox.addFault({ route: 'horoshop.orders.get', kind: 'latency', latencyMs: 250 });

		const result = await runHoroshop(sandbox, { parameters: getMany() });

		expect(result.nodeError('Horoshop')).toBeUndefined();
		expect(orderIds(result)).toEqual(newestFirst(4 * PAGE));
		expect(requestCounts(sandbox).auth).toBeGreaterThanOrEqual(2);
		const pageOffsets = offsets(sandbox);
		expect([...new Set(pageOffsets)]).toEqual([0, 5, 10, 15, 20]);
	});

	it('stops with a clear error when even a fresh token is refused', async () => {
		sandbox.horoshop.addOrders(3);
		sandbox.addFault({ route: 'horoshop.orders.get', kind: 'tokenExpired' });

		const result = await runHoroshop(sandbox, { parameters: getMany() });

		expect(result.nodeError('Horoshop')?.message).toBe(
			'Horoshop: get orders failed: the shop refused a fresh token too: the shop answered ERROR: "Invalid token (code 2)"',
		);
		expect(requestCounts(sandbox)).toEqual({ auth: 2, get: 2, update: 0 });
	});

	it('reports UNDEFINED_FUNCTION as an error, not as "no orders"', async () => {
		sandbox.horoshop.addOrders(3);
		sandbox.horoshop.undefinedFunctions.add('orders/get');

		const result = await runHoroshop(sandbox, { parameters: getMany() });

		expect(result.output('Horoshop')).toEqual([]);
		expect(result.nodeError('Horoshop')?.message).toContain(
			'Horoshop: get orders failed: the shop does not know the function "orders/get" (UNDEFINED_FUNCTION)',
		);
	});

	it('reports an HTML page answered with HTTP 200 as an error, not as "no orders"', async () => {
		sandbox.horoshop.addOrders(3);
		sandbox.addFault({ route: 'horoshop.orders.get', kind: 'html', status: 200 });

		const result = await runHoroshop(sandbox, { parameters: getMany() });

		expect(result.nodeError('Horoshop')?.message).toBe(
			'Horoshop: get orders failed (HTTP 200): the answer is not JSON: "502 Bad Gateway nginx"',
		);
	});

	it('reports an HTML error page from a proxy after its retries', async () => {
		sandbox.horoshop.addOrders(3);
		sandbox.addFault({ route: 'horoshop.orders.get', kind: 'html', status: 502 });

		const result = await runHoroshop(sandbox, {
			parameters: getMany({ options: { retry: { settings: { maxAttempts: 2, maxTotalWaitSeconds: 1 } } } }),
		});

		expect(result.nodeError('Horoshop')?.message).toMatch(/^Horoshop: get orders failed \(HTTP 502\): "502 Bad Gateway.*\(gave up after 2 attempts\)$/);
	});

	it('retries a page lost to a 503 and repeats that page only', async () => {
		sandbox.horoshop.addOrders(12);
		sandbox.horoshop.beforeOrdersGet = (call) => {
			if (call === 1) sandbox.addFault({ route: 'horoshop.orders.get', kind: 'status', status: 503, retryAfter: 0, times: 1 });
		};

		const result = await runHoroshop(sandbox, { parameters: getMany() });

		expect(orderIds(result)).toEqual(newestFirst(12));
		expect(offsets(sandbox)).toEqual([0, 5, 5, 10]);
	});

	it('puts a paging failure on the error output when set to continue, paired with its input item', async () => {
		sandbox.horoshop.addOrders(3);
		sandbox.horoshop.undefinedFunctions.add('orders/get');

		const result = await runHoroshop(sandbox, {
			parameters: getMany(),
			items: [{ run: 'a' }],
			onError: 'continueErrorOutput',
		});

		const [failed] = result.output('Horoshop', 1);
		expect(failed.pairedItem).toEqual({ item: 0 });
		expect(failed.json).toMatchObject({ run: 'a' });
		expect(String(failed.json.error)).toContain('UNDEFINED_FUNCTION');
	});

	it('never puts the token or the password into the run data', async () => {
		sandbox.horoshop.addOrders(3);
		sandbox.addFault({ route: 'horoshop.orders.get', kind: 'tokenExpired' });

		const result = await runHoroshop(sandbox, { parameters: getMany() });

		const tokens = sandbox.log.forRoute('horoshop.orders.get').map((entry) => (entry.body as { token: string }).token);
		const runData = JSON.stringify(result.run.data);
		for (const secret of [...tokens, sandbox.horoshop.password]) expect(runData).not.toContain(secret);
	});
});
