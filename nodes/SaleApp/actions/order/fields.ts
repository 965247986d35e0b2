import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { SaleAppKeyKind } from '../../../shared/orders/saleapp/schema';

const organisationOnly = { '/keyKind': ['organisation'] };

export const deliveryTypeOptions = [
	{ name: 'Pickup', value: 1, description: 'Самовивіз' },
	{ name: 'Own Delivery', value: 2, description: 'Своя доставка' },
	{ name: 'Nova Poshta Branch', value: 3, description: 'Нова Пошта відділення: needs City Ref and Branch Ref' },
	{ name: 'Nova Poshta Address', value: 5, description: 'Нова Пошта адреса: needs City Ref' },
];

/** Client, currency, warehouse: asked for with an organisation key only. */
export function ownerProperties(show: IDisplayOptions['show'], required: boolean): INodeProperties[] {
	const displayOptions = { show: { ...show, ...organisationOnly } };
	return [
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required,
			displayOptions,
			placeholder: 'e.g. 50',
			description:
				'SaleApp\'s ID of the counterparty (контрагент) the order belongs to: a number, found in SaleApp\'s list of counterparties (ask SaleApp support if it is not shown). Not asked with a counterparty key.',
		},
		{
			displayName: 'Currency ID',
			name: 'currencyId',
			type: 'string',
			default: '',
			required,
			displayOptions,
			placeholder: 'e.g. 6',
			description: 'SaleApp\'s ID of the currency (валюта) of the order: a number, found in SaleApp\'s currency settings. Not asked with a counterparty key.',
		},
		{
			displayName: 'Warehouse ID',
			name: 'warehouseId',
			type: 'string',
			default: '',
			required,
			displayOptions,
			placeholder: 'e.g. 8',
			description: 'SaleApp\'s ID of the warehouse (склад) the goods are reserved in: a number, found in SaleApp\'s list of warehouses. Not asked with a counterparty key.',
		},
	];
}

/** Product lines: SaleApp finds each product by ID, then external ID or supplier code, then SKU. */
export function productLinesProperty(name: string, displayName: string, show?: IDisplayOptions['show']): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Product',
		default: {},
		...(show ? { displayOptions: { show } } : {}),
		description:
			'SaleApp looks each product up by its ID first, then by external ID (organisation key) or supplier code (counterparty key), then by SKU. Give at least one.',
		options: [
			{
				displayName: 'Product',
				name: 'line',
				values: [
					{
						displayName: 'Discount (%)',
						name: 'discountPercent',
						type: 'number',
						default: 0,
					},
					{
						displayName: 'Price',
						name: 'cost',
						type: 'number',
						default: 0,
						description: 'Price of one unit',
					},
					{
						displayName: 'Product External ID',
						name: 'externalId',
						type: 'string',
						default: '',
						description: 'The \'external ID\' SaleApp got with the goods receipt',
					},
					{
						displayName: 'Product ID',
						name: 'id',
						type: 'number',
						default: 0,
						description: 'SaleApp\'s ID of the product; 0 when unknown',
					},
					{
						displayName: 'Quantity',
						name: 'qty',
						type: 'number',
						default: 1,
					},
					{
						displayName: 'SKU',
						name: 'sku',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Supplier Code',
						name: 'supplierId',
						type: 'string',
						default: '',
						description: 'The product\'s supplier code in SaleApp',
					},
				],
			},
		],
	};
}

/** Delivery and receiver fields shared by create (top level) and update (inside "Update Fields"). */
export function deliveryFieldProperties(): INodeProperties[] {
	return [
		{
			displayName: 'Receiver Name',
			name: 'receiverName',
			type: 'string',
			default: '',
			description: 'Full name of the person who receives the order',
		},
		{
			displayName: 'Receiver Phone',
			name: 'receiverPhone',
			type: 'string',
			default: '',
			placeholder: 'e.g. +380671234567 or +79161234567',
			description: 'Sent as digits only: spaces, brackets, dashes and the plus sign are removed',
		},
		{ displayName: 'City', name: 'city', type: 'string', default: '' },
		{
			displayName: 'City Ref',
			name: 'cityRef',
			type: 'string',
			default: '',
			description: "The city's reference in the carrier's system (Nova Poshta city Ref). Required unless the delivery type is Pickup or Own Delivery.",
		},
		{
			displayName: 'Address',
			name: 'address',
			type: 'string',
			default: '',
			description: "Delivery address, or the name of the carrier's branch",
		},
		{
			displayName: 'Branch Ref',
			name: 'branchRef',
			type: 'string',
			default: '',
			description: "The branch's reference in the carrier's system (Nova Poshta warehouse Ref). Required for Nova Poshta Branch.",
		},
	];
}

export function amountProperties(): INodeProperties[] {
	return [
		{
			displayName: 'Insurance Amount',
			name: 'insuranceAmount',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Declared value for the carrier, a whole number',
		},
		{
			displayName: 'Cash on Delivery',
			name: 'deliveryAmount',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Amount the carrier collects from the receiver, a whole number',
		},
		{
			displayName: 'Tag IDs',
			name: 'tagIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. 8,3',
			description: 'IDs of SaleApp order tags, separated by commas',
		},
	];
}

/** Field names in the node's form and on the wire. */
const WIRE_NAMES: Record<string, string> = {
	clientId: 'client_id',
	currencyId: 'curency_id',
	warehouseId: 'warehouse_id',
	externalId: 'external_id',
	deliveryType: 'delivery_types',
	receiverName: 'receiver_name',
	receiverPhone: 'receiver_phone',
	city: 'city',
	cityRef: 'city_ref',
	address: 'addres',
	branchRef: 'branch_ref',
	insuranceAmount: 'insurance_amount',
	deliveryAmount: 'delivery_amount',
	tagIds: 'type',
	funnelId: 'funnel',
};

/** Form values renamed to SaleApp's field names; names it does not know are left out. */
export function toWireNames(values: IDataObject): IDataObject {
	const wire: IDataObject = {};
	for (const [name, value] of Object.entries(values)) {
		if (WIRE_NAMES[name] !== undefined) wire[WIRE_NAMES[name]] = typeof value === 'string' ? value.trim() : value;
	}
	return wire;
}

interface LineValues {
	id?: number;
	externalId?: string;
	supplierId?: string;
	sku?: string;
	qty?: number;
	cost?: number;
	discountPercent?: number;
}

/** Product lines from the form, in SaleApp's shape; only the keys the key kind searches by. */
export function readProductLines(lines: LineValues[] | undefined, kind: SaleAppKeyKind): IDataObject[] {
	return (lines ?? []).map((line) => {
		const wire: IDataObject = {};
		if (line.id) wire.id = line.id;
		if (kind === 'organisation' && line.externalId?.trim()) wire.external_id = line.externalId.trim();
		if (kind === 'counterparty' && line.supplierId?.trim()) wire.supplier_id = line.supplierId.trim();
		if (line.sku?.trim()) wire.sku = line.sku.trim();
		wire.qty = line.qty;
		wire.cost = line.cost;
		if (line.discountPercent) wire.discount_percent = line.discountPercent;
		return wire;
	});
}

/** Custom fields from the form: `{ apiName: value }`. */
export function readCustomFields(entries: Array<{ name?: string; value?: string }> | undefined): IDataObject | undefined {
	const named = (entries ?? []).filter((entry) => entry.name?.trim());
	if (named.length === 0) return undefined;
	return Object.fromEntries(named.map((entry) => [entry.name!.trim(), entry.value ?? '']));
}

export type PhoneCheck = { ok: true; phone?: string } | { ok: false; message: string };

/** SaleApp keeps only the digits of a phone; a phone with none is a mistake worth stopping. */
export function phoneDigits(value: unknown): PhoneCheck {
	if (value === undefined || value === null || value === '') return { ok: true };
	const text = String(value);
	const digits = text.replace(/\D/g, '');
	if (!digits) return { ok: false, message: `receiver_phone "${text}" has no digits` };
	return { ok: true, phone: digits };
}

/** Reads a JSON-encoded string if that is what the item holds. */
export function decodeJson(value: unknown, field: string): { ok: true; value: unknown } | { ok: false; message: string } {
	if (typeof value !== 'string') return { ok: true, value };
	if (value.trim() === '') return { ok: true, value: undefined };
	try {
		return { ok: true, value: JSON.parse(value) };
	} catch {
		return { ok: false, message: `${field} is not valid JSON` };
	}
}

const NUMBER_FIELDS = new Set(['delivery_types', 'insurance_amount', 'delivery_amount', 'id', 'qty', 'cost', 'discount_percent']);
const TEXT_FIELDS = new Set([
	'client_id',
	'curency_id',
	'warehouse_id',
	'external_id',
	'supplier_id',
	'sku',
	'funnel',
	'type',
	'receiver_phone',
]);

/** Numbers written as strings ("3", "12.5") read as numbers, ids written as numbers as text. */
export function coerceScalars(values: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [name, value] of Object.entries(values)) {
		if (value === null) continue;
		if (NUMBER_FIELDS.has(name) && typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) {
			result[name] = Number(value.trim());
		} else if (TEXT_FIELDS.has(name) && typeof value === 'number') {
			result[name] = String(value);
		} else {
			result[name] = value;
		}
	}
	return result;
}

/** Reads `name` from item `itemIndex`, with a default. */
export function param<T>(context: IExecuteFunctions, name: string, itemIndex: number, fallback: T): T {
	return context.getNodeParameter(name, itemIndex, fallback) as T;
}
