import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { orderResource } from '../shared/description/orderResource';
import { unsupportedOperation } from '../shared/description/unsupportedOperation';
import {
	RECORD_OPERATIONS,
	executeRecordOperation,
	recordOperationProperties,
} from '../shared/import/recordOperations';
import type { RecordOperation } from '../shared/import/recordOperations';
import * as importOrder from './actions/order/import';

export class AquaDelivery implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Aqua Delivery',
		name: 'aquaDelivery',
		icon: { light: 'file:aquaDelivery.svg', dark: 'file:aquaDelivery.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ {"__CUSTOM_API_CALL__": "Custom API Call", "import": "Import Orders", "getRemembered": "Get Remembered Orders", "markImported": "Mark Order as Imported", "forget": "Forget Remembered Order"}[$parameter["operation"]] || $parameter["operation"] }}',
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
						name: 'Forget Remembered Order',
						value: 'forget',
						description: 'Forget an order, so that the next import sends it to Aqua Delivery as a new order',
						action: 'Forget a remembered order',
					},
					{
						name: 'Get Remembered Orders',
						value: 'getRemembered',
						description: 'List the orders this workflow sent to Aqua Delivery, with Aqua Delivery\'s IDs, and the ones in doubt',
						action: 'Get remembered orders',
					},
					{
						name: 'Import',
						value: 'import',
						description: 'Create or update orders in Aqua-delivery, many per request',
						action: 'Import orders',
					},
					{
						name: 'Mark Order as Imported',
						value: 'markImported',
						description: 'Record Aqua Delivery\'s ID for an order (e.g. one in doubt found in Aqua Delivery), so later sends update it',
						action: 'Mark an order as imported',
					},
				],
				default: 'import',
			},
			...importOrder.description,
			...recordOperationProperties('Aqua Delivery'),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0);
		const operation = this.getNodeParameter('operation', 0);
		if (resource === 'order' && operation === 'import') return await importOrder.execute.call(this);
		if (resource === 'order' && RECORD_OPERATIONS.includes(operation as RecordOperation)) {
			return await executeRecordOperation.call(this, operation as RecordOperation, 'Aqua Delivery', 'aquaDeliveryApi');
		}
		throw unsupportedOperation(this.getNode(), operation, 'Aqua Delivery API');
	}
}
