import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { orderResource } from '../shared/description/orderResource';
import * as getMany from './actions/order/getMany';
import * as send from './actions/order/send';

export class OneCOrders implements INodeType {
	description: INodeTypeDescription = {
		displayName: '1C Orders',
		name: 'oneCOrders',
		icon: { light: 'file:oneCOrders.svg', dark: 'file:oneCOrders.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send orders to a 1C:Enterprise HTTP service and read orders through 1C\'s OData',
		defaults: { name: '1C Orders' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'oneCApi', required: true }],
		properties: [
			orderResource,
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['order'] } },
				options: [
					{
						name: 'Get Many',
						value: 'getMany',
						description: 'Read orders from 1C\'s standard OData interface',
						action: 'Get many orders',
					},
					{
						name: 'Send',
						value: 'send',
						description: 'Create or update orders in 1C through its HTTP service, many per request',
						action: 'Send orders',
					},
				],
				default: 'send',
			},
			...send.description,
			...getMany.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0);
		const operation = this.getNodeParameter('operation', 0);
		if (resource === 'order' && operation === 'send') return await send.execute.call(this);
		if (resource === 'order' && operation === 'getMany') return await getMany.execute.call(this);
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
}
