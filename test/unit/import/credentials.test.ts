import fc from 'fast-check';
import type { IHttpRequestOptions } from 'n8n-workflow';

import { OneCApi } from '../../../credentials/OneCApi.credentials';

describe('1C credential: Basic auth header', () => {
	const credential = new OneCApi();
	const headerFor = async (user: string, password: string, ignoreSslIssues = false) => {
		const options = await credential.authenticate(
			{ serverUrl: 'http://1c.local', publication: 'base', user, password, ignoreSslIssues },
			{ url: '/x', headers: {} } as IHttpRequestOptions,
		);
		return options;
	};

	it('encodes user:password as UTF-8, so Cyrillic users reach 1C intact', async () => {
		const options = await headerFor('Менеджер', 'Секрет-1С');
		expect(options.headers?.Authorization).toBe(`Basic ${Buffer.from('Менеджер:Секрет-1С', 'utf8').toString('base64')}`);
	});

	it('matches UTF-8 base64 for any user and password', async () => {
		await fc.assert(
			fc.asyncProperty(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), async (user, password) => {
				fc.pre(user !== '');
				const options = await headerFor(user, password);
				expect(options.headers?.Authorization).toBe(`Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`);
			}),
		);
	});

	it('sends no header when the publication signs in by itself (no user)', async () => {
		expect((await headerFor('', '')).headers?.Authorization).toBeUndefined();
	});

	it('turns "Ignore SSL Issues" into skipping certificate checks, and only then', async () => {
		expect((await headerFor('u', 'p', true)).skipSslCertificateValidation).toBe(true);
		expect((await headerFor('u', 'p', false)).skipSslCertificateValidation).toBeUndefined();
	});
});
