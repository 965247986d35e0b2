import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { orderResource } from '../shared/description/orderResource';
import { unsupportedOperation } from '../shared/description/unsupportedOperation';
import { RECORD_OPERATIONS, executeRecordOperation, recordOperationProperties } from '../shared/import/recordOperations';
import type { RecordOperation } from '../shared/import/recordOperations';
import { keyKindProperty } from './actions/common';
import * as create from './actions/order/create';
import * as del from './actions/order/delete';
import * as get from './actions/order/get';
import * as update from './actions/order/update';

const operations = { get, create, update, delete: del };

export class SaleApp implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SaleApp',
		name: 'saleApp',
		icon: { light: 'file:saleApp.svg', dark: 'file:saleApp.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ {"__CUSTOM_API_CALL__": "Custom API Call", "create": "Create Order", "get": "Get Order", "update": "Update Order", "delete": "Delete Order", "getRemembered": "Get Remembered Orders", "markImported": "Mark Order as Imported", "forget": "Forget Remembered Order"}[$parameter["operation"]] || $parameter["operation"] }}',
		description: 'Get, create, update and delete orders in SaleApp (Conwix)',
		defaults: { name: 'SaleApp' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'saleAppApi', required: true }],
		properties: [
			orderResource,
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['order'] } },
				options: [
					{ name: 'Create', value: 'create', description: 'Create an order', action: 'Create an order' },
					{ name: 'Delete', value: 'delete', description: 'Delete an order (only new or reserved ones)', action: 'Delete an order' },
					{
						name: 'Forget Remembered Order',
						value: 'forget',
						description: 'Forget the SaleApp ID this workflow remembers for an external ID',
						action: 'Forget a remembered order',
					},
					{ name: 'Get', value: 'get', description: 'Get an order by ID, number or external ID', action: 'Get an order' },
					{
						name: 'Get Remembered Orders',
						value: 'getRemembered',
						description: 'List the orders this workflow created in SaleApp: external ID and SaleApp ID',
						action: 'Get remembered orders',
					},
					{
						name: 'Mark Order as Imported',
						value: 'markImported',
						description: 'Record the SaleApp ID of an order by its external ID',
						action: 'Mark an order as imported',
					},
					{ name: 'Update', value: 'update', description: 'Change fields of an order', action: 'Update an order' },
				],
				default: 'create',
			},
			{ ...keyKindProperty, displayOptions: { show: { resource: ['order'], operation: ['get', 'create', 'update'] } } },
			...get.description,
			...create.description,
			...update.description,
			...del.description,
			...recordOperationProperties('SaleApp'),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0) as keyof typeof operations;
		if (RECORD_OPERATIONS.includes(operation as RecordOperation)) {
			return await executeRecordOperation.call(this, operation as RecordOperation, 'SaleApp', 'saleAppApi');
		}
		const action = operations[operation];
		if (!action) throw unsupportedOperation(this.getNode(), operation, 'SaleApp API');
		return await action.execute.call(this);
	}
}
