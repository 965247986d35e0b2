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
 *
 * Each object's fields are read by name, one line each, in the schema's order: V8 then loads each
 * from where the orders' shared shape keeps it, where a loop over a table of field names looks every
 * name up (the read took half as long again that way).
 */
export function readHoroshopOrder(value: unknown, problems: Problems): HoroshopOrder | undefined {
	const errorsBefore = problems.errors.length;
	const order = readObject(value, '', problems, readOrderFields);
	return problems.errors.length > errorsBefore ? undefined : (order as HoroshopOrder);
}

type Fields = Record<string, unknown>;

/** Reads the value of field `key` of the object at `path`; records a problem and returns anything when it is wrong. */
type FieldReader = (value: unknown, path: string, key: string, problems: Problems) => unknown;

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

/** The fields of one object as read: the object itself until a field reads differently, then a copy. */
class FieldsRead {
	private copy: Fields | undefined;

	constructor(
		private readonly value: Fields,
		private readonly path: string,
		private readonly problems: Problems,
	) {}

	/** Reads field `key`, whose value the caller loaded by name (`order.comment`). */
	field(key: string, current: unknown, reader: FieldReader): void {
		const read = reader(current, this.path, key, this.problems);
		if (read !== current) (this.copy ??= { ...this.value })[key] = read;
	}

	get result(): Fields {
		return this.copy ?? this.value;
	}
}

type FieldsReader = (value: Fields, fields: FieldsRead) => void;

function readObject(value: unknown, path: string, problems: Problems, readFields: FieldsReader): unknown {
	if (!isPlainObject(value)) {
		wrongType(value, 'an object', path, '', problems);
		return value;
	}
	const fields = new FieldsRead(value, path, problems);
	readFields(value, fields);
	return fields.result;
}

/** An object block that PHP sends as `[]` when it is empty; read as null then. */
function block(readFields: FieldsReader): FieldReader {
	// A block sits at one place in an order ('delivery_data.destination'): its path is built once.
	let parentPath: string | undefined;
	let blockPath = '';
	return (value, path, key, problems) => {
		if (value === undefined) return undefined;
		if (emptyToNull(value) === null) return null;
		if (path !== parentPath) {
			parentPath = path;
			blockPath = fieldName(path, key);
		}
		return readObject(value, blockPath, problems, readFields);
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
		const product = readObject(value[index], productPath(fieldName(path, key), index), problems, readProductFields);
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

function readIdTitle(value: Fields, fields: FieldsRead): void {
	fields.field('id', value.id, optionalNumber);
	fields.field('title', value.title, optionalText);
}

function readProductFields(product: Fields, fields: FieldsRead): void {
	fields.field('title', product.title, optionalText);
	fields.field('article', product.article, identifier);
	fields.field('price', product.price, wireNumber);
	fields.field('quantity', product.quantity, wireNumber);
	fields.field('total_price', product.total_price, optionalNumber);
	fields.field('discount_marker', product.discount_marker, optionalText);
	fields.field('type', product.type, optionalText);
	fields.field('storage_id', product.storage_id, optionalNumber);
	fields.field('parent_storage_id', product.parent_storage_id, optionalNumber);
}

const recipientAddress = block((address, fields) => {
	fields.field('street_id', address.street_id, optionalIdentifier);
	fields.field('street_name', address.street_name, optionalText);
	fields.field('building_number', address.building_number, optionalIdentifier);
	fields.field('flat', address.flat, optionalIdentifier);
});

const additionalData = block((data, fields) => {
	fields.field('np_ref', data.np_ref, optionalIdentifier);
	fields.field('np_number', data.np_number, optionalIdentifier);
	fields.field('sender_warehouse_ref', data.sender_warehouse_ref, optionalIdentifier);
	fields.field('recipient_warehouse_ref', data.recipient_warehouse_ref, optionalIdentifier);
	fields.field('recipient_address', data.recipient_address, recipientAddress);
});

function readPlace(place: Fields, fields: FieldsRead): void {
	fields.field('id', place.id, optionalIdentifier);
	fields.field('name', place.name, optionalText);
}

/** The carrier's address of a departure or a destination; each has blocks of its own (see block). */
function deliveryAddress(): FieldReader {
	const geoObject = block(readPlace);
	const warehouse = block(readPlace);
	const street = block(readPlace);
	return block((address, fields) => {
		fields.field('type', address.type, optionalText);
		fields.field('geoObject', address.geoObject, geoObject);
		fields.field('warehouse', address.warehouse, warehouse);
		fields.field('street', address.street, street);
		fields.field('buildingNumber', address.buildingNumber, optionalIdentifier);
		fields.field('flatNumber', address.flatNumber, optionalIdentifier);
	});
}

const contactPerson = block((person, fields) => {
	fields.field('id', person.id, optionalIdentifier);
	fields.field('name', person.name, optionalText);
	fields.field('phone', person.phone, optionalIdentifier);
});

const sender = block((sender, fields) => {
	fields.field('id', sender.id, optionalIdentifier);
	fields.field('title', sender.title, optionalText);
	fields.field('contactPerson', sender.contactPerson, contactPerson);
	fields.field('type', sender.type, optionalText);
	fields.field('phone', sender.phone, optionalIdentifier);
});

const departureAddress = deliveryAddress();

const departure = block((departure, fields) => {
	fields.field('sender', departure.sender, sender);
	fields.field('address', departure.address, departureAddress);
});

const recipient = block((recipient, fields) => {
	fields.field('name', recipient.name, optionalText);
	fields.field('surname', recipient.surname, optionalText);
	fields.field('patronymic', recipient.patronymic, optionalText);
	fields.field('phone', recipient.phone, optionalIdentifier);
});

const destinationAddress = deliveryAddress();

const destination = block((destination, fields) => {
	fields.field('recipient', destination.recipient, recipient);
	fields.field('address', destination.address, destinationAddress);
});

const deliveryPayment = block((payment, fields) => {
	fields.field('type', payment.type, optionalText);
	fields.field('payer', payment.payer, optionalText);
});

const redelivery = block((redelivery, fields) => {
	fields.field('cost', redelivery.cost, optionalNumber);
	fields.field('payer', redelivery.payer, optionalText);
});

const deliveryData = block((data, fields) => {
	fields.field('deliveryOperatorType', data.deliveryOperatorType, optionalText);
	fields.field('tnId', data.tnId, optionalIdentifier);
	fields.field('tnID', data.tnID, optionalIdentifier);
	fields.field('tnNumber', data.tnNumber, optionalIdentifier);
	fields.field('tnStatusName', data.tnStatusName, optionalText);
	fields.field('tnTrackingUpdateDate', data.tnTrackingUpdateDate, optionalText);
	fields.field('estimatedDeliveryDate', data.estimatedDeliveryDate, optionalText);
	fields.field('departure', data.departure, departure);
	fields.field('destination', data.destination, destination);
	fields.field('payment', data.payment, deliveryPayment);
	fields.field('redelivery', data.redelivery, redelivery);
});

const analytics = block((analytics, fields) => {
	fields.field('utm_source', analytics.utm_source, optionalText);
	fields.field('utm_medium', analytics.utm_medium, optionalText);
	fields.field('utm_campaign', analytics.utm_campaign, optionalText);
	fields.field('utm_term', analytics.utm_term, optionalText);
	fields.field('utm_content', analytics.utm_content, optionalText);
	fields.field('google_client_id', analytics.google_client_id, optionalText);
});

const customerGroup = block(readIdTitle);
const priceLevel = block(readIdTitle);

const customerDetails = block((details, fields) => {
	fields.field('group', details.group, customerGroup);
	fields.field('price_level', details.price_level, priceLevel);
});

const deliveryType = block(readIdTitle);
const paymentType = block(readIdTitle);

function readOrderFields(order: Fields, fields: FieldsRead): void {
	fields.field('order_id', order.order_id, wireNumber);
	fields.field('user', order.user, optionalNumber);
	fields.field('delivery_name', order.delivery_name, optionalText);
	fields.field('delivery_email', order.delivery_email, optionalText);
	fields.field('delivery_phone', order.delivery_phone, optionalText);
	fields.field('delivery_city', order.delivery_city, optionalText);
	fields.field('delivery_address', order.delivery_address, optionalText);
	fields.field('delivery_country', order.delivery_country, optionalText);
	fields.field('delivery_type', order.delivery_type, deliveryType);
	fields.field('delivery_price', order.delivery_price, optionalNumber);
	fields.field('comment', order.comment, optionalText);
	fields.field('payment_type', order.payment_type, paymentType);
	fields.field('payment_price', order.payment_price, optionalNumber);
	fields.field('payed', order.payed, flag);
	fields.field('paided', order.paided, flag);
	fields.field('total_default', order.total_default, optionalNumber);
	fields.field('total_sum', order.total_sum, optionalNumber);
	fields.field('total_quantity', order.total_quantity, optionalNumber);
	fields.field('discount_percent', order.discount_percent, optionalNumber);
	fields.field('discount_value', order.discount_value, optionalNumber);
	fields.field('coupon_code', order.coupon_code, optionalText);
	fields.field('coupon_percent', order.coupon_percent, optionalNumber);
	fields.field('coupon_discount_value', order.coupon_discount_value, optionalNumber);
	fields.field('coupon_type', order.coupon_type, optionalNumber);
	fields.field('stat_status', order.stat_status, optionalNumber);
	fields.field('stat_created', order.stat_created, optionalText);
	fields.field('currency', order.currency, optionalText);
	fields.field('order_without_callback', order.order_without_callback, optionalBoolean);
	fields.field('manager_id', order.manager_id, optionalNumber);
	fields.field('manager_comment', order.manager_comment, optionalText);
	fields.field('manager_discount', order.manager_discount, optionalNumber);
	fields.field('manager_discount_title', order.manager_discount_title, optionalText);
	fields.field('products', order.products, products);
	fields.field('additional_data', order.additional_data, additionalData);
	fields.field('delivery_data', order.delivery_data, deliveryData);
	fields.field('analytics', order.analytics, analytics);
	fields.field('customer_details', order.customer_details, customerDetails);
}
