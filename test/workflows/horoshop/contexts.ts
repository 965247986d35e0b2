import { ExecuteContext, LoadOptionsContext, RoutingNode } from 'n8n-core';
import { Workflow, createRunExecutionData } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeCredentialTestResult,
	INodeType,
	INodeTypes,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { TestCredentialsHelper } from '../../harness/credentialsHelper';
import { PACKAGE_NAME, PackageTypes } from '../../harness/packageTypes';

const CREDENTIAL = 'horoshopApi';

function additionalDataFor(types: PackageTypes, credentials: ICredentialDataDecryptedObject) {
	const credentialsHelper = new TestCredentialsHelper(types, { [CREDENTIAL]: credentials });
	const base = 'http://127.0.0.1:5678';
	return {
		credentialsHelper,
		variables: {},
		executionId: 'test',
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: `${base}/`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		formWaitingBaseUrl: `${base}/form-waiting`,
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** What n8n builds to fill a dropdown of the Horoshop node (a `loadOptionsMethod`). */
export function loadOptionsContext(credentials: ICredentialDataDecryptedObject): LoadOptionsContext {
	const types = new PackageTypes();
	const node: INode = {
		id: 'horoshop',
		name: 'Horoshop',
		type: `${PACKAGE_NAME}.horoshop`,
		typeVersion: 1,
		position: [0, 0],
		parameters: { resource: 'order', operation: 'getAll' },
		credentials: { [CREDENTIAL]: { id: CREDENTIAL, name: CREDENTIAL } },
	};
	const workflow = new Workflow({ id: 'w', nodes: [node], connections: {}, active: false, nodeTypes: types });
	return new LoadOptionsContext(workflow, node, additionalDataFor(types, credentials), 'parameters.filters.statuses');
}

/**
 * Runs the credential type's `test` the way n8n's CredentialsTester does: the request goes through
 * n8n-core's RoutingNode, then the `responseSuccessBody` rules are checked in order.
 */
export async function testCredential(credentials: ICredentialDataDecryptedObject): Promise<INodeCredentialTestResult> {
	const types = new PackageTypes();
	const { test } = types.credentialType(CREDENTIAL);
	if (!test) throw new Error('The credential has no test');
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
			credentials: [{ name: CREDENTIAL, required: true }],
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
		credentials: { [CREDENTIAL]: { id: CREDENTIAL, name: CREDENTIAL } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const context = new ExecuteContext(
		workflow,
		node,
		additionalDataFor(types, credentials),
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
		response = await new RoutingNode(context, nodeType, { id: CREDENTIAL, name: CREDENTIAL, type: CREDENTIAL, data: credentials }).runNode();
	} catch (error) {
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

/** lodash's get(object, "a.b"), which n8n uses for the rule's key. */
function valueAt(object: unknown, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), object);
}
