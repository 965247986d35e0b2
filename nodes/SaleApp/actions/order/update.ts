import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ImportRecord, fingerprintOf } from '../../../shared/import/record';
import { ItemResults } from '../../../shared/results/itemResults';
import {
	saleAppUpdateOrderSchema,
	saleAppUpdateResponseSchema,
	toUpdatePayload,
} from '../../../shared/orders/saleapp/schema';
import { callSaleApp, saleAppError } from '../../transport';
import { forEachItem, inputError, issuesText, optionsProperty, orderLabel, plain, startOperation } from '../common';
import {
	amountProperties,
	coerceScalars,
	deliveryFieldProperties,
	deliveryTypeOptions,
	param,
	phoneDigits,
	productLinesProperty,
	readProductLines,
	toWireNames,
} from './fields';
import { identityProperties, readIdentity } from './identity';

const show = { resource: ['order'], operation: ['update'] };

export const description: INodeProperties[] = [
	...identityProperties('update'),
	{
		displayName: 'Client ID',
		name: 'clientId',
		type: 'string',
		default: '',
		displayOptions: { show: { ...show, '/keyKind': ['organisation'] } },
		description:
			'The SaleApp client of the order: tells SaleApp which order is meant when orders of several clients share the external ID',
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		description: 'Only the fields added here are sent; SaleApp keeps the others as they are',
		options: [
			{
				displayName: 'Currency ID',
				name: 'currencyId',
				type: 'string',
				default: '',
				displayOptions: { show: { '/keyKind': ['organisation'] } },
			},
			{
				displayName: 'Warehouse ID',
				name: 'warehouseId',
				type: 'string',
				default: '',
				displayOptions: { show: { '/keyKind': ['organisation'] } },
			},
			{
				displayName: 'Delivery Type',
				name: 'deliveryType',
				type: 'options',
				options: deliveryTypeOptions,
				default: 3,
				description: 'Required when the city, address or branch changes',
			},
			...deliveryFieldProperties(),
			...amountProperties(),
			productLinesProperty('products', 'Products (Replace All)'),
		],
	},
	optionsProperty('update', [
		{
			displayName: 'Skip Unchanged Updates',
			name: 'skipUnchanged',
			type: 'boolean',
			default: true,
			description:
				'Whether to pass over an update that is exactly the one this workflow last sent for the same order: it comes out with skipped: "unchanged", without a request to SaleApp. Turn off to send every update, e.g. to undo a change made in SaleApp.',
		},
	]),
];

const PLACE_FIELDS = ['city', 'city_ref', 'addres', 'branch_ref'];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const session = await startOperation(this, true);
	const results = new ItemResults(this);
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	// The last update sent per order, to pass over the same update sent again.
	const lastUpdates = options.skipUnchanged === false ? undefined : ImportRecord.open(this, 'SaleApp updates', 'saleAppApi');

	await forEachItem(
		this,
		results,
		async (itemIndex) => {
			const identity = readIdentity(this, 'update', itemIndex);
			const label = orderLabel(itemIndex, identity.id, identity.externalId);
			const set = param<IDataObject>(this, 'updateFields', itemIndex, {});
			const { products, ...scalars } = set;
			const fields: IDataObject = coerceScalars(toWireNames(scalars));
			if (session.kind === 'organisation') {
				const clientId = param(this, 'clientId', itemIndex, '').trim();
				if (clientId && identity.id === undefined) fields.client_id = clientId;
			} else {
				delete fields.curency_id;
				delete fields.warehouse_id;
			}
			if (products !== undefined) {
				fields.products = readProductLines((products as { line?: [] }).line, session.kind);
			}
			if (Object.keys(fields).length === 0) {
				throw inputError(this, itemIndex, label, 'nothing to update: add at least one field under "Update Fields"');
			}
			const changesPlace = PLACE_FIELDS.filter((field) => fields[field] !== undefined);
			if (changesPlace.length > 0 && fields.delivery_types === undefined) {
				throw inputError(this, itemIndex, label, `delivery_types is required when changing ${changesPlace.join(', ')} (add "Delivery Type")`);
			}
			const phone = phoneDigits(fields.receiver_phone);
			if (!phone.ok) throw inputError(this, itemIndex, label, phone.message);
			if (phone.phone !== undefined) fields.receiver_phone = phone.phone;

			const parsed = saleAppUpdateOrderSchema.safeParse({ ...fields, id: identity.id, external_id: identity.externalId });
			if (!parsed.success) throw inputError(this, itemIndex, label, issuesText(parsed.error));

			const payload: IDataObject = { ...toUpdatePayload(parsed.data) };
			const orderKey = identity.id !== undefined ? `id ${identity.id}` : `external_id ${identity.externalId}`;
			const last = lastUpdates?.get(orderKey);
			if (last && last.sent === fingerprintOf(payload)) {
				results.success(itemIndex, { updated: false, skipped: 'unchanged', lastSentAt: last.at, ...plain(parsed.data) });
				return;
			}
			const call = { operation: 'update order', itemIndex };
			const answer = await callSaleApp(session, { ...call, methodType: 'PUT', fields: payload, idempotent: true }, saleAppUpdateResponseSchema);
			if (answer.refused) throw saleAppError(session, call, `${label}: ${answer.description}`);
			lastUpdates?.imported(orderKey, String(identity.id ?? ''), payload);
			results.success(itemIndex, { updated: true, ...plain(parsed.data) });
		},
		session.secrets,
	);
	return results.output();
}
