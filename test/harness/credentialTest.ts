import { ExecuteContext, RoutingNode } from 'n8n-core';
import { Workflow, createRunExecutionData } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeCredentialTestResult,
	INodeType,
	INodeTypes,
} from 'n8n-workflow';

import { additionalDataFor } from './additionalData';
import { TestCredentialsHelper } from './credentialsHelper';
import { PackageTypes } from './packageTypes';

/**
 * Runs a credential type's `test` as n8n's CredentialsTester does: the request goes through
 * n8n-core's RoutingNode (so `authenticate` and `preAuthentication` apply); a failed request is
 * matched against the `responseCode` rules, then any other non-2xx fails with its status text;
 * a successful one is checked against the `responseSuccessBody` rules.
 */
export async function testCredential(type: string, credentials: ICredentialDataDecryptedObject): Promise<INodeCredentialTestResult> {
	const types = new PackageTypes();
	const { test } = types.credentialType(type);
	if (!test) throw new Error(`The credential ${type} has no test`);
	const nodeType: INodeType = {
		description: {
			displayName: 'Temp',
			name: 'temp',
			group: [],
			version: 1,
			description: '',
			defaults: {},
			inputs: [],
			outputs: [],
			credentials: [{ name: type, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: test.request }, default: '' }],
		},
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'temp',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [type]: { id: type, name: type } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = additionalDataFor(new TestCredentialsHelper(types, { [type]: credentials }));
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	let response;
	try {
		await workflow.expression.acquireIsolate();
		response = await new RoutingNode(context, nodeType, { id: type, name: type, type, data: credentials }).runNode();
	} catch (error) {
		const cause = (error as { cause?: { response?: { status: number; statusText?: string }; code?: string } }).cause;
		if (cause?.response) {
			const { status, statusText } = cause.response;
			for (const rule of test.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === status) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (status < 199 || status > 299) return { status: 'Error', message: statusText || `Received HTTP status code: ${status}` };
		} else if (cause?.code) {
			return { status: 'Error', message: cause.code };
		}
		return { status: 'Error', message: (error as Error).message };
	} finally {
		await workflow.expression.releaseIsolate();
	}
	for (const rule of test.rules ?? []) {
		if (rule.type === 'responseSuccessBody' && valueAt(response?.[0][0].json, rule.properties.key) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

function valueAt(value: unknown, path: string): unknown {
	return path.split('.').reduce<unknown>((current, key) => (current as Record<string, unknown> | undefined)?.[key], value);
}
