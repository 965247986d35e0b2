import { createServer } from 'node:http';
import type { Server } from 'node:http';

import { HookContext, WebhookContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	IWebhookData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { HoroshopWebhookTrigger } from '../../../nodes/Horoshop/HoroshopWebhookTrigger.node';
import type { Sandbox } from '../../../sandbox/server';
import { additionalDataFor } from '../../harness/additionalData';
import { TestCredentialsHelper } from '../../harness/credentialsHelper';
import { PackageTypes } from '../../harness/packageTypes';

const CREDENTIAL = 'horoshopApi';

export interface ReceivedCall {
	method: string;
	body: unknown;
	status: number;
	/** What the node's webhook() gave n8n to start the workflow with; undefined when nothing started. */
	workflowData?: INodeExecutionData[][];
	error?: string;
}

/**
 * An n8n instance in miniature for the Horoshop Webhook Trigger: the node's webhookMethods run in
 * n8n-core's HookContext on activation/deactivation (checkExists, then create when it says no,
 * as n8n's WebhookService does), and a real HTTP server at the node's production webhook URL
 * hands each request to webhook() in n8n-core's WebhookContext. Static data lives in the Workflow
 * as in n8n. The node type is this package's, registered as test.horoshopWebhookTrigger.
 */
export class WebhookHarness {
	readonly calls: ReceivedCall[] = [];

	private server?: Server;

	private workflow!: Workflow;

	private additionalData!: IWorkflowExecuteAdditionalData;

	private readonly types = new PackageTypes([new HoroshopWebhookTrigger()]);

	private readonly credentialsHelper: TestCredentialsHelper;

	readonly node: INode;

	constructor(
		sandbox: Sandbox,
		parameters: IDataObject,
		readonly webhookId = 'c0ffee00-0000-4000-8000-000000000001',
	) {
		this.credentialsHelper = new TestCredentialsHelper(this.types, { [CREDENTIAL]: sandbox.horoshop.credentials() });
		this.node = {
			id: 'hook',
			name: 'Horoshop Webhook Trigger',
			type: 'test.horoshopWebhookTrigger',
			typeVersion: 1,
			position: [0, 0],
			webhookId,
			parameters: parameters as INode['parameters'],
			credentials: { [CREDENTIAL]: { id: CREDENTIAL, name: CREDENTIAL } },
		};
	}

	async start(): Promise<this> {
		this.server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				const raw = Buffer.concat(chunks).toString('utf8');
				let body: unknown = {};
				try {
					body = raw === '' ? {} : JSON.parse(raw);
				} catch {
					body = raw;
				}
				void this.receive(req.method ?? 'GET', req.url ?? '/', body, req.headers as IDataObject).then((call) => {
					this.calls.push(call);
					res.writeHead(call.status, { 'Content-Type': 'application/json' });
					res.end(JSON.stringify(call.error ? { message: call.error } : { message: 'Workflow was started' }));
				});
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		const { port } = this.server.address() as { port: number };
		this.additionalData = additionalDataFor(this.credentialsHelper, {
			webhookBaseUrl: `http://127.0.0.1:${port}/webhook`,
		} as Partial<IWorkflowExecuteAdditionalData>);
		this.workflow = new Workflow({
			id: 'webhook-workflow',
			name: 'Webhook trigger test',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes: this.types,
			settings: { timezone: 'Europe/Kyiv' },
			staticData: {},
		});
		return this;
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}

	get url(): string {
		return `${this.additionalData.webhookBaseUrl}/${this.webhookId}/webhook`;
	}

	get state(): IDataObject {
		return JSON.parse(JSON.stringify(this.workflow.staticData))[`node:${this.node.name}`] ?? {};
	}

	/** Puts static data into the node, as n8n loads it from the database with the workflow. */
	seedState(state: IDataObject): void {
		this.workflow.staticData[`node:${this.node.name}`] = structuredClone(state);
	}

	/** What n8n does when the workflow is activated: checkExists, then create if it answered false. */
	async activate(): Promise<boolean> {
		if (await this.hook('checkExists')) return false;
		return await this.hook('create');
	}

	async deactivate(): Promise<boolean> {
		return await this.hook('delete');
	}

	async hook(method: 'checkExists' | 'create' | 'delete'): Promise<boolean> {
		const context = new HookContext(this.workflow, this.workflowNode, this.additionalData, 'trigger', 'activate', this.webhookData('POST'));
		return await this.nodeType.webhookMethods!.default![method].call(context);
	}

	/** Items of every workflow the webhook started, in order. */
	get emitted(): INodeExecutionData[] {
		return this.calls.flatMap((call) => call.workflowData?.[0] ?? []);
	}

	private get workflowNode(): INode {
		return this.workflow.getNode(this.node.name)!;
	}

	private get nodeType(): INodeType {
		return this.types.getByNameAndVersion(this.node.type, 1);
	}

	private webhookData(httpMethod: string): IWebhookData {
		return {
			httpMethod: httpMethod as IWebhookData['httpMethod'],
			node: this.node.name,
			path: `${this.webhookId}/webhook`,
			webhookDescription: this.nodeType.description.webhooks![0],
			workflowId: this.workflow.id,
			workflowExecuteAdditionalData: this.additionalData,
			webhookId: this.webhookId,
		};
	}

	private async receive(method: string, url: string, body: unknown, headers: IDataObject): Promise<ReceivedCall> {
		const methods = String(this.nodeType.description.webhooks![0].httpMethod).split(',');
		if (url !== `/webhook/${this.webhookId}/webhook` || !methods.includes(method)) {
			return { method, body, status: 404, error: `The requested webhook "${method} ${url}" is not registered.` };
		}
		const additionalData = {
			...this.additionalData,
			httpRequest: { method, body, headers, query: {}, params: {} },
			httpResponse: undefined,
		} as unknown as IWorkflowExecuteAdditionalData;
		const context = new WebhookContext(this.workflow, this.workflowNode, additionalData, 'webhook', this.webhookData(method), [], null);
		try {
			const response = await this.nodeType.webhook!.call(context);
			return { method, body, status: 200, workflowData: response.workflowData };
		} catch (error) {
			// n8n answers a webhook whose node failed with HTTP 500.
			return { method, body, status: 500, error: (error as Error).message };
		}
	}
}
