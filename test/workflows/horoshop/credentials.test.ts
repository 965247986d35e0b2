import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { getStatuses } from '../../../nodes/Horoshop/methods/loadOptions';
import { testCredential } from '../../harness/credentialTest';
import { loadOptionsContext } from './contexts';
import { requestCounts, runHoroshop } from './run';

describe('Horoshop credential, sign-in and status list', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	describe('credential test (a real auth call)', () => {
		it('passes with the right login and password', async () => {
			expect(await testCredential('horoshopApi', sandbox.horoshop.credentials())).toEqual({ status: 'OK', message: 'Connection successful!' });
			expect(sandbox.log.forRoute('horoshop.auth').map((entry) => entry.body)).toEqual([
				{ login: sandbox.horoshop.login, password: sandbox.horoshop.password },
			]);
		});

		it('fails on a wrong password although Horoshop answers HTTP 200', async () => {
			const result = await testCredential('horoshopApi', sandbox.horoshop.credentials({ password: 'wrong' }));

			expect(result).toEqual({
				status: 'Error',
				message: 'Horoshop refused the login or password. Check them, and that this admin user is allowed to use the API.',
			});
			expect(sandbox.log.forRoute('horoshop.auth')[0].status).toBe(200);
		});

		it('fails on an address that is not a Horoshop shop', async () => {
			const result = await testCredential('horoshopApi', sandbox.horoshop.credentials({ shopUrl: `${sandbox.url}/nowhere` }));

			expect(result.status).toBe('Error');
		});

		it('accepts the shop URL with a trailing slash or /api', async () => {
			for (const shopUrl of [`${sandbox.horoshop.baseUrl}/`, `${sandbox.horoshop.baseUrl}/api`]) {
				expect((await testCredential('horoshopApi', sandbox.horoshop.credentials({ shopUrl }))).status).toBe('OK');
			}
		});
	});

	it("a run with a wrong password stops with Horoshop's own message and without the password", async () => {
		sandbox.horoshop.addOrders(2);

		const result = await runHoroshop(sandbox, {
			parameters: { operation: 'getAll', returnAll: true },
			credentials: { password: 'wrong-password-123' },
		});

		const error = result.nodeError('Horoshop')!;
		expect(error.message).toBe(
			'Horoshop: sign in failed: the shop answered ERROR: "Невірний логін або пароль (code 3)". Check the login and password in the Horoshop credential.',
		);
		expect(JSON.stringify(result.run.data)).not.toContain('wrong-password-123');
		expect(requestCounts(sandbox)).toEqual({ auth: 1, get: 0, update: 0 });
	});

	it('a wrong password with "continue" puts every item on the error output', async () => {
		const result = await runHoroshop(sandbox, {
			items: [{ n: 1 }, { n: 2 }],
			parameters: { operation: 'get', orderId: '1' },
			credentials: { password: 'wrong' },
			onError: 'continueErrorOutput',
		});

		expect(result.output('Horoshop', 1).map((item) => [item.json.n, item.pairedItem])).toEqual([
			[1, { item: 0 }],
			[2, { item: 1 }],
		]);
		// The refused password is not tried again for the second item (shops may lock the admin out).
		expect(requestCounts(sandbox).auth).toBe(1);
		expect(result.output('Horoshop', 1)[1].json.error).toContain('Невірний логін або пароль');
	});

	describe('status list (Statuses / Status dropdowns)', () => {
		it("lists the shop's statuses, custom ones included, by their Ukrainian titles", async () => {
			const options = await getStatuses.call(loadOptionsContext(sandbox.horoshop.credentials()));

			expect(options).toEqual([
				{ name: 'Новий (1)', value: 1 },
				{ name: 'В обробці (2)', value: 2 },
				{ name: 'Доставлено (3)', value: 3 },
				{ name: 'Не доставлено (4)', value: 4 },
				{ name: 'Доставляється (6)', value: 6 },
				{ name: 'Повернення (7)', value: 7 },
			]);
		});

		it('falls back to the five statuses every shop has when the shop lacks the function (before v4.0)', async () => {
			sandbox.horoshop.undefinedFunctions.add('orders/get_available_statuses');

			const options = await getStatuses.call(loadOptionsContext(sandbox.horoshop.credentials()));

			expect(options.map((option) => option.value)).toEqual([1, 2, 3, 4, 6]);
		});

		it('shows the sign-in problem instead of a made-up list when the password is wrong', async () => {
			await expect(getStatuses.call(loadOptionsContext(sandbox.horoshop.credentials({ password: 'nope' })))).rejects.toThrow(
				'Horoshop: sign in failed: the shop answered ERROR: "Невірний логін або пароль (code 3)"',
			);
		});
	});
});
