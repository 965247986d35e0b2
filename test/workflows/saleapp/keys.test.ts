import { SaleAppApi } from '../../../credentials/SaleAppApi.credentials';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { SALEAPP_KEYS } from '../../../sandbox/systems/saleapp';
import { testCredential } from '../../harness/credentialTest';
import { KEY_KINDS, createFromItems, itemOrder, runSaleApp, sentForms } from './helpers';

/** A wrong key with characters that change when URL-encoded, so both spellings must be hidden. */
const WRONG_KEY = 'wrong/Key+7f3c=9e1b';

describe('SaleApp node: the secret key', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	it('travels as the secret_key query parameter, through the credential', async () => {
		await runSaleApp(sandbox, { kind: 'organisation', parameters: { operation: 'get', findBy: 'id', orderId: 1 } });
		const [entry] = sandbox.log.forRoute('saleapp.orders');
		expect(entry.query.secret_key).toBe(SALEAPP_KEYS.organisation);
		expect(entry.auth).toBe('secret_key:organisation');
		expect(entry.body).toEqual({ method_type: 'GET', id: '1' });
	});

	describe.each(KEY_KINDS)('a wrong %s key', (kind) => {
		it('gives a clear error on every item, in which the key never appears', async () => {
			const { ok, failed, result } = await runSaleApp(sandbox, {
				kind,
				secretKey: WRONG_KEY,
				items: [itemOrder('W-1'), itemOrder('W-2')],
				parameters: createFromItems(kind),
			});
			expect(ok).toEqual([]);
			expect(failed.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			// The fake echoes the request URL, key included, in its refusal: the node masks it.
			expect(failed[0].json.error).toBe(
				'SaleApp: look up order failed: "Невірний або відсутній secret_key у запиті /saleapp/Orders?secret_key=*** ' +
					'(check the secret key and its kind in the SaleApp credential)"',
			);
			const everything = JSON.stringify(result.run);
			expect(everything).not.toContain(WRONG_KEY);
			expect(everything).not.toContain(encodeURIComponent(WRONG_KEY));
			expect(sandbox.saleapp.orders.size).toBe(0);
		});
	});

	it('stops the node with the same clear error when not continuing, the key nowhere in it', async () => {
		const { error, result } = await runSaleApp(sandbox, {
			kind: 'counterparty',
			secretKey: WRONG_KEY,
			parameters: { operation: 'delete', findBy: 'id', orderId: 5 },
			onError: 'stopWorkflow',
		});
		expect(error?.message).toContain('Невірний або відсутній secret_key');
		expect(error?.message).toContain('check the secret key');
		for (const text of [error?.message, (error as { description?: string })?.description, JSON.stringify(error), JSON.stringify(result.run)]) {
			expect(text ?? '').not.toContain(WRONG_KEY);
			expect(text ?? '').not.toContain(encodeURIComponent(WRONG_KEY));
		}
	});

	it.each([
		['an HTML error page', { kind: 'html' as const, status: 502 }],
		['a body that is not JSON', { kind: 'invalidJson' as const }],
		['HTTP 401', { kind: 'status' as const, status: 401 }],
		['a dropped connection', { kind: 'reset' as const }],
	])('keeps the key out of the error after %s', async (_name, fault) => {
		sandbox.addFault({ route: 'saleapp.orders', ...fault });
		const { error, result } = await runSaleApp(sandbox, {
			kind: 'organisation',
			parameters: {
				operation: 'get',
				findBy: 'id',
				orderId: 5,
				options: { retry: { settings: { maxAttempts: 1, maxTotalWaitSeconds: 0 } } },
			},
			onError: 'stopWorkflow',
		});
		expect(error).toBeDefined();
		// The key did go out with the request; it just must not come back in the error.
		expect(sandbox.log.forRoute('saleapp.orders')[0].query.secret_key).toBe(SALEAPP_KEYS.organisation);
		expect(JSON.stringify(result.run)).not.toContain(SALEAPP_KEYS.organisation);
		expect(JSON.stringify(error)).not.toContain(SALEAPP_KEYS.organisation);
	});

	describe('credential test', () => {
		const credential = new SaleAppApi();

		/** Runs the credential's test the way n8n does: "OK", or the message of the rule that failed it. */
		const testWith = async (secretKey: string): Promise<string> => {
			const result = await testCredential('saleAppApi', { baseUrl: `${sandbox.url}/saleapp`, secretKey });
			return result.status === 'OK' ? 'OK' : result.message;
		};

		it('passes with either right key and fails with a wrong one, changing nothing', async () => {
			sandbox.saleapp.seedOrder({ externalId: 'KEEP' });
			expect(await testWith(SALEAPP_KEYS.organisation)).toBe('OK');
			expect(await testWith(SALEAPP_KEYS.counterparty)).toBe('OK');
			expect(await testWith(WRONG_KEY)).toBe(
				'SaleApp answered an error to a lookup of an order that cannot exist (which finds nothing with a right key): check the Secret Key',
			);
			expect(sandbox.saleapp.orders.size).toBe(1);
			expect(sentForms(sandbox).map((form) => form.method_type)).toEqual(['GET', 'GET', 'GET']);
		});

		it('sends the key through the generic authentication as the secret_key query parameter', () => {
			expect(credential.authenticate).toEqual({
				type: 'generic',
				properties: { qs: { secret_key: '={{$credentials.secretKey}}' } },
			});
			expect(credential.test.request).toMatchObject({ baseURL: '={{$credentials.baseUrl}}', url: '/Orders', method: 'POST' });
		});
	});
});
