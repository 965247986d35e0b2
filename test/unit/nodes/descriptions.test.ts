import { existsSync } from 'node:fs';
import path from 'node:path';

import { Workflow } from 'n8n-workflow';
import type { INode, INodeType } from 'n8n-workflow';

import { PACKAGE_NAME, PackageTypes } from '../../harness/packageTypes';

/** The node's subtitle as the editor shows it under the node, for these parameters. */
function subtitleOf(types: PackageTypes, name: string, parameters: INode['parameters']): unknown {
	const type = types.getByNameAndVersion(`${PACKAGE_NAME}.${name}`) as INodeType;
	const node: INode = { id: 'n', name: 'Node', type: `${PACKAGE_NAME}.${name}`, typeVersion: 1, position: [0, 0], parameters };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: types });
	return workflow.expression.getSimpleParameterValue(node, type.description.subtitle as string, 'manual', {});
}

describe('node subtitles in words', () => {
	const types = new PackageTypes();

	it.each([
		['aquaDelivery', { resource: 'order', operation: 'import' }, 'Import Orders'],
		['aquaDelivery', { resource: 'order', operation: 'forget' }, 'Forget Remembered Order'],
		['oneCOrders', { resource: 'order', operation: 'getAll' }, 'Get Many Orders'],
		['oneCOrders', { resource: 'order', operation: 'getMany' }, 'Get Many Orders'],
		['oneCOrders', { resource: 'order', operation: 'send' }, 'Send Orders'],
		['horoshop', { resource: 'order', operation: 'getAll' }, 'Get Many Orders'],
		['horoshop', { resource: 'order', operation: 'updateStatus' }, 'Update Order Status'],
		['saleApp', { resource: 'order', operation: 'create' }, 'Create Order'],
		['saleApp', { resource: 'order', operation: 'getRemembered' }, 'Get Remembered Orders'],
		['orderTransformer', { from: 'horoshop', to: 'aqua' }, 'Horoshop → Aqua Delivery'],
		['orderTransformer', { from: 'saleapp', to: 'onec' }, 'SaleApp → 1C'],
	])('%s %j reads "%s"', (name, parameters, expected) => {
		expect(subtitleOf(types, name, parameters)).toBe(expected);
	});

	it('names every operation a node offers, never the raw value', () => {
		for (const name of ['aquaDelivery', 'oneCOrders', 'horoshop', 'saleApp']) {
			const type = types.getByNameAndVersion(`${PACKAGE_NAME}.${name}`) as INodeType;
			const operation = type.description.properties.find((property) => property.name === 'operation');
			for (const option of (operation?.options ?? []) as Array<{ value: string; name: string }>) {
				expect([name, subtitleOf(types, name, { resource: 'order', operation: option.value })]).toEqual([name, expect.stringMatching(/^[A-Z][a-z]+ /)]);
			}
		}
	});
});

describe('node search aliases (codex)', () => {
	it.each([
		['AquaDelivery', ['Аква', 'Aqua', 'order', 'delivery', 'water']],
		['OneCOrders', ['1С', '1C', 'order']],
		['Horoshop', ['Хорошоп', 'Horoshop', 'shop', 'order']],
		['SaleApp', ['SaleApp', 'Conwix', 'order']],
		['OrderTransformer', ['convert', 'transform', 'order']],
	])('%s is found by %j', (folder, words) => {
		const codex = require(`../../../nodes/${folder}/${folder}.node.json`) as { alias?: string[] };
		expect(codex.alias).toEqual(expect.arrayContaining(words));
	});
});

describe('documentation links', () => {
	const base = 'https://github.com/order-sync/n8n-nodes-order-sync/blob/main/';
	const types = new PackageTypes();
	const packageJson = require('../../../package.json') as { n8n: { nodes: string[] } };
	const codexUrls = packageJson.n8n.nodes.flatMap((distPath) => {
		const codexFile = path.join(__dirname, '../../..', distPath.replace(/^dist\//, '').replace(/\.js$/, '.json'));
		const codex = require(codexFile) as { resources: Record<string, Array<{ url: string }>> };
		return Object.values(codex.resources).flat().map((resource) => resource.url);
	});
	const credentialUrls = [...types.credentials.values()].map((credential) => String(credential.documentationUrl));

	it.each([...codexUrls, ...credentialUrls])('%s has no #fragment (n8n appends a query) and its page exists', (url) => {
		expect(url.startsWith(base)).toBe(true);
		expect(url).not.toContain('#');
		expect(existsSync(path.join(__dirname, '../../..', url.slice(base.length)))).toBe(true);
	});
});
