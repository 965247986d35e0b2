import { itemsOf, openEnvironment } from './environment';
import type { E2eEnvironment } from './environment';

/**
 * n8n offers "Custom API Call" on every node whose credential can sign any request, and sends the
 * user to its HTTP Request node with that credential as a predefined credential type. Aqua, 1C and
 * SaleApp credentials are such credentials (Horoshop's token travels in the body, so n8n offers
 * nothing there): here each one signs an HTTP Request node's call on the real n8n.
 */
describe('the credentials as predefined credentials in n8n\'s HTTP Request node (Custom API Call)', () => {
	let env: E2eEnvironment;

	beforeAll(async () => {
		env = await openEnvironment();
	});
	afterAll(async () => await env?.close());

	const credentialOf = (type: string) => {
		const credential = env.credentials.find((c) => c.type === type)!;
		return { [type]: { id: credential.id, name: credential.name } };
	};
	const request = (name: string, type: string, x: number, parameters: Record<string, unknown>) => ({
		id: name,
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [x, 0],
		parameters: { authentication: 'predefinedCredentialType', nodeCredentialType: type, method: 'POST', ...parameters },
		credentials: credentialOf(type),
	});

	it('signs an Aqua, a 1C and a SaleApp call the way the nodes do', async () => {
		const { sandbox } = env;
		const workflow = {
			id: 'customApiCall',
			name: 'Custom API calls',
			active: false,
			nodes: [
				{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				request('Aqua', 'aquaDeliveryApi', 200, {
					url: `${sandbox.url}/v1/order/import/`,
					sendBody: true,
					contentType: 'raw',
					rawContentType: 'application/json',
					body: '[]',
				}),
				request('1C', 'oneCApi', 400, {
					url: `${sandbox.url}/${sandbox.onec.publication}/hs/AquaDeliveri/getOrdersURL`,
					sendBody: true,
					contentType: 'raw',
					rawContentType: 'application/json',
					body: '[]',
				}),
				request('SaleApp', 'saleAppApi', 600, {
					url: `${sandbox.url}/saleapp/Orders`,
					sendBody: true,
					contentType: 'form-urlencoded',
					bodyParameters: { parameters: [{ name: 'method_type', value: 'GET' }, { name: 'external_id', value: 'none-such' }] },
				}),
			],
			connections: {
				Start: { main: [[{ node: 'Aqua', type: 'main', index: 0 }]] },
				Aqua: { main: [[{ node: '1C', type: 'main', index: 0 }]] },
				'1C': { main: [[{ node: 'SaleApp', type: 'main', index: 0 }]] },
			},
			settings: { executionOrder: 'v1' },
		};
		await env.n8n.importWorkflows([workflow]);

		const run = await env.n8n.execute('customApiCall');
		expect(run.data?.data?.resultData.error).toBeUndefined();
		expect(itemsOf(run.data, 'Aqua')).toEqual([expect.objectContaining({ success: true })]);
		expect(itemsOf(run.data, '1C')).toEqual([expect.objectContaining({ success: true })]);
		expect(itemsOf(run.data, 'SaleApp')).toEqual([expect.objectContaining({ error: 'false' })]);

		const authOf = (route: string) => sandbox.log.forRoute(route).map((entry) => entry.auth);
		expect(authOf('aqua.login')).toHaveLength(1);
		expect(authOf('aqua.import')).toEqual([expect.stringMatching(/^Bearer aqua-session-/)]);
		expect(authOf('onec.service')).toEqual([`Basic ${[...sandbox.onec.users.keys()][0]}`]);
		expect(authOf('saleapp.orders')).toEqual(['secret_key:organisation']);
	});
});
