import { z } from 'zod';

import { compact } from '../read';

/**
 * SaleApp (Conwix) `Orders` wire format, as seed 003 specifies it.
 *
 * Every call is a form POST to `.../Orders?secret_key=KEY` whose `method_type` field picks the
 * operation (GET, POST, PUT, DELETE). Answers carry numbers as strings (`"id":"74"`) and
 * `error` as the string "true"/"false"; the schemas below accept both spellings and parse to
 * numbers and booleans. Field names keep the vendor's spelling (`addres`, `curency_id`).
 */

export type SaleAppMethodType = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** deliveryType dictionary: 1 pickup, 2 own delivery, 3 Nova Poshta branch, 5 Nova Poshta address. */
export const SALEAPP_DELIVERY_TYPES = [1, 2, 3, 5] as const;
export type SaleAppDeliveryType = (typeof SALEAPP_DELIVERY_TYPES)[number];

/** Statuses in which SaleApp lets an order be deleted through the API. */
export const SALEAPP_DELETABLE_STATUSES = [0, 1, 2] as const;

/** The two kinds of secret key: the organisation's global key, or a counterparty's key. */
export type SaleAppKeyKind = 'organisation' | 'counterparty';

// ---------------------------------------------------------------------------------------------
// Scalars as SaleApp sends them

const NUMERIC = /^-?\d+(\.\d+)?$/;

/** A number SaleApp may send as a string ("74", "12.98"); parses to a number. */
const wireNumber = z.union([z.number(), z.string()]).transform((value, ctx) => {
	if (typeof value === 'number') return value;
	const text = value.trim();
	if (!NUMERIC.test(text)) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${value}" is not a number` });
		return z.NEVER;
	}
	return Number(text);
});

/** Like `wireNumber`, but an empty string or null (SaleApp's "no value") parses to undefined. */
const optionalWireNumber = z
	.union([z.number(), z.string(), z.null()])
	.optional()
	.transform((value, ctx) => {
		if (value === null || value === undefined) return undefined;
		if (typeof value === 'string' && value.trim() === '') return undefined;
		const parsed = wireNumber.safeParse(value);
		if (!parsed.success) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${String(value)}" is not a number` });
			return z.NEVER;
		}
		return parsed.data;
	});

const optionalWireText = z
	.union([z.string(), z.number(), z.null()])
	.optional()
	.transform((value) => (value === null || value === undefined ? undefined : String(value)));

/** `error`: the string "true"/"false" (seed 003); a boolean or "1"/"0" is read the same way. */
const wireFlag = z.union([z.boolean(), z.string(), z.number()]).transform((value, ctx) => {
	const text = String(value).trim().toLowerCase();
	if (text === 'true' || text === '1') return true;
	if (text === 'false' || text === '0' || text === '') return false;
	ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${String(value)}" is neither "true" nor "false"` });
	return z.NEVER;
});

// ---------------------------------------------------------------------------------------------
// The order as GET returns it

export const saleAppOrderTagSchema = z
	.object({ id: wireNumber, name: optionalWireText })
	.passthrough();

export const saleAppSupplierCodeSchema = z
	.object({ code: optionalWireText, supplier_id: optionalWireText })
	.passthrough();

/** A product line of an order as GET returns it. */
export const saleAppOrderProductSchema = z
	.object({
		id: wireNumber,
		name: optionalWireText,
		sku: optionalWireText,
		/** "0" when the product has no external id. */
		external_id: optionalWireText,
		qty: wireNumber,
		allocated_qty: optionalWireNumber,
		cost: wireNumber,
		discount_percent: optionalWireNumber,
		/** Supplier codes: documented as a string, sent as an array of `{code, supplier_id}`. */
		supplier_ids: z.union([z.array(saleAppSupplierCodeSchema), z.string(), z.null()]).optional(),
	})
	.passthrough();

/** Custom fields keyed by their "API name"; GET may send an object or an (empty) array. */
export const saleAppCustomFieldsSchema = z.union([
	z.record(z.unknown()),
	z.array(z.unknown()),
	z.null(),
]);

/** The order as GET returns it (string-typed numbers parse to numbers). */
export const saleAppOrderSchema = z
	.object({
		id: wireNumber,
		number: optionalWireNumber,
		external_id: optionalWireText,
		status_id: wireNumber,
		status_name: optionalWireText,
		delivery_type_name: optionalWireText,
		delivery_types: optionalWireNumber,
		receiver_name: optionalWireText,
		receiver_phone: optionalWireText,
		city: optionalWireText,
		city_ref: optionalWireText,
		addres: optionalWireText,
		branch_ref: optionalWireText,
		insurance_amount: optionalWireNumber,
		delivery_amount: optionalWireNumber,
		/** Tag ids joined by commas, e.g. "8" or "8,3". */
		type_ids: optionalWireText,
		type: z.union([z.array(saleAppOrderTagSchema), z.null()]).optional(),
		ttn: optionalWireText,
		ttn_ref: optionalWireText,
		seats_number: optionalWireNumber,
		products: z.union([z.array(saleAppOrderProductSchema), z.null()]).optional(),
		custom_fields: saleAppCustomFieldsSchema.optional(),
		funnel: optionalWireNumber,
		funnel_name: optionalWireText,
		/** "YYYY-MM-DD HH:mm:ss", the organisation's local time, no zone. */
		date_entered: optionalWireText,
		date_update: optionalWireText,
	})
	.passthrough();

/** The order exactly as it travels (strings for numbers, as in the seed example). */
export type SaleAppOrderWire = z.input<typeof saleAppOrderSchema>;
/** The order after parsing: numbers are numbers. */
export type SaleAppOrder = z.output<typeof saleAppOrderSchema>;
export type SaleAppOrderProduct = z.output<typeof saleAppOrderProductSchema>;

// ---------------------------------------------------------------------------------------------
// Requests (form fields; `method_type` is added by the caller)

/**
 * One product line of a create/update (typed form, before JSON encoding). SaleApp finds the
 * product by `id`, then `external_id` (organisation key) or `supplier_id` (counterparty key),
 * then `sku`. The seed spells the price `cos` once: `cost` is what the example sends.
 */
export const saleAppProductLineSchema = z
	.object({
		id: z.number().int().positive().optional(),
		external_id: z.string().min(1).optional(),
		supplier_id: z.string().min(1).optional(),
		sku: z.string().min(1).optional(),
		qty: z.number().positive(),
		cost: z.number().nonnegative(),
		discount_percent: z.number().min(0).max(100).optional(),
	})
	.refine(
		(line) =>
			line.id !== undefined || line.external_id !== undefined || line.supplier_id !== undefined || line.sku !== undefined,
		{ message: 'a product line needs an id, external id, supplier id or SKU' },
	);
export type SaleAppProductLine = z.infer<typeof saleAppProductLineSchema>;

const saleAppProductLinesSchema = z.array(saleAppProductLineSchema);

/** Custom fields keyed by the field's "API name" in SaleApp's settings. */
export const saleAppCustomFieldValuesSchema = z.record(z.union([z.string(), z.number(), z.boolean(), z.null()]));
export type SaleAppCustomFieldValues = z.infer<typeof saleAppCustomFieldValuesSchema>;

const deliveryType = z
	.number()
	.int()
	.refine((value): value is SaleAppDeliveryType => (SALEAPP_DELIVERY_TYPES as readonly number[]).includes(value), {
		message: 'must be 1 (pickup), 2 (own delivery), 3 (Nova Poshta branch) or 5 (Nova Poshta address)',
	});

/** Fields shared by create (POST) and update (PUT), typed. */
const orderFields = {
	/** Not sent with a counterparty key: the key fixes client, currency and warehouse. */
	client_id: z.string().min(1).optional(),
	curency_id: z.string().min(1).optional(),
	warehouse_id: z.string().min(1).optional(),
	delivery_types: deliveryType.optional(),
	receiver_name: z.string().optional(),
	/** Digits only (SaleApp strips everything else on save). */
	receiver_phone: z.string().regex(/^\d+$/, 'must be digits only').optional(),
	city: z.string().optional(),
	city_ref: z.string().optional(),
	addres: z.string().optional(),
	branch_ref: z.string().optional(),
	insurance_amount: z.number().int().nonnegative().optional(),
	delivery_amount: z.number().int().nonnegative().optional(),
	/** Tag ids joined by commas: "8,3". */
	type: z.string().regex(/^\d+(,\d+)*$/, 'must be tag ids separated by commas, like 8,3').optional(),
};

/** Problems with the carrier fields, in the seed's words: city_ref unless type 1/2, branch_ref for 3. */
export function deliveryProblems(fields: {
	delivery_types?: number;
	city_ref?: string;
	branch_ref?: string;
}): Array<{ field: 'city_ref' | 'branch_ref'; message: string }> {
	const problems: Array<{ field: 'city_ref' | 'branch_ref'; message: string }> = [];
	const type = fields.delivery_types;
	if (type === undefined) return problems;
	if (type !== 1 && type !== 2 && !fields.city_ref?.trim()) {
		problems.push({ field: 'city_ref', message: `city_ref is required for delivery type ${type} (only 1 and 2 go without it)` });
	}
	if (type === 3 && !fields.branch_ref?.trim()) {
		problems.push({ field: 'branch_ref', message: 'branch_ref is required for delivery type 3 (Nova Poshta branch)' });
	}
	return problems;
}

function addDeliveryProblems(order: Parameters<typeof deliveryProblems>[0], ctx: z.RefinementCtx) {
	for (const problem of deliveryProblems(order)) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, path: [problem.field], message: problem.message });
	}
}

/** A create (POST), typed: products as lines, custom fields as an object. */
export const saleAppCreateOrderSchema = z
	.object({
		...orderFields,
		external_id: z.string().min(1).optional(),
		delivery_types: deliveryType,
		custom_fields: saleAppCustomFieldValuesSchema.optional(),
		/** Funnel id; ignored by PUT. */
		funnel: z.string().min(1).optional(),
		products: saleAppProductLinesSchema.min(1, 'an order needs at least one product'),
	})
	.superRefine(addDeliveryProblems);
export type SaleAppCreateOrder = z.infer<typeof saleAppCreateOrderSchema>;

const jsonArrayText = z.string().refine(isJsonArray, { message: 'must be a JSON-encoded array' });
const jsonObjectText = z.string().refine(isJsonObject, { message: 'must be a JSON-encoded object' });

/** Form fields create (POST) and update (PUT) send alike. */
const payloadFields = {
	client_id: z.string().optional(),
	curency_id: z.string().optional(),
	warehouse_id: z.string().optional(),
	external_id: z.string().optional(),
	delivery_types: z.number().int().optional(),
	receiver_name: z.string().optional(),
	receiver_phone: z.string().optional(),
	city: z.string().optional(),
	city_ref: z.string().optional(),
	addres: z.string().optional(),
	branch_ref: z.string().optional(),
	insurance_amount: z.number().int().optional(),
	delivery_amount: z.number().int().optional(),
	type: z.string().optional(),
};

/** A create (POST) as form fields on the wire: `products` and `custom_fields` JSON-encoded. */
export const saleAppCreatePayloadSchema = z.object({
	...payloadFields,
	delivery_types: z.number().int(),
	custom_fields: jsonObjectText.optional(),
	funnel: z.string().optional(),
	products: jsonArrayText,
});
export type SaleAppCreatePayload = z.infer<typeof saleAppCreatePayloadSchema>;

/** An update (PUT), typed. The order is found by `id`, else `external_id` (id wins). */
export const saleAppUpdateOrderSchema = z
	.object({
		...orderFields,
		id: z.number().int().positive().optional(),
		external_id: z.string().min(1).optional(),
		products: saleAppProductLinesSchema.optional(),
	})
	.refine((order) => order.id !== undefined || order.external_id !== undefined, {
		message: 'give the order id or its external id',
	})
	.superRefine(addDeliveryProblems);
export type SaleAppUpdateOrder = z.infer<typeof saleAppUpdateOrderSchema>;

/** An update (PUT) as form fields on the wire. */
export const saleAppUpdatePayloadSchema = z.object({
	id: z.number().int().optional(),
	...payloadFields,
	products: jsonArrayText.optional(),
});
export type SaleAppUpdatePayload = z.infer<typeof saleAppUpdatePayloadSchema>;

/** The typed create turned into wire form fields (JSON-encoding products and custom fields). */
export function toCreatePayload(order: SaleAppCreateOrder): SaleAppCreatePayload {
	const { products, custom_fields: customFields, ...rest } = order;
	return compact({
		...rest,
		products: JSON.stringify(products.map(compact)),
		custom_fields: customFields === undefined ? undefined : JSON.stringify(customFields),
	}) as SaleAppCreatePayload;
}

/** The typed update turned into wire form fields: only the fields that are set. */
export function toUpdatePayload(order: SaleAppUpdateOrder): SaleAppUpdatePayload {
	const { products, ...rest } = order;
	return compact({
		...rest,
		products: products === undefined ? undefined : JSON.stringify(products.map(compact)),
	}) as SaleAppUpdatePayload;
}

// ---------------------------------------------------------------------------------------------
// Answers

const envelope = {
	error: wireFlag,
	error_description: optionalWireText,
};

/** SaleApp answers "nothing" as a missing field, null, "" or []. */
const emptyToUndefined = (value: unknown) => (value === null || value === '' ? undefined : value);

export const saleAppGetResponseSchema = z
	.object({
		...envelope,
		response: z.preprocess(emptyToUndefined, z.array(saleAppOrderSchema).optional()),
	})
	.passthrough();
export type SaleAppGetResponse = z.output<typeof saleAppGetResponseSchema>;

export const saleAppCreateResponseSchema = z
	.object({
		...envelope,
		/** Only present on success. */
		create_id: z.preprocess(emptyToUndefined, wireNumber.optional()),
	})
	.passthrough();
export type SaleAppCreateResponse = z.output<typeof saleAppCreateResponseSchema>;

export const saleAppUpdateResponseSchema = z.object(envelope).passthrough();
export type SaleAppUpdateResponse = z.output<typeof saleAppUpdateResponseSchema>;

/** One deleted order: the seed shows `{id, number, external_id}`; a bare id is read as `{id}`. */
export const saleAppDeletedSchema = z.union([
	z
		.object({ id: wireNumber, number: optionalWireNumber, external_id: optionalWireText })
		.passthrough(),
	wireNumber.transform((id) => ({ id, number: undefined, external_id: undefined })),
]);
export type SaleAppDeleted = z.output<typeof saleAppDeletedSchema>;

export const saleAppDeleteResponseSchema = z
	.object({
		...envelope,
		deleted: z.preprocess(emptyToUndefined, z.array(saleAppDeletedSchema).optional()),
	})
	.passthrough();
export type SaleAppDeleteResponse = z.output<typeof saleAppDeleteResponseSchema>;

// ---------------------------------------------------------------------------------------------

function isJsonArray(text: string): boolean {
	try {
		return Array.isArray(JSON.parse(text));
	} catch {
		return false;
	}
}

function isJsonObject(text: string): boolean {
	try {
		const value: unknown = JSON.parse(text);
		return typeof value === 'object' && value !== null && !Array.isArray(value);
	} catch {
		return false;
	}
}
