import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { NodeHelpers } from 'n8n-workflow';
import type {
	ICredentialType,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';

import { itemsNodeType } from './fixtures/ItemsNode';

export const PACKAGE_NAME = 'n8n-nodes-order-sync';
const ROOT = path.resolve(__dirname, '../..');

/** The TypeScript source behind a `dist/...js` path listed in package.json's n8n block. */
function sourceOf(distPath: string): string {
	return path.join(ROOT, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
}

function loadClasses<T>(distPaths: string[]): T[] {
	return distPaths
		.map(sourceOf)
		.filter((file) => existsSync(file))
		.map((file) => {
			const exported = require(file) as Record<string, new () => T>;
			const className = path.basename(file).split('.')[0];
			const Class = exported[className];
			if (!Class) throw new Error(`${file} does not export a class named ${className}`);
			return new Class();
		});
}

/** The package's node and credential types as n8n registers them, plus test-only extras named `test.<name>`. */
export class PackageTypes implements INodeTypes {
	readonly nodes = new Map<string, INodeType | IVersionedNodeType>();

	readonly credentials = new Map<string, ICredentialType>();

	constructor(extraNodes: INodeType[] = [], extraCredentials: ICredentialType[] = []) {
		const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).n8n as {
			nodes: string[];
			credentials: string[];
		};
		for (const node of loadClasses<INodeType>(manifest.nodes)) {
			this.nodes.set(`${PACKAGE_NAME}.${node.description.name}`, node);
		}
		for (const node of [itemsNodeType, ...extraNodes]) {
			this.nodes.set(`test.${node.description.name}`, node);
		}
		for (const credential of [...loadClasses<ICredentialType>(manifest.credentials), ...extraCredentials]) {
			this.credentials.set(credential.name, credential);
		}
	}

	getByName(type: string): INodeType | IVersionedNodeType {
		const node = this.nodes.get(type);
		if (!node) throw new Error(`Unknown node type ${type}`);
		return node;
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	getKnownTypes() {
		return {};
	}

	credentialType(name: string): ICredentialType {
		const credential = this.credentials.get(name);
		if (!credential) throw new Error(`Unknown credential type ${name}`);
		return credential;
	}
}
