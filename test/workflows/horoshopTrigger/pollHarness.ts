import { PollContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import type { Sandbox } from '../../../sandbox/server';
import { additionalDataFor } from '../../harness/additionalData';
import { TestCredentialsHelper } from '../../harness/credentialsHelper';
import { PACKAGE_NAME, PackageTypes } from '../../harness/packageTypes';

const CREDENTIAL = 'horoshopApi';

/**
 * An activated workflow holding one Horoshop Trigger, polled the way n8n's poll scheduler does:
 * n8n-core's own PollContext on a Workflow built from the node type this package registers,
 * credentials through the harness's credentials helper, real HTTP to the sandbox.
 *
 * As in n8n (without durable poll cursors), the node's static data lives in the Workflow object
 * between polls and reaches the database only when a poll emits: `saved` is that database copy
 * (a JSON copy taken after each poll that returned items), `restart()` rebuilds the workflow
 * from it as n8n does after a restart.
 */
export class PollHarness {
	private workflow!: Workflow;

	private readonly types = new PackageTypes();

	private readonly credentialsHelper: TestCredentialsHelper;

	private readonly additionalData: IWorkflowExecuteAdditionalData;

	readonly node: INode;

	/** The node's static data as n8n would have stored it in the database. */
	saved: IDataObject = {};

	/** How many polls returned items (each would have started one execution). */
	executions = 0;

	constructor(
		sandbox: Sandbox,
		parameters: IDataObject,
		credentials: Record<string, string> = {},
	) {
		this.credentialsHelper = new TestCredentialsHelper(this.types, { [CREDENTIAL]: sandbox.horoshop.credentials(credentials) });
		this.additionalData = additionalDataFor(this.credentialsHelper);
		this.node = {
			id: 'trigger',
			name: 'Horoshop Trigger',
			type: `${PACKAGE_NAME}.horoshopTrigger`,
			typeVersion: 1,
			position: [0, 0],
			parameters: parameters as INode['parameters'],
			credentials: { [CREDENTIAL]: { id: CREDENTIAL, name: CREDENTIAL } },
		};
		this.restart();
	}

	/** Rebuilds the workflow from the saved static data, as n8n does when it starts. */
	restart(): void {
		this.workflow = new Workflow({
			id: 'trigger-workflow',
			name: 'Trigger test',
			nodes: [structuredClone(this.node)],
			connections: {},
			active: true,
			nodeTypes: this.types,
			settings: { timezone: 'Europe/Kyiv' },
			staticData: structuredClone(this.saved),
		});
	}

	/** The node's static data as it is in memory now. */
	get state(): IDataObject {
		return JSON.parse(JSON.stringify(this.workflow.staticData))[`node:${this.node.name}`] ?? {};
	}

	/** One poll; 'trigger' for a scheduled poll of an active workflow, 'manual' for Fetch Test Event. */
	async poll(mode: WorkflowExecuteMode = 'trigger'): Promise<INodeExecutionData[][] | null> {
		const workflowNode = this.workflow.getNode(this.node.name)!;
		const context = new PollContext(this.workflow, workflowNode, this.additionalData, mode, mode === 'manual' ? 'manual' : 'activate');
		const nodeType = this.types.getByNameAndVersion(workflowNode.type, workflowNode.typeVersion) as INodeType;
		const result = await nodeType.poll!.call(context);
		if (result !== null && mode !== 'manual') {
			this.executions++;
			// n8n saves the static data when a poll emits, and only then.
			if (this.workflow.staticData.__dataChanged === true) {
				this.saved = JSON.parse(JSON.stringify(this.workflow.staticData));
				this.workflow.staticData.__dataChanged = false;
			}
		}
		return result;
	}

	/** The order ids a poll emitted, in order. */
	static ids(result: INodeExecutionData[][] | null): unknown[] {
		return result === null ? [] : result[0].map((item) => item.json.order_id);
	}
}
