import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { orderResource } from '../shared/description/orderResource';
import * as importOrder from './actions/order/import';

export class AquaDelivery implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Aqua Delivery',
		name: 'aquaDelivery',
		icon: { light: 'file:aquaDelivery.svg', dark: 'file:aquaDelivery.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Import orders into Aqua-delivery, the water-delivery service',
		defaults: { name: 'Aqua Delivery' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'aquaDeliveryApi', required: true }],
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
						name: 'Import',
						value: 'import',
						description: 'Create or update orders in Aqua-delivery, many per request',
						action: 'Import orders',
					},
				],
				default: 'import',
			},
			...importOrder.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0);
		const operation = this.getNodeParameter('operation', 0);
		if (resource === 'order' && operation === 'import') return await importOrder.execute.call(this);
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
}
