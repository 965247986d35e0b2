import type { Sandbox } from '../../sandbox/server';
import { SALEAPP_KEYS } from '../../sandbox/systems/saleapp';
import type { CredentialToImport } from './instance';

/** The user and password a caller of the Order Exchange Trigger sends in the sandbox (Aqua would). */
export const EXCHANGE_LOGIN = { user: 'aqua-exchange', password: 'exchange-sandbox-password' };

/**
 * One credential per system, pointing at the sandbox, under the names the templates use.
 * These are the sandbox's made-up accounts, not anybody's secrets.
 */
export function sandboxCredentials(sandbox: Sandbox): CredentialToImport[] {
	const onecUser = [...sandbox.onec.users.entries()][0];
	return [
		{
			id: 'osCredAquaSandbox',
			name: 'Aqua Delivery account',
			type: 'aquaDeliveryApi',
			data: { baseUrl: sandbox.url, signInMethod: 'login', login: sandbox.aqua.login, password: sandbox.aqua.password },
		},
		{
			id: 'osCredOneCSandbox',
			name: '1C account',
			type: 'oneCApi',
			data: {
				serverUrl: sandbox.url,
				publication: sandbox.onec.publication,
				user: onecUser[0],
				password: onecUser[1],
				ignoreSslIssues: false,
			},
		},
		{
			id: 'osCredHoroshopSandbox',
			name: 'Horoshop account',
			type: 'horoshopApi',
			data: sandbox.horoshop.credentials(),
		},
		{
			id: 'osCredExchangeSandbox',
			name: 'Order Exchange login',
			type: 'orderExchangeLoginApi',
			data: EXCHANGE_LOGIN,
		},
		{
			id: 'osCredSaleAppSandbox',
			name: 'SaleApp account',
			type: 'saleAppApi',
			data: { baseUrl: `${sandbox.url}/saleapp`, secretKey: SALEAPP_KEYS.organisation, kind: 'organisation' },
		},
	];
}
