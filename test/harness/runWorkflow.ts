import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import { Workflow, createRunExecutionData } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	IRun,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { additionalDataFor } from './additionalData';
import { TestCredentialsHelper } from './credentialsHelper';
import { PACKAGE_NAME, PackageTypes } from './packageTypes';

export interface WorkflowNode {
	name: string;
	/** A node of this package by its short name ("aquaDelivery"), or a full type name. */
	type: string;
	parameters?: Record<string, unknown>;
	/** Credential types this node uses, e.g. ["aquaDeliveryApi"]. */
	credentials?: string[];
	onError?: INode['onError'];
	typeVersion?: number;
}

export interface WorkflowRun {
	/** The items the workflow starts with; they enter the first node through a test start node. */
	items: object[];
	/** Nodes in order; each one's main output feeds the next one's input, unless `connections` is given. */
	nodes: WorkflowNode[];
	connections?: IConnections;
	/** Decrypted credential data by credential type name. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	timezone?: string;
	/**
	 * The workflow's static data, as n8n loads it from the database before a production run; the
	 * run changes it in place, so passing the same object to the next run carries it over.
	 */
	staticData?: IDataObject;
	extraNodeTypes?: INodeType[];
	extraCredentialTypes?: ICredentialType[];
}

export interface WorkflowResult {
	run: IRun;
	credentialsHelper: TestCredentialsHelper;
	/** The items a node put on one of its outputs (0 = main; with "continue using error output", 1 = error). */
	output(nodeName: string, outputIndex?: number): INodeExecutionData[];
	/** The error that stopped a node, if it failed as a whole. */
	nodeError(nodeName: string): Error | undefined;
}

const START = 'Start';

/**
 * Runs a workflow on n8n-core's real WorkflowExecute, as n8n's own node tests do: this package's
 * node types, credentials applied by the type's own authenticate/preAuthentication, real HTTP.
 */
export async function runWorkflow(spec: WorkflowRun): Promise<WorkflowResult> {
	const types = new PackageTypes(spec.extraNodeTypes, spec.extraCredentialTypes);
	const credentialsHelper = new TestCredentialsHelper(types, { ...spec.credentials });
	const nodes: INode[] = [
		{
			id: 'start',
			name: START,
			type: 'test.items',
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify(spec.items) },
		},
		...spec.nodes.map((node, index): INode => ({
			id: `node-${index}`,
			name: node.name,
			type: node.type.includes('.') ? node.type : `${PACKAGE_NAME}.${node.type}`,
			typeVersion: node.typeVersion ?? 1,
			position: [(index + 1) * 200, 0],
			parameters: (node.parameters ?? {}) as INode['parameters'],
			onError: node.onError,
			credentials: Object.fromEntries(
				(node.credentials ?? []).map((type) => [type, { id: type, name: type }]),
			),
		})),
	];
	const chain = [START, ...spec.nodes.map((node) => node.name)];
	const connections: IConnections =
		spec.connections ??
		Object.fromEntries(
			chain.slice(0, -1).map((from, index) => [
				from,
				{ main: [[{ node: chain[index + 1], type: 'main', index: 0 }]] },
			]),
		);
	if (!spec.connections) connections[START] ??= { main: [[]] };

	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'Test',
		nodes,
		connections,
		nodeTypes: types,
		active: false,
		settings: { timezone: spec.timezone ?? 'Europe/Kyiv' },
		staticData: spec.staticData ?? {},
	});

	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', {
		id: workflow.id,
		name: 'Test',
		active: false,
		activeVersionId: null,
		isArchived: false,
		nodes,
		connections,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	const additionalData = additionalDataFor(credentialsHelper, {
		hooks,
		logAiEvent: () => {},
	} as Partial<IWorkflowExecuteAdditionalData>);

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: nodes[0], data: { main: [[{ json: {} }]] }, source: null }],
		},
	});
	const run = await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(
		workflow,
	);

	const taskOf = (nodeName: string) => run.data.resultData.runData[nodeName]?.[0];
	return {
		run,
		credentialsHelper,
		output: (nodeName, outputIndex = 0) => taskOf(nodeName)?.data?.main?.[outputIndex] ?? [],
		nodeError: (nodeName) => taskOf(nodeName)?.error as Error | undefined,
	};
}
