import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../common';
import { param } from './fields';

/** "Find Order By" for update and delete: SaleApp finds the order by its ID or by its external ID. */
export function identityProperties(operation: string): INodeProperties[] {
	const show = { resource: ['order'], operation: [operation] };
	return [
		{
			displayName: 'Find Order By',
			name: 'findBy',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'SaleApp ID', value: 'id' },
				{ name: 'External ID', value: 'externalId', description: 'The ID the order was created with through the API' },
			],
			default: 'id',
			displayOptions: { show },
		},
		{
			displayName: 'Order ID',
			name: 'orderId',
			type: 'number',
			default: 0,
			required: true,
			displayOptions: { show: { ...show, findBy: ['id'] } },
			description: "SaleApp's ID of the order",
		},
		{
			displayName: 'External ID',
			name: 'externalId',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { ...show, findBy: ['externalId'] } },
		},
	];
}

export interface OrderIdentity {
	id?: number;
	/** Only "Get" finds an order by its number. */
	number?: number;
	externalId?: string;
}

export function readIdentity(context: IExecuteFunctions, operation: string, itemIndex: number): OrderIdentity {
	const findBy = context.getNodeParameter('findBy', 0) as string;
	if (findBy === 'externalId') {
		const externalId = String(param(context, 'externalId', itemIndex, '')).trim();
		if (!externalId) throw inputError(context, itemIndex, `Item ${itemIndex + 1}`, `External ID is empty: there is no order to ${operation}`);
		return { externalId };
	}
	const [name, label] = findBy === 'number' ? ['orderNumber', 'Order Number'] : ['orderId', 'Order ID'];
	const raw = param<unknown>(context, name, itemIndex, 0);
	const value = Number(raw);
	if (!Number.isInteger(value) || value <= 0) {
		throw inputError(context, itemIndex, `Item ${itemIndex + 1}`, `${label} must be a whole number above 0, got "${String(raw)}"`);
	}
	return findBy === 'number' ? { number: value } : { id: value };
}
