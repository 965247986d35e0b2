import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { ItemResults } from '../results/itemResults';
import { ImportRecord } from './record';

/**
 * Operations on the record of imported orders (see ImportRecord): list it, resolve an order in
 * doubt by marking it imported with the receiver's id, or forget an order so it is sent as new.
 * They act on the record of the same system and credential in the same workflow, and, like the
 * record itself, are kept only by production runs (a webhook or form the admin calls). The node
 * lists them in its Operation options (written out there: n8n's lint reads them literally).
 */
export const RECORD_OPERATIONS = ['getRemembered', 'markImported', 'forget'] as const;
export type RecordOperation = (typeof RECORD_OPERATIONS)[number];

export function recordOperationProperties(system: string): INodeProperties[] {
	return [
		{
			displayName: 'Order ID',
			name: 'recordOrderId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. SO-1001',
			description: `Your ID of the order, the one it was sent to ${system} with`,
			displayOptions: { show: { resource: ['order'], operation: ['markImported', 'forget'] } },
		},
		{
			displayName: `${system} ID`,
			name: 'recordReceiverId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 50894',
			description: `The ID ${system} gave the order (look the order up in ${system}); later imports send it as External ID`,
			displayOptions: { show: { resource: ['order'], operation: ['markImported'] } },
		},
		{
			displayName: 'Only Orders in Doubt',
			name: 'onlyInDoubt',
			type: 'boolean',
			default: false,
			description: 'Whether to list only the orders whose answer was lost and which are held back until resolved',
			displayOptions: { show: { resource: ['order'], operation: ['getRemembered'] } },
		},
	];
}

export async function executeRecordOperation(
	this: IExecuteFunctions,
	operation: RecordOperation,
	system: string,
	credentialType: string,
): Promise<INodeExecutionData[][]> {
	const record = ImportRecord.open(this, system, credentialType);
	const items = this.getInputData();
	if (operation === 'getRemembered') {
		const onlyInDoubt = this.getNodeParameter('onlyInDoubt', 0, false) as boolean;
		const orders = record.list().filter((order) => !onlyInDoubt || order.state === 'in_doubt');
		return [orders.map((order) => ({ json: order as unknown as IDataObject, pairedItem: { item: 0 } }))];
	}
	const results = new ItemResults(this);
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const orderId = String(this.getNodeParameter('recordOrderId', itemIndex, '')).trim();
		if (orderId === '') {
			results.failure(itemIndex, 'Order ID is empty: give the ID the order was sent with', {}, 'invalid');
			continue;
		}
		if (operation === 'forget') {
			results.success(itemIndex, { orderId, forgotten: record.forget(orderId) });
			continue;
		}
		const receiverId = String(this.getNodeParameter('recordReceiverId', itemIndex, '')).trim();
		if (receiverId === '') {
			results.failure(itemIndex, `${system} ID is empty for order ${orderId}: give the ID ${system} shows for it`, { orderId }, 'invalid');
			continue;
		}
		record.markImported(orderId, receiverId);
		results.success(itemIndex, { orderId, ...record.get(orderId) });
	}
	return results.output();
}
