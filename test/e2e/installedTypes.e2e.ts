import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import { openEnvironment, serverLog } from './environment';
import { loadTemplates } from '../../scripts/n8n/templates';
import type { E2eEnvironment } from './environment';

const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
	name: string;
	n8n: { nodes: string[]; credentials: string[] };
};
/** `dist/nodes/OneCOrders/OneCOrders.node.js` -> `oneCOrders`. */
const typeName = (path: string) => {
	const file = basename(path).split('.')[0];
	return file[0].toLowerCase() + file.slice(1);
};
const nodeNames = pkg.n8n.nodes.map(typeName);
const credentialNames = pkg.n8n.credentials.map(typeName);

interface NodeTypeDescription {
	name: string;
	version: number | number[];
	displayName: string;
	credentials?: Array<{ name: string }>;
	iconUrl?: string | { light: string; dark: string };
	subtitle?: string;
	codex?: { alias?: string[] };
	properties: Array<{ name: string; default?: unknown; options?: Array<{ value: unknown; name: string }>; displayOptions?: unknown }>;
}

/** The words people type into n8n's node search, and a node of the package each must find. */
const SEARCHES: Array<[string, string]> = [
	['1С', 'oneCOrders'],
	['1C', 'oneCOrders'],
	['Хорошоп', 'horoshop'],
	['Horoshop', 'horoshopTrigger'],
	['Аква', 'aquaDelivery'],
	['Aqua', 'aquaDelivery'],
	['SaleApp', 'saleApp'],
	['Conwix', 'saleApp'],
	['convert', 'orderTransformer'],
	['transform', 'orderTransformer'],
	['shop', 'horoshop'],
	['delivery', 'aquaDelivery'],
	['water', 'aquaDelivery'],
	['exchange', 'orderExchangeTrigger'],
];

/** A subtitle as the editor shows it under the node: n8n evaluates `={{ ... }}` with the node's parameters. */
function subtitleFor(subtitle: string, parameters: Record<string, unknown>): string {
	const expression = /^=\{\{([\s\S]*)\}\}$/.exec(subtitle.trim());
	if (!expression) return subtitle;
	return String(new Function('$parameter', `return (${expression[1]});`)(parameters));
}

describe('the package installed in a real n8n 2.40.7', () => {
	let env: E2eEnvironment;
	let nodes: NodeTypeDescription[];
	let credentials: Array<{ name: string; displayName: string }>;

	beforeAll(async () => {
		env = await openEnvironment();
		await env.n8n.start();
		await env.n8n.setupOwner({ email: 'e2e@example.com', firstName: 'E2E', lastName: 'Owner', password: 'E2e-owner-pass-1' });
		nodes = await env.n8n.get<NodeTypeDescription[]>('/types/nodes.json');
		credentials = await env.n8n.get<Array<{ name: string; displayName: string }>>('/types/credentials.json');
	});

	afterAll(async () => {
		await env?.close();
	});

	it('loads the package without errors', () => {
		expect(serverLog(env.n8n)).not.toMatch(/Failed to load package|Error loading package/i);
	});

	it.each(nodeNames)('lists the node %s under the package name', (name) => {
		const node = nodes.find((n) => n.name === `${pkg.name}.${name}`);
		expect(node).toBeDefined();
		expect(node!.displayName).not.toBe('');
	});

	const packageNode = (name: string) => nodes.find((n) => n.name === `${pkg.name}.${name}`)!;

	it.each(SEARCHES)('node search for "%s" finds %s (codex aliases as the server serves them)', (word, name) => {
		const aliases = (packageNode(name).codex?.alias ?? []).map((alias) => alias.toLowerCase());
		expect(aliases.some((alias) => alias.includes(word.toLowerCase()))).toBe(true);
	});

	it('node search for "order" finds every node of the package', () => {
		const missing = nodeNames.filter((name) => !(packageNode(name).codex?.alias ?? []).some((alias) => /order/i.test(alias)));
		expect(missing).toEqual([]);
	});

	it.each(nodeNames)('%s: its subtitle names every operation or event in words, never a raw value', (name) => {
		const node = packageNode(name);
		expect(node.subtitle).toBeDefined();
		// As a new node shows it: every parameter at its default.
		const defaults = Object.fromEntries(node.properties.map((property) => [property.name, property.default]));
		expect(subtitleFor(node.subtitle!, defaults)).toMatch(/^[A-Z0-9][^$]*[a-z]/);
		expect(subtitleFor(node.subtitle!, defaults)).not.toMatch(/undefined|__/);
		const choices = node.properties.filter((property) => ['operation', 'event'].includes(property.name) && property.options);
		for (const property of choices) {
			for (const option of property.options!) {
				const shown = subtitleFor(node.subtitle!, { [property.name]: option.value, resource: 'order', from: 'horoshop', to: 'aqua', path: 'p' });
				expect([option.value, shown]).toEqual([option.value, expect.stringMatching(/^[A-Z][a-z]+ [A-Za-z ]+$/)]);
			}
		}
	});

	it.each(credentialNames)('lists the credential %s', (name) => {
		expect(credentials.map((c) => c.name)).toContain(name);
	});

	const wrongSecret: Record<string, Record<string, string>> = {
		aquaDeliveryApi: { password: 'not-the-password' },
		oneCApi: { password: 'not-the-password' },
		horoshopApi: { password: 'not-the-password' },
		saleAppApi: { secretKey: 'sa-org-not-a-key' },
		// Nothing to sign in to: the test refuses a login HTTP Basic cannot carry.
		orderExchangeLoginApi: { user: 'aqua:exchange' },
	};

	it.each(credentialNames)('runs the credential test of %s: OK against the sandbox, an error with a wrong secret', async (type) => {
		const credential = env.credentials.find((c) => c.type === type)!;
		const test = async (data: Record<string, unknown>) =>
			(
				await env.n8n.post<{ data: { status: string; message: string } }>('/rest/credentials/test', {
					credentials: { id: credential.id, name: credential.name, type, data },
				})
			).data;

		expect(await test(credential.data)).toMatchObject({ status: 'OK' });
		const refused = await test({ ...credential.data, ...wrongSecret[type] });
		expect(refused.status).toBe('Error');
		expect(refused.message).not.toBe('');
		for (const secret of Object.values(wrongSecret[type])) expect(refused.message).not.toContain(secret);
	});

	it('loads the Horoshop status list live from the shop, as the node editor does', async () => {
		const credential = env.credentials.find((c) => c.type === 'horoshopApi')!;
		env.sandbox.horoshop.statuses.push({ id: 17, title: { ua: 'Чекає на оплату', ru: 'Ждёт оплаты', en: 'Awaiting payment' }, is_successful: 0 });
		const { data } = await env.n8n.post<{ data: Array<{ name: string; value: unknown }> }>(
			'/rest/dynamic-node-parameters/options',
			{
				path: 'parameters.filters.statuses',
				methodName: 'getStatuses',
				nodeTypeAndVersion: { name: `${pkg.name}.horoshop`, version: 1 },
				currentNodeParameters: { resource: 'order', operation: 'getAll', filters: {} },
				credentials: { horoshopApi: { id: credential.id, name: credential.name } },
			},
		);
		expect(env.sandbox.log.forRoute('horoshop.statuses').length).toBeGreaterThan(0);
		expect(data.map((option) => String(option.value)).sort()).toEqual(
			env.sandbox.horoshop.statuses.map((status) => String(status.id)).sort(),
		);
		expect(data.find((option) => String(option.value) === '17')!.name).toMatch(/Чекає на оплату|Awaiting payment/);
	});

	const WEBHOOK_ANSWERS = ['saleapp-to-1c.json', 'webhook-to-1c.json', 'webhook-to-aqua.json'];

	it.each(loadTemplates().map((template) => [template.file, template] as const))(
		'template %s uses only node types and versions this n8n has, credentials by type and name only, and explains itself',
		(_, template) => {
			for (const node of template.workflow.nodes) {
				const type = nodes.find((n) => n.name === node.type);
				expect([node.name, type ? [type.version].flat() : 'missing']).toEqual([node.name, expect.arrayContaining([node.typeVersion])]);
				for (const [credentialType, reference] of Object.entries(node.credentials ?? {})) {
					expect(credentialNames).toContain(credentialType);
					expect(Object.keys(reference)).toEqual(['name']);
				}
			}
			expect(template.workflow.nodes.filter((node) => node.type === 'n8n-nodes-base.stickyNote').length).toBeGreaterThan(0);
			// Sync without code: no template keeps state in a Code node; only the three plain webhook
			// templates split the request body and shape their answer in one (the Order Exchange Trigger
			// does both for the 1C exchange).
			const code = template.workflow.nodes.filter((node) => node.type === 'n8n-nodes-base.code');
			expect(code.map((node) => node.name)).toEqual(WEBHOOK_ANSWERS.includes(template.file) ? ['One Item per Order', 'Per-Order Result'] : []);
			expect(JSON.stringify(code)).not.toMatch(/getWorkflowStaticData/);
			const text = JSON.stringify(template.workflow);
			for (const credential of env.credentials) {
				for (const field of ['password', 'secretKey', 'apiToken']) {
					const secret = credential.data[field];
					if (typeof secret === 'string' && secret !== '') expect(text).not.toContain(secret);
				}
			}
		},
	);

	it('offers the system nodes to AI agents as tools', () => {
		const tools = nodes.filter((n) => n.name.startsWith(`${pkg.name}.`) && n.name.endsWith('Tool')).map((n) => n.name);
		// Triggers start workflows; n8n offers no tool variant of them.
		for (const name of nodeNames.filter((n) => n !== 'orderTransformer' && !n.endsWith('Trigger'))) {
			expect(tools).toContain(`${pkg.name}.${name}Tool`);
		}
	});

	it('serves every node icon', async () => {
		for (const name of nodeNames) {
			const node = nodes.find((n) => n.name === `${pkg.name}.${name}`)!;
			const icon = typeof node.iconUrl === 'string' ? node.iconUrl : node.iconUrl?.light;
			expect(icon).toMatch(/\.svg$/);
			const response = await fetch(`${env.n8n.url}/${icon}`);
			expect(response.status).toBe(200);
			expect(await response.text()).toContain('<svg');
		}
	});
});
