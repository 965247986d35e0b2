import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ImportRecord, fingerprintOf } from '../../../shared/import/record';
import { textOf, withoutEmpty } from '../../../shared/orders/read';
import { ItemResults } from '../../../shared/results/itemResults';
import type { SaleAppCreateOrder, SaleAppKeyKind, SaleAppOrder } from '../../../shared/orders/saleapp/schema';
import {
	saleAppCreateOrderSchema,
	saleAppCreateResponseSchema,
	toCreatePayload,
} from '../../../shared/orders/saleapp/schema';
import type { SaleAppSession } from '../../transport';
import { callSaleApp, findOrders, saleAppError } from '../../transport';
import { forEachItem, inputError, issuesText, optionsProperty, orderLabel, plain, startOperation } from '../common';
import {
	amountProperties,
	coerceScalars,
	decodeJson,
	deliveryFieldProperties,
	deliveryTypeOptions,
	ownerProperties,
	param,
	phoneDigits,
	productLinesProperty,
	readCustomFields,
	readProductLines,
	toWireNames,
} from './fields';

const show = { resource: ['order'], operation: ['create'] };
const fromFields = { ...show, orderSource: ['fields'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Order Data',
		name: 'orderSource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Define Below', value: 'fields', description: 'Fill in the fields of the order here' },
			{
				name: 'From Input Item',
				value: 'json',
				description:
					'Each input item is a SaleApp order with SaleApp field names (as the Order Transformer emits it); products as a list or a JSON string',
			},
		],
		default: 'fields',
		displayOptions: { show },
	},
	...ownerProperties(show, true).map((property) => ({
		...property,
		description: `${property.description}. With "From Input Item", the item's own value wins.`,
	})),
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		default: '',
		displayOptions: { show: fromFields },
		description:
			'Your own ID of the order (e.g. the shop\'s order number). With it the node can tell whether the order already exists, so it is never created twice.',
	},
	{
		displayName: 'Delivery Type',
		name: 'deliveryType',
		type: 'options',
		options: deliveryTypeOptions,
		default: 3,
		displayOptions: { show: fromFields },
	},
	...deliveryFieldProperties().map((property) => ({ ...property, displayOptions: { show: fromFields } })),
	productLinesProperty('products', 'Products', fromFields),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: fromFields },
		options: [
			...amountProperties(),
			{
				displayName: 'Funnel ID',
				name: 'funnelId',
				type: 'string',
				default: '',
				description: 'The sales funnel the order goes into',
			},
			{
				displayName: 'Custom Fields',
				name: 'customFields',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Custom Field',
				default: {},
				options: [
					{
						displayName: 'Field',
						name: 'field',
						values: [
							{
								displayName: 'API Name',
								name: 'name',
								type: 'string',
								default: '',
								description: 'The "API name" of the custom field in SaleApp settings',
							},
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
		],
	},
	optionsProperty('create', [
		{
			displayName: 'Skip if External ID Exists',
			name: 'skipIfExists',
			type: 'boolean',
			default: true,
			description:
				'Whether to look the external ID up first and, when SaleApp already has that order, return it (marked as already existing) instead of creating a second one',
		},
		{
			displayName: 'Remember Created Orders',
			name: 'remember',
			type: 'boolean',
			default: true,
			description:
				'Whether to keep, in this workflow, the SaleApp ID of every order created or found by its external ID (see the operation Get Remembered Orders)',
		},
		{
			displayName: 'Skip Unchanged Orders',
			name: 'skipUnchanged',
			type: 'boolean',
			default: true,
			description:
				'Whether to pass over (with Remember Created Orders on) an order exactly as it was last created or found: it comes out with skipped: "unchanged", without a request to SaleApp',
		},
	]),
];

const OWNER_FIELDS = ['client_id', 'curency_id', 'warehouse_id'] as const;
const ORDER_FIELDS = [
	...OWNER_FIELDS,
	'external_id',
	'delivery_types',
	'receiver_name',
	'receiver_phone',
	'city',
	'city_ref',
	'addres',
	'branch_ref',
	'insurance_amount',
	'delivery_amount',
	'type',
	'funnel',
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const session = await startOperation(this, true);
	const results = new ItemResults(this);
	const items = this.getInputData();
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const skipIfExists = options.skipIfExists !== false;
	const source = this.getNodeParameter('orderSource', 0, 'fields') as string;
	const sameExternalId = new KeyedQueue();
	const record = options.remember === false ? undefined : ImportRecord.open(this, 'SaleApp', 'saleAppApi');
	const skipUnchanged = options.skipUnchanged !== false;

	await forEachItem(
		this,
		results,
		async (itemIndex) => {
			const candidate =
				source === 'json' ? fromItem(items[itemIndex].json) : fromForm(this, itemIndex, session.kind);
			if ('message' in candidate) {
				throw inputError(this, itemIndex, orderLabel(itemIndex, undefined, textOf(items[itemIndex].json.external_id)), candidate.message);
			}
			const order = prepare(this, session, itemIndex, candidate.fields);
			const remembered = order.external_id ? record?.get(order.external_id) : undefined;
			if (skipUnchanged && remembered?.state === 'imported' && remembered.sent === fingerprintOf(order as unknown as IDataObject)) {
				// SaleApp's ids are numbers, as a created order's come out; the record keeps them as text.
				const { receiverId } = remembered;
				const saleAppId = receiverId && /^\d+$/.test(receiverId) ? Number(receiverId) : receiverId;
				results.success(itemIndex, {
					saleAppId,
					create_id: saleAppId,
					external_id: order.external_id,
					skipped: 'unchanged',
					lastSentAt: remembered.at,
				});
				return;
			}
			// Two items with one external ID in the same run go one after the other, so the second sees the first.
			await sameExternalId.run(order.external_id, async () => {
				const output = await createOnce(session, itemIndex, order, skipIfExists);
				if (order.external_id) record?.imported(order.external_id, String(output.create_id), order as unknown as IDataObject);
				results.success(itemIndex, output);
			});
		},
		session.secrets,
	);
	return results.output();
}

/** The order's fields, SaleApp-named, from the form. */
function fromForm(context: IExecuteFunctions, itemIndex: number, kind: SaleAppKeyKind): { fields: IDataObject } {
	const names = ['externalId', 'deliveryType', 'receiverName', 'receiverPhone', 'city', 'cityRef', 'address', 'branchRef'];
	const values: IDataObject = {};
	for (const name of names) values[name] = param(context, name, itemIndex, '');
	const additional = param<IDataObject>(context, 'additionalFields', itemIndex, {});
	const fields = { ...toWireNames({ ...values, ...additional }) };
	fields.products = readProductLines(param<{ line?: [] }>(context, 'products', itemIndex, {}).line, kind);
	fields.custom_fields = readCustomFields((additional.customFields as { field?: [] } | undefined)?.field);
	return { fields: coerceScalars(withoutEmpty(fields)) };
}

/** The order's fields from the item's JSON: typed (lists, objects) or wire form (JSON strings). */
function fromItem(json: IDataObject): { fields: IDataObject } | { message: string } {
	const fields: IDataObject = {};
	for (const name of ORDER_FIELDS) if (json[name] !== undefined) fields[name] = json[name];
	for (const name of ['products', 'custom_fields']) {
		const decoded = decodeJson(json[name], name);
		if (!decoded.ok) return { message: decoded.message };
		if (decoded.value !== undefined) fields[name] = decoded.value as IDataObject;
	}
	if (Array.isArray(fields.products)) {
		fields.products = (fields.products as unknown[]).map((line) =>
			line && typeof line === 'object' ? coerceScalars(line as IDataObject) : line,
		) as IDataObject[];
	}
	return { fields: coerceScalars(fields) };
}

/** Client, currency and warehouse by key kind, phone as digits, then the seed's rules. */
function prepare(context: IExecuteFunctions, session: SaleAppSession, itemIndex: number, fields: IDataObject): SaleAppCreateOrder {
	const label = orderLabel(itemIndex, undefined, textOf(fields.external_id));
	const candidate: IDataObject = { ...fields };
	const formNames = { client_id: 'clientId', curency_id: 'currencyId', warehouse_id: 'warehouseId' };
	const formLabels = { client_id: 'Client ID', curency_id: 'Currency ID', warehouse_id: 'Warehouse ID' };
	for (const field of OWNER_FIELDS) {
		if (session.kind === 'counterparty') {
			delete candidate[field];
			continue;
		}
		candidate[field] ??= textOf(param(context, formNames[field], itemIndex, '')) || undefined;
		if (!candidate[field]) {
			throw inputError(context, itemIndex, label, `${field} is required with an organisation key (fill "${formLabels[field]}" on the node)`);
		}
	}
	const phone = phoneDigits(candidate.receiver_phone);
	if (!phone.ok) throw inputError(context, itemIndex, label, phone.message);
	candidate.receiver_phone = phone.phone;
	const parsed = saleAppCreateOrderSchema.safeParse(withoutEmpty(candidate));
	if (!parsed.success) throw inputError(context, itemIndex, label, issuesText(parsed.error));
	return parsed.data;
}

/**
 * Creates the order at most once. SaleApp does not de-duplicate, so: an existing order with the
 * external ID is returned instead of creating another; and when a create may have gone through
 * without an answer (timeout, reset, 5xx), the external ID is looked up before any retry.
 */
async function createOnce(
	session: SaleAppSession,
	itemIndex: number,
	order: SaleAppCreateOrder,
	skipIfExists: boolean,
): Promise<IDataObject> {
	const externalId = order.external_id;
	const clientId = order.client_id;
	if (skipIfExists && externalId) {
		const existing = newest(await findOrders(session, { externalId, clientId }, itemIndex, 'look up order'));
		if (existing) return { saleAppId: existing.id, create_id: existing.id, alreadyExisted: true, ...plain(existing) };
	}

	const call = { operation: 'create order', itemIndex };
	const sent = await callSaleApp(
		session,
		{
			...call,
			methodType: 'POST',
			fields: { ...toCreatePayload(order) },
			beforeRetry: async (failure) => {
				if (!externalId) {
					failure.error.message += '. The order may have been created; it was not sent again because it has no external ID to check';
					throw failure.error;
				}
				const found = newest(await findOrders(session, { externalId, clientId }, itemIndex, 'check for the created order'));
				return found ? { error: 'false', create_id: found.id } : undefined;
			},
		},
		saleAppCreateResponseSchema,
	).then(
		(answer) => ({ answer, failure: undefined }),
		(failure: unknown) => ({ answer: undefined, failure }),
	);
	let answer = sent.answer;
	if (!answer) {
		// The last attempt may also have gone through unanswered: look before reporting a failure.
		const found = externalId
			? newest(await findOrders(session, { externalId, clientId }, itemIndex, 'check for the created order'))
			: undefined;
		if (!found) throw sent.failure;
		answer = { refused: false as const, body: { error: false, create_id: found.id } };
	}
	if (answer.refused) {
		throw saleAppError(session, call, `${orderLabel(itemIndex, undefined, externalId)}: ${answer.description}`);
	}
	if (answer.body.create_id === undefined) {
		throw saleAppError(session, call, 'SaleApp reported success but sent no create_id');
	}
	return { saleAppId: answer.body.create_id, create_id: answer.body.create_id, alreadyExisted: false, ...plain(order) };
}

/** Of orders sharing an external ID, the latest one. */
function newest(orders: SaleAppOrder[]): SaleAppOrder | undefined {
	return orders.reduce<SaleAppOrder | undefined>((latest, order) => (!latest || order.id > latest.id ? order : latest), undefined);
}

/** Runs tasks with the same key one after another; tasks without a key run freely. */
class KeyedQueue {
	private readonly tails = new Map<string, Promise<unknown>>();

	async run<T>(key: string | undefined, task: () => Promise<T>): Promise<T> {
		if (key === undefined) return await task();
		const previous = this.tails.get(key) ?? Promise.resolve();
		const current = previous.then(task, task);
		this.tails.set(key, current.catch(() => undefined));
		return await current;
	}
}
