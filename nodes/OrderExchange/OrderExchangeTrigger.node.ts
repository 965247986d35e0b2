import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { exchangeAnswer } from './exchange/answer';
import type { Login } from './exchange/basicAuth';
import { basicAuthMatches, loginProblem } from './exchange/basicAuth';
import { receiveExchange } from './exchange/receive';

/**
 * n8n standing in for a 1C HTTP service (seed 001): the caller POSTs its order array to a path
 * shaped like 1C's, each valid order starts the workflow as one item, and Answer Order Exchange
 * sends the caller the envelope built from what the workflow did with each order. Orders that
 * fail the exchange schema never reach the workflow: they come out on the second output (for a
 * log, if wanted) and are answered with their field errors.
 */
export class OrderExchangeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Order Exchange Trigger',
		name: 'orderExchangeTrigger',
		icon: { light: 'file:orderExchange.svg', dark: 'file:orderExchange.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "POST /" + $parameter["path"] }}',
		description: 'Receives orders the way a 1C HTTP service does (Aqua-delivery exchange) and answers per order',
		defaults: { name: 'Order Exchange Trigger' },
		inputs: [],
		outputs: [
			{ type: NodeConnectionTypes.Main, displayName: 'Orders' },
			{ type: NodeConnectionTypes.Main, displayName: 'Invalid Orders' },
		],
		credentials: [
			{
				name: 'orderExchangeLoginApi',
				required: true,
				testedBy: 'orderExchangeLogin',
				displayOptions: { show: { authentication: ['basicAuth'] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'responseNode',
				path: '={{$parameter["path"]}}',
				isFullPath: true,
			},
		],
		properties: [
			{
				displayName:
					'Put the Answer Order Exchange node at the end of the workflow, with the orders that went through on its Done input and the failed ones on its Failed input: it sends the caller one result per order.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Path',
				name: 'path',
				type: 'string',
				default: 'exchange/hs/AquaDeliveri/getOrdersURL',
				required: true,
				placeholder: 'e.g. demodelivery/hs/AquaDeliveri/getOrdersURL',
				description:
					"The path after n8n's webhook URL. Shaped like a 1C HTTP service (&lt;publication&gt;/hs/AquaDeliveri/getOrdersURL), so a caller set up for 1C only needs n8n's address: give it https://your-n8n/webhook as the server and the part before /hs as the publication.",
			},
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'Basic Auth', value: 'basicAuth', description: 'The caller must send this user and password, as it would to 1C' },
					{ name: 'None', value: 'none' },
				],
				default: 'basicAuth',
			},
		],
	};

	/**
	 * Nothing is registered anywhere else: n8n serves the path itself. Publishing checks that the
	 * login the caller must send can work, so a workflow never goes live with an unusable one.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				if (this.getNodeParameter('authentication') !== 'basicAuth') return true;
				const problem = loginProblem((await this.getCredentials('orderExchangeLoginApi')) as Partial<Login>);
				if (problem) throw new NodeOperationError(this.getNode(), `The Order Exchange Login cannot be used: ${problem}`);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	methods = {
		credentialTest: {
			async orderExchangeLogin(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
				const problem = loginProblem((credential.data ?? {}) as Partial<Login>);
				if (problem) return { status: 'Error', message: problem };
				return { status: 'OK', message: 'The login can be checked: give the caller this user and password' };
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const response = this.getResponseObject();
		if (this.getNodeParameter('authentication') === 'basicAuth') {
			const login = (await this.getCredentials('orderExchangeLoginApi')) as unknown as Login;
			if (!basicAuthMatches(this.getHeaderData().authorization, login)) {
				response
					.status(401)
					.setHeader('WWW-Authenticate', 'Basic realm="Order Exchange"')
					.json({ success: false, message: 'Wrong user or password', data: [] });
				return { noWebhookResponse: true };
			}
		}
		const received = receiveExchange(this.getRequestObject().rawBody?.toString('utf8') ?? this.getBodyData());
		if (!received.ok) {
			response.status(400).json({ success: false, message: received.message, data: [] });
			return { noWebhookResponse: true };
		}
		if (received.orders.length === 0) {
			return { webhookResponse: exchangeAnswer([], received.invalid, new Map()) };
		}
		return {
			workflowData: [
				received.orders.map((order) => ({ json: order as unknown as IDataObject })),
				received.invalid.map((order) => ({ json: { id: order.id, errors: order.errors } })),
			],
		};
	}
}
