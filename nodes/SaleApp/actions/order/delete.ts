import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ItemResults } from '../../../shared/results/itemResults';
import {
	SALEAPP_DELETABLE_STATUSES,
	saleAppDeleteResponseSchema,
} from '../../../shared/orders/saleapp/schema';
import type { SaleAppSession } from '../../transport';
import { callSaleApp, findOrders, saleAppError } from '../../transport';
import { forEachItem, optionsProperty, orderLabel, plain, startOperation } from '../common';
import type { OrderIdentity } from './identity';
import { identityProperties, readIdentity } from './identity';

export const description: INodeProperties[] = [...identityProperties('delete'), optionsProperty('delete')];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const session = await startOperation(this, false);
	const results = new ItemResults(this);

	await forEachItem(
		this,
		results,
		async (itemIndex) => {
			const identity = readIdentity(this, 'delete', itemIndex);
			const label = orderLabel(itemIndex, identity.id, identity.externalId);
			const call = { operation: 'delete order', itemIndex };
			const answer = await callSaleApp(
				session,
				{
					...call,
					methodType: 'DELETE',
					fields: { id: identity.id, external_id: identity.externalId },
					// A delete whose answer was lost may have happened: if the order is gone, it did.
					beforeRetry: async () =>
						(await lookUp(session, identity, itemIndex))
							? undefined
							: { error: 'false', deleted: identity.id === undefined ? [] : [identity.id] },
				},
				saleAppDeleteResponseSchema,
			);
			if (answer.refused) {
				throw saleAppError(session, call, await refusalReason(session, identity, itemIndex, label, answer.description));
			}
			const deleted = answer.body.deleted ?? [];
			results.success(itemIndex, {
				deleted: deleted.map((entry) => entry.id),
				deletedOrders: deleted.map((entry) => plain(entry)),
			});
		},
		session.secrets,
	);
	return results.output();
}

async function lookUp(session: SaleAppSession, identity: OrderIdentity, itemIndex: number) {
	const [order] = await findOrders(session, identity, itemIndex, 'look up order');
	return order;
}

/** SaleApp's refusal, made specific: a status that forbids deleting is named. */
async function refusalReason(
	session: SaleAppSession,
	identity: OrderIdentity,
	itemIndex: number,
	label: string,
	description: string,
): Promise<string> {
	const order = await lookUp(session, identity, itemIndex);
	if (!order) return `${label} was not found, so nothing was deleted (SaleApp: "${description}")`;
	if (!(SALEAPP_DELETABLE_STATUSES as readonly number[]).includes(order.status_id)) {
		const name = order.status_name ? ` "${order.status_name}"` : '';
		return (
			`${label} (number ${order.number ?? '?'}) cannot be deleted: it is in status ${order.status_id}${name}, ` +
			'and SaleApp deletes only orders in status 0 (new), 1 (fully reserved) or 2 (partly reserved)'
		);
	}
	return `${label}: ${description}`;
}
