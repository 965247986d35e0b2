import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { orderResource } from '../shared/description/orderResource';
import { ItemResults } from '../shared/results/itemResults';
import { transportSettings } from '../shared/transport/retry';
import * as get from './actions/order/get';
import * as getMany from './actions/order/getMany';
import * as updateStatus from './actions/order/updateStatus';
import { getStatuses } from './methods/loadOptions';
import { CREDENTIAL_TYPE, HoroshopSession } from './session';

const operations = { get, getAll: getMany, updateStatus };

export class Horoshop implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Horoshop',
		name: 'horoshop',
		icon: { light: 'file:horoshop.svg', dark: 'file:horoshop.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{ {"__CUSTOM_API_CALL__": "Custom API Call", "get": "Get Order", "getAll": "Get Many Orders", "updateStatus": "Update Order Status"}[$parameter["operation"]] || $parameter["operation"] }}',
		description: 'Get orders from a Horoshop shop and update their status',
		defaults: { name: 'Horoshop' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			orderResource,
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['order'] } },
				options: [
					{ name: 'Get', value: 'get', description: 'Get one order by its number', action: 'Get an order' },
					{
						name: 'Get Many',
						value: 'getAll',
						description: 'Get orders by date, status or number, page by page',
						action: 'Get many orders',
					},
					{
						name: 'Update Status',
						value: 'updateStatus',
						description: "Set an order's status, tracking code and paid flag",
						action: 'Update the status of an order',
					},
				],
				default: 'getAll',
			},
			...getMany.description,
			...get.description,
			...updateStatus.description,
		],
	};

	methods = { loadOptions: { getStatuses } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0) as keyof typeof operations;
		const settings = transportSettings(this.getNodeParameter('options', 0, {}) as object);
		const session = await HoroshopSession.open(this, settings);
		const results = new ItemResults(this);
		await operations[operation].execute.call(this, session, results);
		return results.output();
	}
}
