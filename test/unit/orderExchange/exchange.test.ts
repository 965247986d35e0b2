import type { INodeExecutionData } from 'n8n-workflow';

import { exchangeAnswer } from '../../../nodes/OrderExchange/exchange/answer';
import { basicAuthMatches, loginProblem } from '../../../nodes/OrderExchange/exchange/basicAuth';
import { outcomesOf } from '../../../nodes/OrderExchange/exchange/outcomes';
import { receiveExchange } from '../../../nodes/OrderExchange/exchange/receive';
import { aquaExample } from '../../fixtures/seedExamples';

const item = (json: INodeExecutionData['json']): INodeExecutionData => ({ json });

describe('receiving an exchange call (seed 001)', () => {
	it('takes the seed example, also after a UTF-8 BOM, as one valid order', () => {
		for (const body of [JSON.stringify([aquaExample]), `\uFEFF${JSON.stringify([aquaExample])}`, [aquaExample]]) {
			const received = receiveExchange(body);
			expect(received).toMatchObject({ ok: true, invalid: [] });
			expect(received.ok && received.orders.map((order) => order.id)).toEqual([aquaExample.id]);
		}
	});

	it('names every bad field of an invalid order, keyed by its id, and keeps the valid ones', () => {
		const bad = { ...aquaExample, id: 'BAD-1', status: 'shipped', total: -1, client: { username: 'Без телефону' } };
		const received = receiveExchange([aquaExample, bad]);

		expect(received.ok).toBe(true);
		if (!received.ok) return;
		expect(received.orders).toHaveLength(1);
		expect(received.invalid).toEqual([
			{
				id: 'BAD-1',
				errors: {
					status: ['must be one of new, approved, completed, removed'],
					total: ['must not be negative'],
					'client.phone': [expect.stringContaining('is required')],
				},
			},
		]);
	});

	it('names an order without an id by its place, and a second order with the same id as invalid', () => {
		const { id, ...noId } = aquaExample;
		const received = receiveExchange([aquaExample, noId, aquaExample]);
		expect(received.ok && received.invalid.map((order) => [order.id, Object.keys(order.errors)])).toEqual([
			['order 2', ['id']],
			[aquaExample.id, ['id']],
		]);
	});

	it('refuses a body that is not an order array, saying what it must be', () => {
		expect(receiveExchange('{"orders": [')).toMatchObject({ ok: false, message: expect.stringContaining('not JSON') });
		expect(receiveExchange({ orders: [aquaExample] })).toMatchObject({ ok: false, message: expect.stringContaining('array of orders') });
	});
});

describe('answering an exchange call', () => {
	const ids = new Set(['A', 'B', 'C', 'D']);

	it('answers each order by what the workflow did with it, and an order it lost as failed', () => {
		const done = [item({ orderId: 'A', saleAppId: 75 }), item({ external_id: 'B', saleAppId: 76 })];
		const failed = [
			item({ error: 'Order C: client.phone: is required', details: { orderId: 'C', problems: [{ field: 'client.phone', message: 'is required' }] } }),
		];
		const outcomes = outcomesOf(ids, done, [75, 76], failed);
		const answer = exchangeAnswer(['A', 'B', 'C', 'D'], [{ id: 'E', errors: { status: ['must be one of ...'] } }], outcomes);

		expect(answer).toEqual({
			success: true,
			data: {
				A: { success: true, data: [{ id: 75, external_id: 'A' }] },
				B: { success: true, data: [{ id: 76, external_id: 'B' }] },
				C: { success: false, data: { 'client.phone': ['is required'] } },
				D: { success: false, data: { order: [expect.stringContaining('no answer')] } },
				E: { success: false, data: { status: ['must be one of ...'] } },
			},
		});
	});

	it('an order with a failed item is failed even when another of its items went through; errors without fields are the order\'s', () => {
		const outcomes = outcomesOf(ids, [item({ orderId: 'A' })], [12], [item({ id: 'A', error: 'SaleApp: Товар №1 не знайдено' })]);
		expect(exchangeAnswer(['A'], [], outcomes).data.A).toEqual({ success: false, data: { order: ['SaleApp: Товар №1 не знайдено'] } });
	});

	it('ignores ids that are not orders of this call (a receiver\'s own id) when finding an item\'s order', () => {
		const outcomes = outcomesOf(ids, [item({ id: 9001, external_id: 'B' })], [9001], []);
		expect([...outcomes.keys()]).toEqual(['B']);
	});
});

describe('the exchange login', () => {
	const login = { user: 'Обмін', password: 'pa:ss' };
	const header = (text: string) => `Basic ${Buffer.from(text, 'utf8').toString('base64')}`;

	it('accepts exactly its user and password (UTF-8, a colon in the password) and nothing else', () => {
		expect(basicAuthMatches(header('Обмін:pa:ss'), login)).toBe(true);
		expect(basicAuthMatches(header('Обмін:pa:s'), login)).toBe(false);
		expect(basicAuthMatches(header('обмін:pa:ss'), login)).toBe(false);
		expect(basicAuthMatches(undefined, login)).toBe(false);
		expect(basicAuthMatches('Bearer x', login)).toBe(false);
	});

	it('says why a login cannot work over HTTP Basic', () => {
		expect(loginProblem(login)).toBeUndefined();
		expect(loginProblem({ user: 'a:b', password: 'x' })).toContain(':');
		expect(loginProblem({ user: 'a', password: '' })).toContain('Password');
		expect(loginProblem({ password: 'x' })).toContain('User');
	});
});
