import { redact, secretsOf } from '../../../nodes/shared/transport/redact';

describe('redact', () => {
	it('removes bearer tokens', () => {
		expect(redact('Authorization: Bearer eyJhbGciOi.abc-123')).toBe('Authorization: Bearer ***');
	});

	it('removes Basic credentials', () => {
		expect(redact('authorization: Basic 0JDQtNC80LjQvTpwYXNz')).toBe('authorization: Basic ***');
	});

	it("removes SaleApp's secret_key from URLs", () => {
		expect(redact('POST https://apps.conwix.com/server/api/Orders?secret_key=a1b2c3&x=1 failed')).toBe(
			'POST https://apps.conwix.com/server/api/Orders?secret_key=***&x=1 failed',
		);
	});

	it("removes Horoshop's token and passwords from JSON bodies", () => {
		expect(redact('{"token":"0123456789abcdef","orders":[]}')).toBe('{"token":"***","orders":[]}');
		expect(redact('{"login":"admin","password":"p@ss w0rd"}')).toBe('{"login":"admin","password":"***"}');
	});

	it('removes known secret values wherever they appear, also URL-encoded', () => {
		const secret = 'пароль 1C';
		expect(redact(`user rejected with ${secret} and ${encodeURIComponent(secret)}`, [secret])).toBe(
			'user rejected with *** and ***',
		);
	});

	it('treats credential fields named like secrets as secrets', () => {
		expect(
			secretsOf({
				baseUrl: 'https://x',
				login: 'admin',
				password: 'pw12',
				apiToken: 'tkn1',
				secretKey: 'key1',
				kind: 'organisation',
				authMethod: 'login',
				keyKind: 'counterparty',
			}),
		).toEqual(['pw12', 'tkn1', 'key1']);
	});
});
