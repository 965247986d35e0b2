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
import * as getMany from './actions/order/getMany';
import * as send from './actions/order/send';

export class OneCOrders implements INodeType {
	description: INodeTypeDescription = {
		displayName: '1C Orders',
		name: 'oneCOrders',
		icon: { light: 'file:oneCOrders.svg', dark: 'file:oneCOrders.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ {"__CUSTOM_API_CALL__": "Custom API Call", "send": "Send Orders", "getAll": "Get Many Orders", "getMany": "Get Many Orders", "getRemembered": "Get Remembered Orders", "markImported": "Mark Order as Imported", "forget": "Forget Remembered Order"}[$parameter["operation"]] || $parameter["operation"] }}',
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
						name: 'Forget Remembered Order',
						value: 'forget',
						description: 'Forget an order, so that the next import sends it to 1C as a new order',
						action: 'Forget a remembered order',
					},
					{
						name: 'Get Many',
						value: 'getAll',
						description: 'Read orders from 1C\'s standard OData interface',
						action: 'Get many orders',
					},
					{
						name: 'Get Remembered Orders',
						value: 'getRemembered',
						description: 'List the orders this workflow sent to 1C, with 1C\'s IDs, and the ones in doubt',
						action: 'Get remembered orders',
					},
					{
						name: 'Mark Order as Imported',
						value: 'markImported',
						description: 'Record 1C\'s ID for an order (e.g. one in doubt found in 1C), so later sends update it',
						action: 'Mark an order as imported',
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
			...recordOperationProperties('1C'),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0);
		const operation = this.getNodeParameter('operation', 0);
		if (resource === 'order' && operation === 'send') return await send.execute.call(this);
		if (resource === 'order' && (operation === 'getAll' || operation === 'getMany')) return await getMany.execute.call(this);
		if (resource === 'order' && RECORD_OPERATIONS.includes(operation as RecordOperation)) {
			return await executeRecordOperation.call(this, operation as RecordOperation, '1C', 'oneCApi');
		}
		throw unsupportedOperation(this.getNode(), operation, '1C API');
	}
}
