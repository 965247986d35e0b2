import { openEnvironment } from './environment';
import type { E2eEnvironment } from './environment';

/**
 * The credential tests as n8n's own CredentialsTester runs them (`POST /rest/credentials/test`):
 * the request fields that depend on the credential (1C's Test With, Aqua's Sign In With) are
 * expressions, which the server resolves.
 */
describe('credential tests on the real n8n', () => {
	let env: E2eEnvironment;

	beforeAll(async () => {
		env = await openEnvironment();
		await env.n8n.start();
		await env.n8n.setupOwner({ email: 'e2e@example.com', firstName: 'E2E', lastName: 'Owner', password: 'E2e-owner-pass-1' });
	});
	afterAll(async () => {
		await env?.close();
	});
	beforeEach(() => env.sandbox.log.clear());

	const test = async (type: string, changes: Record<string, unknown>) => {
		const credential = env.credentials.find((c) => c.type === type)!;
		const data = { ...credential.data, ...changes };
		const answer = await env.n8n.post<{ data: { status: string; message: string } }>('/rest/credentials/test', {
			credentials: { id: credential.id, name: credential.name, type, data },
		});
		return answer.data;
	};

	it('1C: posts an empty order list to the HTTP service by default, and reads OData with Test With OData', async () => {
		expect(await test('oneCApi', {})).toMatchObject({ status: 'OK' });
		expect(env.sandbox.log.forRoute('onec.service').map((entry) => [entry.method, entry.path, entry.body])).toEqual([
			['POST', `/${env.sandbox.onec.publication}/hs/AquaDeliveri/getOrdersURL`, []],
		]);
		expect(env.sandbox.onec.orders.size).toBe(0);

		env.sandbox.log.clear();
		expect(await test('oneCApi', { testWith: 'odata' })).toMatchObject({ status: 'OK' });
		expect(env.sandbox.log.forRoute('onec.odata').map((entry) => [entry.method, entry.path])).toEqual([
			['GET', `/${env.sandbox.onec.publication}/odata/standard.odata/`],
		]);
		expect(env.sandbox.log.forRoute('onec.service')).toEqual([]);
	});

	it('1C: a service path 1C does not have is named in the message', async () => {
		const result = await test('oneCApi', { testWith: 'service', testService: 'Nope/none' });

		expect(result.status).toBe('Error');
		expect(result.message).toContain('then HTTP Service to Test');
	});

	it('Aqua: signs in without posting to the import; a ready token is checked with an empty import', async () => {
		expect(await test('aquaDeliveryApi', {})).toMatchObject({ status: 'OK' });
		expect(env.sandbox.log.forRoute('aqua.import')).toEqual([]);
		expect(env.sandbox.log.forRoute('aqua.login').length).toBeGreaterThan(0);

		env.sandbox.log.clear();
		expect(await test('aquaDeliveryApi', { signInMethod: 'token', apiToken: 'aqua-api-token' })).toMatchObject({ status: 'OK' });
		expect(env.sandbox.log.forRoute('aqua.import').map((entry) => entry.body)).toEqual([[]]);
		expect(env.sandbox.aqua.orders.size).toBe(0);
	});
});
