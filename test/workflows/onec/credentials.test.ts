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
			testWith: 'service',
			testService: 'AquaDeliveri/getOrdersURL',
			...overrides,
		});

	it('1C: passes with a Cyrillic user by posting an empty order list to the HTTP service, creating nothing', async () => {
		expect(await oneC()).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sandbox.log.forRoute('onec.service').map((entry) => [entry.method, entry.path, entry.body, entry.auth])).toEqual([
			['POST', '/demodelivery/hs/AquaDeliveri/getOrdersURL', [], 'Basic Менеджер'],
		]);
		expect(sandbox.log.forRoute('onec.odata')).toEqual([]);
		expect(sandbox.onec.orders.size).toBe(0);
	});

	it('1C: tests the HTTP service named in the credential', async () => {
		sandbox.onec.service = 'Exchange';
		sandbox.onec.method = 'orders';

		expect(await oneC({ testService: '/Exchange/orders/' })).toEqual({ status: 'OK', message: 'Connection successful!' });
		const wrongService = await oneC({ testService: 'AquaDeliveri/getOrdersURL' });
		expect(wrongService.status).toBe('Error');
		expect(wrongService.message).toContain('then HTTP Service to Test');
	});

	it('1C: with Test With OData reads the OData root instead', async () => {
		expect(await oneC({ testWith: 'odata' })).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sandbox.log.forRoute('onec.odata').map((entry) => [entry.method, entry.path, entry.auth])).toEqual([
			['GET', '/demodelivery/odata/standard.odata/', 'Basic Менеджер'],
		]);
		expect(sandbox.log.forRoute('onec.service')).toEqual([]);
	});

	it.each(['service', 'odata'])('1C (%s): tells a wrong publication (HTML 404) from a wrong password (401)', async (testWith) => {
		const wrongPublication = await oneC({ testWith, publication: 'demo' });
		const wrongPassword = await oneC({ testWith, password: 'секрет' });

		expect(wrongPublication.status).toBe('Error');
		expect(wrongPublication.message).toContain('check the Server URL and the Publication Name');
		expect(wrongPassword).toEqual({ status: 'Error', message: '1C refused the user or password' });
	});

	it('1C: a service that fails on the empty list says the address and user are right', async () => {
		sandbox.onec.serviceError = '{ОбщийМодуль.ОбменЗаказами.Модуль(7)}: Индекс находится за границами диапазона';

		const result = await oneC();

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^The server, publication and user are right, but 1C's HTTP service failed on an empty order list \(HTTP 500\)/);
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

	it('Aqua: with a login passes by signing in, and never posts to the import', async () => {
		expect(await aqua()).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sandbox.log.forRoute('aqua.import')).toEqual([]);
		// The sign-in, then the test's own request, the sign-in again.
		expect(sandbox.log.forRoute('aqua.login').map((entry) => (entry.body as { login: string }).login)).toEqual([
			sandbox.aqua.login,
			sandbox.aqua.login,
		]);
	});

	it('Aqua: with a ready token passes by an empty import, which creates nothing', async () => {
		expect(await aqua({ signInMethod: 'token', apiToken: 'aqua-api-token' })).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sandbox.log.forRoute('aqua.import').map((entry) => entry.body)).toEqual([[]]);
		expect(sandbox.log.forRoute('aqua.login')).toEqual([]);
		expect(sandbox.aqua.orders.size).toBe(0);
	});

	it('Aqua: fails on a wrong password and on a wrong token, saying how the token was tested', async () => {
		const wrongPassword = await aqua({ password: 'nope' });
		const wrongToken = await aqua({ signInMethod: 'token', apiToken: 'expired-token' });

		expect(wrongPassword.status).toBe('Error');
		expect(wrongPassword.message).toContain('check the login and password');
		expect(wrongToken).toEqual({
			status: 'Error',
			message:
				'Aqua Delivery refused the API token (tested with an empty order import, which creates nothing: Aqua has no read-only request to test a token with)',
		});
	});
});
