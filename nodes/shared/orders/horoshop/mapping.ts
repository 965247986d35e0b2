import { splitAddressFields, splitAddressLine } from '../address';
import type { AddressParts, FieldsSplit } from '../address';
import type { Address, CanonicalOrder, LineKind, OrderLine } from '../canonical';
import { countedLines } from '../canonical';
import { readMoney, toAmount } from '../money';
import type { Problems } from '../problems';
import type { ReadContext } from '../read';
import { newObject } from '../newObject';
import { readPhones, readQuantity, textOf } from '../read';
import { stateOf, statusCodeFor } from '../status';
import { readTime, toLocalText } from '../time';
import type { HoroshopOrder, HoroshopOrderInput, HoroshopProduct } from './schema';
import { readHoroshopOrder } from './read';

const KINDS: Record<string, LineKind> = { gift: 'gift', set_main: 'set', set_item: 'setItem', gift_parent: 'plain' };
const TYPES: Record<LineKind, string | undefined> = { plain: undefined, gift: 'gift', set: 'set_main', setItem: 'set_item' };

/** A Horoshop order from `orders/get` as a canonical order; undefined when it has errors. */
export function toCanonical(wire: unknown, context: ReadContext, problems: Problems): CanonicalOrder | undefined {
	const order = readHoroshopOrder(wire, problems);
	if (!order) return undefined;
	const id = String(order.order_id);
	const lines = order.products.map((product, index) => readLine(product, index, problems));
	const deliveryCost = order.delivery_price === -1 ? undefined : readMoney(order.delivery_price, 'delivery_price', problems);
	if (order.delivery_price === -1) problems.note('delivery_price', "-1: the carrier charges its own tariff, so no delivery cost is in the total");
	const totalSum = readMoney(order.total_sum, 'total_sum', problems);
	const status = order.stat_status === undefined || order.stat_status === null ? undefined : String(order.stat_status);

	const result: CanonicalOrder = {
		source: 'horoshop',
		id,
		ids: { horoshop: id },
		status: status === undefined ? undefined : readStatus(status),
		timezone: context.timezone,
		createdAt: readTime(order.stat_created, context.timezone, 'stat_created', problems),
		customer: readCustomer(order, context, problems),
		address: readAddress(order, problems),
		delivery: readDelivery(order, deliveryCost),
		lines: lines.filter((line): line is OrderLine => line !== undefined),
		money: readFees(order, problems),
		payment: readPayment(order),
		comment: textOf(order.comment),
		managerComment: textOf(order.manager_comment),
	};
	if (problems.failed || lines.includes(undefined)) return undefined;

	// total_sum is after every discount and before delivery. Discounts already in the unit prices
	// make it equal to the lines; order-level ones (discount_value, coupon, the manager's discount)
	// make up the difference.
	if (totalSum !== undefined) {
		const goods = countedLines(result).reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
		const stated =
			(readMoney(order.discount_value, 'discount_value', problems) ?? 0) +
			(readMoney(order.coupon_discount_value, 'coupon_discount_value', problems) ?? 0) +
			(readMoney(order.manager_discount, 'manager_discount', problems) ?? 0);
		const discount = goods - totalSum === stated ? stated : 0;
		if (discount) result.money.discount = discount;
		result.money.total = totalSum + (deliveryCost ?? 0);
		// Payment 15 is "on receipt" (seed 002): the carrier collects the order's total unless it is paid.
		if (result.payment.code === CASH_ON_DELIVERY_PAYMENT && result.payment.paid !== true) result.money.cashOnDelivery = result.money.total;
	}
	return result;
}

const CASH_ON_DELIVERY_PAYMENT = '15';

// The objects below leave out what the order does not have by filling a newObject() (see there)
// field by field: about a fifth faster than compact()'s copy of a literal.

function readStatus(code: string): NonNullable<CanonicalOrder['status']> {
	const state = stateOf('horoshop', code);
	return state === undefined ? { code } : { code, state };
}

function readCustomer(order: HoroshopOrder, context: ReadContext, problems: Problems): CanonicalOrder['customer'] {
	const customer = newObject<CanonicalOrder['customer']>();
	if (order.user) customer.id = String(order.user);
	const name = textOf(order.delivery_name);
	if (name !== undefined) customer.name = name;
	customer.phones = readPhones([order.delivery_phone], 'delivery_phone', context.homeCountry, problems);
	const email = textOf(order.delivery_email);
	if (email !== undefined) customer.email = email;
	return customer;
}

function readDelivery(order: HoroshopOrder, cost: number | undefined): CanonicalOrder['delivery'] {
	const delivery = newObject<CanonicalOrder['delivery']>();
	const method = deliveryMethod(order);
	if (method !== undefined) delivery.method = method;
	const typeId = textOf(order.delivery_type?.id);
	if (typeId !== undefined) delivery.typeId = typeId;
	const title = textOf(order.delivery_type?.title);
	if (title !== undefined) delivery.title = title;
	if (cost !== undefined) delivery.cost = cost;
	if (order.delivery_price === -1) delivery.carrierTariff = true;
	const data = order.delivery_data;
	const trackingNumber = textOf(data?.tnNumber ?? order.additional_data?.np_number);
	if (trackingNumber !== undefined) delivery.trackingNumber = trackingNumber;
	const trackingRef = textOf(data?.tnId ?? data?.tnID ?? order.additional_data?.np_ref);
	if (trackingRef !== undefined) delivery.trackingRef = trackingRef;
	return delivery;
}

function readFees(order: HoroshopOrder, problems: Problems): CanonicalOrder['money'] {
	const money = newObject<CanonicalOrder['money']>();
	const currency = textOf(order.currency);
	if (currency !== undefined) money.currency = currency;
	const paymentFee = readMoney(order.payment_price, 'payment_price', problems);
	if (paymentFee) money.paymentFee = paymentFee;
	return money;
}

function readPayment(order: HoroshopOrder): CanonicalOrder['payment'] {
	const payment = newObject<CanonicalOrder['payment']>();
	const code = textOf(order.payment_type?.id);
	if (code !== undefined) payment.code = code;
	const title = textOf(order.payment_type?.title);
	if (title !== undefined) payment.title = title;
	const paid = order.payed ?? order.paided;
	if (paid !== undefined) payment.paid = paid === 1;
	return payment;
}

interface ProductFields {
	quantity: string;
	price: string;
	totalPrice: string;
}

/** The names of a product's fields, the same in every order: built once for each of the first 100 products. */
function productFields(index: number): ProductFields {
	const known = PRODUCT_FIELDS[index];
	if (known) return known;
	const field = `products[${index}]`;
	const fields = { quantity: `${field}.quantity`, price: `${field}.price`, totalPrice: `${field}.total_price` };
	if (index < PRODUCT_FIELDS.length) PRODUCT_FIELDS[index] = fields;
	return fields;
}

const PRODUCT_FIELDS = new Array<ProductFields | undefined>(100);

const REQUIRED = { required: true };

function readLine(product: HoroshopProduct, index: number, problems: Problems): OrderLine | undefined {
	const field = productFields(index);
	const quantity = readQuantity(product.quantity, field.quantity, problems);
	const unitPrice = readMoney(product.price, field.price, problems, REQUIRED);
	const statedTotal = readMoney(product.total_price, field.totalPrice, problems);
	if (quantity === undefined || unitPrice === undefined) return undefined;
	if (statedTotal !== undefined && Number.isInteger(quantity) && statedTotal !== unitPrice * quantity) {
		problems.error(
			field.totalPrice,
			`${toAmount(statedTotal)} is not price ${toAmount(unitPrice)} x quantity ${quantity}`,
		);
	}
	const type = textOf(product.type);
	const line = newObject<OrderLine>();
	const lineId = textOf(product.storage_id);
	if (lineId !== undefined) line.lineId = lineId;
	const parentLineId = textOf(product.parent_storage_id);
	if (parentLineId !== undefined) line.parentLineId = parentLineId;
	line.kind = (type && KINDS[type]) || 'plain';
	line.product = { article: product.article };
	const name = textOf(product.title);
	if (name !== undefined) line.name = name;
	line.quantity = quantity;
	line.unitPrice = unitPrice;
	return line;
}

function deliveryMethod(order: HoroshopOrder): CanonicalOrder['delivery']['method'] {
	const type = order.delivery_data?.destination?.address?.type;
	if (type === 'warehouse') return 'carrierBranch';
	if (type === 'doors') return 'carrierAddress';
	if (order.additional_data?.recipient_warehouse_ref) return 'carrierBranch';
	if (order.additional_data?.recipient_address) return 'carrierAddress';
	return undefined;
}

function readAddress(order: HoroshopOrder, problems: Problems): Address {
	const destination = order.delivery_data?.destination?.address;
	const legacy = order.additional_data?.recipient_address;
	const raw = textOf(order.delivery_address);
	// With Ukrposhta the shop joins its checkout fields with "@" (seed 002): the line carries them
	// readably, comma-separated, so no "@" reaches a courier.
	const fields = raw?.includes('@') ? splitAddressFields(raw) : undefined;
	const line = fields?.line ?? raw;
	const carrier = carrierOf(order);
	const street = textOf(destination?.street?.name) ?? textOf(legacy?.street_name);
	const house = textOf(destination?.buildingNumber) ?? textOf(legacy?.building_number);
	let parts: Partial<AddressParts> | undefined;
	if (street && house) parts = { street, house, flat: textOf(destination?.flatNumber) ?? textOf(legacy?.flat) };
	else if (line && fields && raw) parts = placedFields(raw, fields, problems);
	else if (line) parts = splitLine(line, problems);
	const address = newObject<Address>();
	const country = textOf(order.delivery_country);
	if (country !== undefined) address.country = country;
	const city = textOf(order.delivery_city) ?? textOf(destination?.geoObject?.name);
	if (city !== undefined) address.city = city;
	if (line !== undefined) address.line = line;
	if (carrier !== undefined) address.carrier = carrier;
	if (parts?.street !== undefined) address.street = parts.street;
	if (parts?.house !== undefined) address.house = parts.house;
	if (parts?.entrance !== undefined) address.entrance = parts.entrance;
	if (parts?.floor !== undefined) address.floor = parts.floor;
	if (parts?.flat !== undefined) address.flat = parts.flat;
	return address;
}

function splitLine(line: string, problems: Problems): AddressParts | undefined {
	const parts = splitAddressLine(line);
	if (!parts) {
		problems.note('delivery_address', `"${line}" could not be split into street and house safely; kept whole`);
		return undefined;
	}
	if (parts.branch) {
		problems.note('delivery_address', `is a carrier branch ("${parts.branch}"); street and house are the branch's`);
	}
	return parts;
}

function placedFields(raw: string, fields: FieldsSplit, problems: Problems): FieldsSplit['parts'] {
	if (!fields.parts) {
		problems.note('delivery_address', `"${raw}" (Ukrposhta's street@house@flat) has no recognisable street and house; kept whole`);
		return undefined;
	}
	if (fields.unplaced.length > 0) {
		const unplaced = fields.unplaced.map((field) => `"${field}"`).join(', ');
		problems.note('delivery_address', `"${raw}": ${unplaced} could not be placed in Ukrposhta's street@house@flat; kept in the address line`);
	}
	return fields.parts;
}

/** The carrier's references, or undefined when the order has none. */
function carrierOf(order: HoroshopOrder): Address['carrier'] {
	const data = order.delivery_data;
	const destination = data?.destination?.address;
	const legacy = order.additional_data;
	const operator = textOf(data?.deliveryOperatorType) ?? (legacy?.recipient_warehouse_ref || legacy?.np_ref ? 'nova_poshta' : undefined);
	const cityRef = textOf(destination?.geoObject?.id);
	const branchRef = textOf(destination?.warehouse?.id) ?? textOf(legacy?.recipient_warehouse_ref);
	const branchName = textOf(destination?.warehouse?.name);
	const streetRef = textOf(destination?.street?.id) ?? textOf(legacy?.recipient_address?.street_id);
	if (operator === undefined && cityRef === undefined && branchRef === undefined && branchName === undefined && streetRef === undefined) {
		return undefined;
	}
	const carrier = newObject<NonNullable<Address['carrier']>>();
	if (operator !== undefined) carrier.operator = operator;
	if (cityRef !== undefined) carrier.cityRef = cityRef;
	if (branchRef !== undefined) carrier.branchRef = branchRef;
	if (branchName !== undefined) carrier.branchName = branchName;
	if (streetRef !== undefined) carrier.streetRef = streetRef;
	return carrier;
}

/**
 * A canonical order in the `orders/get` shape. Horoshop has no API to create orders; this is the
 * shape the shop would show for it (Horoshop is read-only here: it serves the round-trip checks of the model).
 */
export function fromCanonical(order: CanonicalOrder): HoroshopOrderInput {
	const goods = countedLines(order).reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
	const discount = order.money.discount ?? 0;
	const address = order.address;
	const doors = address.street && address.house;
	const carrier = address.carrier;
	return {
		order_id: Number(order.ids.horoshop ?? order.id),
		user: order.customer.id === undefined ? null : Number(order.customer.id),
		delivery_name: order.customer.name ?? null,
		delivery_email: order.customer.email ?? null,
		delivery_phone: order.customer.phones[0] ?? null,
		delivery_city: address.city ?? null,
		delivery_address: address.line ?? null,
		delivery_type: order.delivery.typeId === undefined ? null : { id: Number(order.delivery.typeId), title: order.delivery.title ?? null },
		delivery_price: order.delivery.carrierTariff ? -1 : toAmount(order.delivery.cost ?? 0),
		comment: order.comment ?? null,
		payment_type: order.payment.code === undefined ? null : { id: Number(order.payment.code), title: order.payment.title ?? null },
		payment_price: toAmount(order.money.paymentFee ?? 0),
		payed: order.payment.paid ? 1 : 0,
		total_default: toAmount(goods),
		total_sum: toAmount(order.money.total === undefined ? goods - discount : order.money.total - (order.delivery.cost ?? 0)),
		total_quantity: order.lines.reduce((sum, line) => sum + line.quantity, 0),
		discount_value: toAmount(discount),
		stat_status: statusOf(order),
		stat_created: order.createdAt ? toLocalText(order.createdAt, order.timezone) : null,
		currency: order.money.currency ?? null,
		manager_comment: order.managerComment ?? null,
		products: order.lines.map((line) => ({
			title: line.name ?? null,
			article: line.product.article ?? line.targetProductId ?? line.product.sku ?? line.product.id ?? '',
			price: toAmount(line.unitPrice),
			quantity: line.quantity,
			total_price: toAmount(line.unitPrice * line.quantity),
			type: TYPES[line.kind] ?? null,
			storage_id: line.lineId === undefined ? null : Number(line.lineId),
			parent_storage_id: line.parentLineId === undefined ? null : Number(line.parentLineId),
		})),
		delivery_data:
			doors || carrier
				? {
						deliveryOperatorType: carrier?.operator ?? null,
						tnNumber: order.delivery.trackingNumber ?? null,
						tnId: order.delivery.trackingRef ?? null,
						destination: {
							address: {
								type: order.delivery.method === 'carrierBranch' ? 'warehouse' : 'doors',
								geoObject: { id: carrier?.cityRef ?? null, name: address.city ?? null },
								warehouse: carrier?.branchRef ? { id: carrier.branchRef, name: carrier.branchName ?? null } : null,
								street: doors ? { id: carrier?.streetRef ?? null, name: address.street ?? null } : null,
								buildingNumber: address.house ?? null,
								flatNumber: address.flat ?? null,
							},
						},
					}
				: null,
	};
}

function statusOf(order: CanonicalOrder): number | null {
	if (order.source === 'horoshop' && order.status?.code !== undefined) return Number(order.status.code);
	const code = order.status?.state ? statusCodeFor('horoshop', order.status.state) : undefined;
	return code === undefined ? null : Number(code);
}
