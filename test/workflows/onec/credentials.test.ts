import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { testCredential } from '../../harness/credentialTest';

describe('1C and Aqua Delivery credential tests (through n8n\'s RoutingNode)', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	const oneC = (overrides: Record<string, unknown> = {}) =>
		testCredential('oneCApi', {
			serverUrl: sandbox.url,
			publication: 'demodelivery',
			user: 'Менеджер',
			password: 'Секрет-1С',
			ignoreSslIssues: false,
			...overrides,
		});

	it('1C: passes with a Cyrillic user and its password', async () => {
		expect(await oneC()).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sandbox.log.forRoute('onec.odata').map((entry) => [entry.path, entry.auth])).toEqual([
			['/demodelivery/odata/standard.odata/', 'Basic Менеджер'],
		]);
	});

	it('1C: tells a wrong publication (HTML 404) from a wrong password (401)', async () => {
		const wrongPublication = await oneC({ publication: 'demo' });
		const wrongPassword = await oneC({ password: 'секрет' });

		expect(wrongPublication.status).toBe('Error');
		expect(wrongPublication.message).toContain('check the server URL and the publication name');
		expect(wrongPassword).toEqual({ status: 'Error', message: '1C refused the user or password' });
	});

	const aqua = (overrides: Record<string, unknown> = {}) =>
		testCredential('aquaDeliveryApi', {
			baseUrl: sandbox.url,
			signInMethod: 'login',
			login: sandbox.aqua.login,
			password: sandbox.aqua.password,
			apiToken: '',
			sessionToken: '',
			...overrides,
		});

	it('Aqua: passes after signing in, and with a ready token', async () => {
		expect(await aqua()).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(await aqua({ signInMethod: 'token', apiToken: 'aqua-api-token' })).toEqual({ status: 'OK', message: 'Connection successful!' });
		// The test imports an empty list: nothing is created.
		expect(sandbox.aqua.orders.size).toBe(0);
	});

	it('Aqua: fails on a wrong password and on a wrong token', async () => {
		const wrongPassword = await aqua({ password: 'nope' });
		const wrongToken = await aqua({ signInMethod: 'token', apiToken: 'expired-token' });

		expect(wrongPassword.status).toBe('Error');
		expect(wrongPassword.message).toContain('check the login and password');
		expect(wrongToken).toEqual({
			status: 'Error',
			message: 'Aqua Delivery refused the token: check the login and password, or the API token',
		});
	});
});
