import type { Problems } from '../problems';
import { isNumber, isPlainObject } from '../read';
import type { HoroshopOrder } from './schema';
import { emptyToNull, toNumber } from './schema';

/**
 * Reads a Horoshop order as `horoshopOrderSchema` does (its own coercions, the same fields kept,
 * the same field paths on errors), without zod, and without copying what needs no coercion: this
 * runs once per order in every node that takes orders from a shop, and zod cost more than the
 * whole conversion. The schema stays the reference; a differential test
 * (test/unit/horoshop/read.test.ts) keeps the two in agreement.
 */
export function readHoroshopOrder(value: unknown, problems: Problems): HoroshopOrder | undefined {
	const errorsBefore = problems.errors.length;
	const order = readObject(value, ORDER, '', problems);
	return problems.errors.length > errorsBefore ? undefined : (order as HoroshopOrder);
}

/** Reads the value of field `key` of the object at `path`; records a problem and returns anything when it is wrong. */
type FieldReader = (value: unknown, path: string, key: string, problems: Problems) => unknown;

/** An object's known fields; every other field is kept as it came. */
type Shape = Record<string, FieldReader>;

/** The field's path as zod names it: `products[0].price`. Built only for a problem. */
function fieldName(path: string, key: string): string {
	return path && key ? `${path}.${key}` : path || key;
}

function wrongType(value: unknown, expected: string, path: string, key: string, problems: Problems): void {
	problems.error(fieldName(path, key), value === undefined ? 'is required' : `must be ${expected}`);
}

const wireNumber: FieldReader = (value, path, key, problems) => {
	const number = toNumber(value);
	if (!isNumber(number)) wrongType(number, 'a number', path, key, problems);
	return number;
};

const optionalNumber: FieldReader = (value, path, key, problems) => {
	if (value === undefined) return undefined;
	const number = toNumber(emptyToNull(value));
	if (number !== null && !isNumber(number)) wrongType(number, 'a number', path, key, problems);
	return number;
};

const identifier: FieldReader = (value, path, key, problems) => {
	if (typeof value === 'string') return value;
	if (isNumber(value)) return String(value);
	wrongType(value, 'text or a number', path, key, problems);
	return value;
};

const optionalIdentifier: FieldReader = (value, path, key, problems) => {
	if (value === undefined) return undefined;
	if (emptyToNull(value) === null) return null;
	return identifier(value, path, key, problems);
};

const optionalText: FieldReader = (value, path, key, problems) => {
	if (value !== undefined && value !== null && typeof value !== 'string') wrongType(value, 'text', path, key, problems);
	return value;
};

/** 0/1 flag that may come as a boolean or a string. */
const flag: FieldReader = (value, path, key, problems) => {
	if (value === undefined) return undefined;
	let read: unknown;
	if (value === true || value === 'true') read = 1;
	else if (value === false || value === 'false' || value === '' || value === null) read = 0;
	else read = toNumber(value);
	if (read !== 0 && read !== 1) problems.error(fieldName(path, key), 'must be 0 or 1');
	return read;
};

const optionalBoolean: FieldReader = (value, path, key, problems) => {
	if (value === undefined) return undefined;
	let read = value;
	if (value === 1 || value === '1' || value === 'true') read = true;
	else if (value === 0 || value === '0' || value === 'false' || value === '') read = false;
	if (read !== null && typeof read !== 'boolean') wrongType(read, 'true or false', path, key, problems);
	return read;
};

function readObject(value: unknown, shape: Shape, path: string, problems: Problems): unknown {
	if (!isPlainObject(value)) {
		wrongType(value, 'an object', path, '', problems);
		return value;
	}
	// Copied only when a field reads differently: most orders come out as the very object that came in.
	let result: Record<string, unknown> | undefined;
	for (const key in shape) {
		const current = value[key];
		const read = shape[key](current, path, key, problems);
		if (read !== current) {
			result ??= { ...value };
			result[key] = read;
		}
	}
	return result ?? value;
}

/** An object block that PHP sends as `[]` when it is empty; read as null then. */
function block(shape: Shape): FieldReader {
	// A block's path is the same in every order ('delivery_data.destination'): built once per parent path.
	const paths = new Map<string, string>();
	return (value, path, key, problems) => {
		if (value === undefined) return undefined;
		if (emptyToNull(value) === null) return null;
		let at = paths.get(path);
		if (at === undefined) paths.set(path, (at = fieldName(path, key)));
		return readObject(value, shape, at, problems);
	};
}

const products: FieldReader = (value, path, key, problems) => {
	if (value === null || value === undefined) return [];
	if (!Array.isArray(value)) {
		wrongType(value, 'a list', path, key, problems);
		return value;
	}
	// An index loop, not map: map skips the holes of a sparse list, and a hole is a missing product.
	let read: unknown[] | undefined;
	for (let index = 0; index < value.length; index++) {
		const product = readObject(value[index], PRODUCT, productPath(fieldName(path, key), index), problems);
		if (product !== value[index]) {
			read ??= value.slice();
			read[index] = product;
		}
	}
	return read ?? value;
};

/** `products[0]`: the first products' paths are the same in every order, so they are built once. */
function productPath(list: string, index: number): string {
	if (list !== 'products' || index >= PRODUCT_PATHS.length) return `${list}[${index}]`;
	return (PRODUCT_PATHS[index] ??= `${list}[${index}]`);
}

const PRODUCT_PATHS = new Array<string | undefined>(100);

const ID_TITLE: Shape = { id: optionalNumber, title: optionalText };

const PRODUCT: Shape = {
	title: optionalText,
	article: identifier,
	price: wireNumber,
	quantity: wireNumber,
	total_price: optionalNumber,
	discount_marker: optionalText,
	type: optionalText,
	storage_id: optionalNumber,
	parent_storage_id: optionalNumber,
};

const ADDITIONAL_DATA: Shape = {
	np_ref: optionalIdentifier,
	np_number: optionalIdentifier,
	sender_warehouse_ref: optionalIdentifier,
	recipient_warehouse_ref: optionalIdentifier,
	recipient_address: block({
		street_id: optionalIdentifier,
		street_name: optionalText,
		building_number: optionalIdentifier,
		flat: optionalIdentifier,
	}),
};

const PLACE: Shape = { id: optionalIdentifier, name: optionalText };

const DELIVERY_ADDRESS: Shape = {
	type: optionalText,
	geoObject: block(PLACE),
	warehouse: block(PLACE),
	street: block(PLACE),
	buildingNumber: optionalIdentifier,
	flatNumber: optionalIdentifier,
};

const DELIVERY_DATA: Shape = {
	deliveryOperatorType: optionalText,
	tnId: optionalIdentifier,
	tnID: optionalIdentifier,
	tnNumber: optionalIdentifier,
	tnStatusName: optionalText,
	tnTrackingUpdateDate: optionalText,
	estimatedDeliveryDate: optionalText,
	departure: block({
		sender: block({
			id: optionalIdentifier,
			title: optionalText,
			contactPerson: block({ id: optionalIdentifier, name: optionalText, phone: optionalIdentifier }),
			type: optionalText,
			phone: optionalIdentifier,
		}),
		address: block(DELIVERY_ADDRESS),
	}),
	destination: block({
		recipient: block({ name: optionalText, surname: optionalText, patronymic: optionalText, phone: optionalIdentifier }),
		address: block(DELIVERY_ADDRESS),
	}),
	payment: block({ type: optionalText, payer: optionalText }),
	redelivery: block({ cost: optionalNumber, payer: optionalText }),
};

const ANALYTICS: Shape = {
	utm_source: optionalText,
	utm_medium: optionalText,
	utm_campaign: optionalText,
	utm_term: optionalText,
	utm_content: optionalText,
	google_client_id: optionalText,
};

const ORDER: Shape = {
	order_id: wireNumber,
	user: optionalNumber,
	delivery_name: optionalText,
	delivery_email: optionalText,
	delivery_phone: optionalText,
	delivery_city: optionalText,
	delivery_address: optionalText,
	delivery_country: optionalText,
	delivery_type: block(ID_TITLE),
	delivery_price: optionalNumber,
	comment: optionalText,
	payment_type: block(ID_TITLE),
	payment_price: optionalNumber,
	payed: flag,
	paided: flag,
	total_default: optionalNumber,
	total_sum: optionalNumber,
	total_quantity: optionalNumber,
	discount_percent: optionalNumber,
	discount_value: optionalNumber,
	coupon_code: optionalText,
	coupon_percent: optionalNumber,
	coupon_discount_value: optionalNumber,
	coupon_type: optionalNumber,
	stat_status: optionalNumber,
	stat_created: optionalText,
	currency: optionalText,
	order_without_callback: optionalBoolean,
	manager_id: optionalNumber,
	manager_comment: optionalText,
	manager_discount: optionalNumber,
	manager_discount_title: optionalText,
	products,
	additional_data: block(ADDITIONAL_DATA),
	delivery_data: block(DELIVERY_DATA),
	analytics: block(ANALYTICS),
	customer_details: block({ group: block(ID_TITLE), price_level: block(ID_TITLE) }),
};
