import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';

/** The fake shop must behave as seed 002 says, or the node tests prove nothing. */
describe('sandbox: the fake Horoshop shop', () => {
	let sandbox: Sandbox;
	let token: string;

	const post = async (fn: string, body: Record<string, unknown> | string, form = false) => {
		const response = await fetch(`${sandbox.horoshop.baseUrl}/api/${fn}/`, {
			method: 'POST',
			headers: { 'Content-Type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
			body: typeof body === 'string' ? body : JSON.stringify(body),
		});
		return (await response.json()) as { status: string; response: { orders?: Array<Record<string, unknown>>; token?: string; log?: unknown[] } };
	};
	const ids = async (filter: Record<string, unknown>) => {
		const answer = await post('orders/get', { token, ...filter });
		return answer.status === 'EMPTY' ? 'EMPTY' : answer.response.orders!.map((order) => order.order_id);
	};

	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(async () => {
		sandbox.reset();
		// Orders 1..10, one a minute from 08:00 Kyiv time on 1 November 2026; statuses 2,3,4,6,1,...
		sandbox.horoshop.addOrders(10);
		token = (await post('auth', { login: sandbox.horoshop.login, password: sandbox.horoshop.password })).response.token!;
	});

	it('auth hands out a 32-character token, and ERROR with a message for a wrong password', async () => {
		expect(token).toMatch(/^[0-9a-f]{32}$/);
		expect(await post('auth', { login: sandbox.horoshop.login, password: 'x' })).toEqual({
			status: 'ERROR',
			response: { code: 3, message: 'Невірний логін або пароль' },
		});
	});

	it.each([
		['YYYY-MM-DD', { from: '2026-11-01', to: '2026-11-01' }, [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]],
		['DD.MM.YYYY', { from: '02.11.2026' }, 'EMPTY'],
		['YYYY-MM-DD HH:mm:ss', { from: '2026-11-01 08:03:00', to: '2026-11-01 08:05:00' }, [6, 5, 4]],
		['DD.MM.YYYY HH:mm:ss', { from: '01.11.2026 08:08:00' }, [10, 9]],
	])('from/to in %s, both inclusive', async (_, filter, expected) => {
		expect(await ids(filter)).toEqual(expected);
	});

	it('answers ERROR to a date in none of the four formats', async () => {
		expect((await post('orders/get', { token, from: '2026/11/01' })).status).toBe('ERROR');
	});

	it('status as a scalar or an array, ids as a JSON list or form ids[]', async () => {
		expect(await ids({ status: 3 })).toEqual([7, 2]);
		expect(await ids({ status: [3, '6'] })).toEqual([9, 7, 4, 2]);
		expect(await ids({ ids: [2, 5] })).toEqual([5, 2]);
		const form = await post('orders/get', `token=${token}&ids[]=3&ids[]=8`, true);
		expect(form.response.orders!.map((order) => order.order_id)).toEqual([8, 3]);
	});

	it('offset works only together with limit', async () => {
		expect(await ids({ offset: 8 })).toHaveLength(10);
		expect(await ids({ offset: 8, limit: 5 })).toEqual([2, 1]);
		expect(await ids({ limit: 3 })).toEqual([10, 9, 8]);
		expect(await ids({ offset: 10, limit: 5 })).toBe('EMPTY');
	});

	it('additional_data and delivery_data only with additionalData: true', async () => {
		const plain = await post('orders/get', { token });
		const full = await post('orders/get', { token, additionalData: true });

		expect(plain.response.orders!.some((order) => 'additional_data' in order || 'delivery_data' in order)).toBe(false);
		expect(full.response.orders!.some((order) => 'additional_data' in order && 'delivery_data' in order)).toBe(true);
	});

	it('orders look like seed 002: products linked by storage ids, analytics, Kyiv-time stat_created', async () => {
		sandbox.horoshop.addOrders(200);
		const { orders } = (await post('orders/get', { token })).response;

		expect(orders!.find((order) => order.order_id === 1)).toMatchObject({ stat_created: '2026-11-01 08:00:00', currency: 'UAH' });
		const products = orders!.flatMap((order) => order.products as Array<{ type?: string; storage_id: number; parent_storage_id: number | null }>);
		const storageIds = new Set(products.map((product) => product.storage_id));
		for (const type of ['set_main', 'set_item', 'gift', 'gift_parent']) expect(products.some((product) => product.type === type)).toBe(true);
		for (const child of products.filter((product) => product.type === 'set_item' || product.type === 'gift')) {
			expect(storageIds.has(child.parent_storage_id!)).toBe(true);
		}
		expect(orders!.some((order) => order.customer_details)).toBe(true);
		expect(orders!.some((order) => typeof order.analytics === 'object' && !Array.isArray(order.analytics))).toBe(true);
	});

	it('refuses a token after its lifetime, in the shape the test chose', async () => {
		sandbox.horoshop.tokenLifetimeSeconds = 0.5;
		const short = (await post('auth', { login: sandbox.horoshop.login, password: sandbox.horoshop.password })).response.token!;
		expect((await post('orders/get', { token: short })).status).toBe('OK');
		await new Promise((resolve) => setTimeout(resolve, 600));

		expect(await post('orders/get', { token: short })).toEqual({ status: 'ERROR', response: { code: 2, message: 'Invalid token' } });
		sandbox.horoshop.expiredTokenAnswer = 'unauthorized';
		expect((await post('orders/get', { token: short })).status).toBe('UNAUTHORIZED');
	});

	it('orders/update answers WARNING with a per-order log and changes only the good orders', async () => {
		const answer = await post('orders/update', {
			token,
			orders: [
				{ order_id: 1, status: 3, payed: 1 },
				{ order_id: 77, status: 3 },
				{ order_id: 2, status: 99 },
			],
		});

		expect(answer).toEqual({
			status: 'WARNING',
			response: {
				log: [
					{ order_id: 1, status: 'OK', message: 'Замовлення оновлено' },
					{ order_id: 77, status: 'ERROR', message: 'Замовлення 77 не знайдено' },
					{ order_id: 2, status: 'ERROR', message: 'Невідомий статус 99' },
				],
			},
		});
		expect(sandbox.horoshop.orders.get(1)).toMatchObject({ stat_status: 3, payed: 1 });
		expect(sandbox.horoshop.orders.get(2)?.stat_status).toBe(3);
	});

	it('get_available_statuses lists statuses keyed by id; unknown functions answer UNDEFINED_FUNCTION', async () => {
		const statuses = await post('orders/get_available_statuses', { token });
		expect(Object.keys((statuses.response as unknown as { statuses: object }).statuses)).toEqual(['1', '2', '3', '4', '6', '7']);
		expect(await post('catalog/nothing', { token })).toEqual({ status: 'UNDEFINED_FUNCTION', response: [] });
	});
});
