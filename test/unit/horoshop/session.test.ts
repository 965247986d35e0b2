import { HoroshopSession, looksLikeExpiredToken, messageOf, shopBaseUrl } from '../../../nodes/Horoshop/session';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { loadOptionsContext } from '../../workflows/horoshop/contexts';

describe('Horoshop session', () => {
	describe('what counts as an expired token', () => {
		it.each([
			['UNAUTHORIZED', {}, true],
			['AUTHORIZATION_ERROR', 'whatever', true],
			['ERROR', { message: 'Invalid token' }, true],
			['ERROR', { message: 'Токен недійсний' }, true],
			['HTTP_ERROR', { code: 401, message: 'Помилка авторизації' }, true],
			['ERROR', 'Необходима авторизация', true],
			['ERROR', { message: 'Невірний формат дати' }, false],
			['EMPTY', { message: 'token' }, false],
			['OK', { token: 'abc' }, false],
		])('%s %j -> %s', (status, response, expired) => {
			expect(looksLikeExpiredToken(status, response)).toBe(expired);
		});
	});

	it("reads Horoshop's message with its code, or the response itself", () => {
		expect(messageOf({ message: 'Невірний логін', code: 3 })).toBe('Невірний логін (code 3)');
		expect(messageOf({ message: 'Нема' })).toBe('Нема');
		expect(messageOf('plain text')).toBe('plain text');
		expect(messageOf([])).toBe('');
		expect(messageOf({ reason: 'odd' })).toBe('{"reason":"odd"}');
	});

	it.each([
		['myshop.com.ua', 'https://myshop.com.ua'],
		[' https://myshop.com.ua/ ', 'https://myshop.com.ua'],
		['https://myshop.com.ua/api/', 'https://myshop.com.ua'],
		['http://127.0.0.1:4010/horoshop', 'http://127.0.0.1:4010/horoshop'],
	])('shop URL %p -> %p', (typed, base) => {
		expect(shopBaseUrl(typed)).toBe(base);
	});

	describe('token life (600 s, renewed a minute early)', () => {
		let sandbox: Sandbox;
		let clock: number;

		beforeAll(async () => {
			sandbox = await startSandbox();
		});
		afterAll(async () => await sandbox.stop());
		beforeEach(() => {
			sandbox.reset();
			clock = 1_000_000;
		});

		const session = () =>
			new HoroshopSession(loadOptionsContext(sandbox.horoshop.credentials()), sandbox.horoshop.credentials() as never, undefined, () => clock);
		const statuses = async (target: HoroshopSession) =>
			await target.call('orders/get_available_statuses', {}, { operation: 'get order statuses' });

		it('uses one token for 539 s and signs in again at 540 s, before the shop would refuse it', async () => {
			const target = session();
			await statuses(target);
			clock += 539_000;
			await statuses(target);
			expect(sandbox.log.forRoute('horoshop.auth')).toHaveLength(1);

			clock += 1_000;
			await statuses(target);
			expect(sandbox.log.forRoute('horoshop.auth')).toHaveLength(2);
			const tokens = sandbox.log.forRoute('horoshop.statuses').map((entry) => (entry.body as { token: string }).token);
			expect(tokens[1]).toBe(tokens[0]);
			expect(tokens[2]).not.toBe(tokens[1]);
		});

		it('signs in once when several calls need a token at the same moment', async () => {
			const target = session();
			await Promise.all([statuses(target), statuses(target), statuses(target)]);

			expect(sandbox.log.forRoute('horoshop.auth')).toHaveLength(1);
		});

		it('sends the token in the JSON body, never in the URL or a header', async () => {
			await statuses(session());

			const [entry] = sandbox.log.forRoute('horoshop.statuses');
			expect(entry.body).toEqual({ token: expect.stringMatching(/^[0-9a-f]{32}$/) });
			expect(entry.query).toEqual({});
			expect(entry.auth).toMatch(/^token /);
		});
	});
});
