import { joinAddress, splitAddressLine } from '../address';
import type { Address, CanonicalOrder, DeliveryMethod, OrderLine } from '../canonical';
import type { Kopecks } from '../money';
import { readMoney, toAmount, toDecimalString } from '../money';
import type { MismatchPolicy } from '../policies';
import type { Problems } from '../problems';
import type { ReadContext } from '../read';
import { compact, readPercent, readPhones, readQuantity, textOf } from '../read';
import { stateOf } from '../status';
import { readTime } from '../time';
import { parseOrRecord } from '../zodProblems';
import { spreadDiscount } from './discount';
import type { SaleAppCreateOrder, SaleAppDeliveryType, SaleAppOrder, SaleAppOrderProduct } from './schema';
import { saleAppCreateOrderSchema, saleAppOrderSchema } from './schema';

const METHODS: Record<number, DeliveryMethod> = { 1: 'pickup', 2: 'courier', 3: 'carrierBranch', 5: 'carrierAddress' };
const DELIVERY_TYPES: Record<DeliveryMethod, SaleAppDeliveryType> = { pickup: 1, courier: 2, carrierBranch: 3, carrierAddress: 5 };

/** SaleApp's product keys a create can match a product by (seed 003: id, external_id or supplier_id, sku). */
export type SaleAppProductField = 'id' | 'external_id' | 'supplier_id' | 'sku';

export interface SaleAppWriteContext {
	/** Which SaleApp product field carries the mapped product key. */
	productField: SaleAppProductField;
	/** Delivery type when the order does not say how it is delivered. */
	deliveryType: SaleAppDeliveryType;
	/** When the order discount cannot be spread over the lines to the kopeck (default: error). */
	totals?: MismatchPolicy;
}

/** A SaleApp order as GET returns it, as a canonical order. */
export function toCanonical(wire: unknown, context: ReadContext, problems: Problems): CanonicalOrder | undefined {
	const order = parseOrRecord(saleAppOrderSchema, wire, problems);
	if (!order) return undefined;
	const id = String(order.id);
	const status = String(order.status_id);
	const method = order.delivery_types === undefined ? undefined : METHODS[order.delivery_types];
	const lines = (order.products ?? []).map((product, index) => readLine(product, index, problems));
	const result: CanonicalOrder = {
		source: 'saleapp',
		id,
		ids: compact({ saleapp: id, saleappNumber: textOf(order.number), external: order.external_id }),
		status: compact({ code: status, title: order.status_name, state: stateOf('saleapp', status) }),
		timezone: context.timezone,
		createdAt: readTime(order.date_entered, context.timezone, 'date_entered', problems),
		updatedAt: readTime(order.date_update, context.timezone, 'date_update', problems),
		customer: compact({
			name: order.receiver_name,
			phones: readPhones([order.receiver_phone], 'receiver_phone', context.homeCountry, problems),
		}),
		address: readAddress(order, method, problems),
		delivery: compact({
			method,
			typeId: textOf(order.delivery_types),
			title: order.delivery_type_name,
			trackingNumber: order.ttn,
			trackingRef: order.ttn_ref,
		}),
		lines: lines.filter((line): line is OrderLine => line !== undefined),
		money: compact({
			cashOnDelivery: readMoney(order.delivery_amount, 'delivery_amount', problems),
			insurance: readMoney(order.insurance_amount, 'insurance_amount', problems),
		}),
		payment: {},
		tags: order.type?.length ? order.type.map((tag) => compact({ id: String(tag.id), name: tag.name })) : undefined,
	};
	if (!result.tags) delete result.tags;
	return problems.failed ? undefined : result;
}

function readAddress(order: SaleAppOrder, method: DeliveryMethod | undefined, problems: Problems): Address {
	const line = order.addres?.trim() || undefined;
	const carrier = compact({
		cityRef: order.city_ref || undefined,
		branchRef: order.branch_ref || undefined,
		branchName: method === 'carrierBranch' ? line : undefined,
	});
	const address: Address = compact({
		city: order.city || undefined,
		line,
		carrier: Object.keys(carrier).length ? carrier : undefined,
	});
	if (!line || method === 'pickup') return address;
	const parts = splitAddressLine(line);
	if (!parts) {
		problems.note('addres', `"${line}" could not be split into street and house safely; kept whole`);
		return address;
	}
	if (parts.branch) problems.note('addres', `is a carrier branch ("${parts.branch}"); street and house are the branch's`);
	return compact({ ...address, street: parts.street, house: parts.house, entrance: parts.entrance, floor: parts.floor, flat: parts.flat });
}

function readLine(product: SaleAppOrderProduct, index: number, problems: Problems): OrderLine | undefined {
	const field = `products[${index}]`;
	const quantity = readQuantity(product.qty, `${field}.qty`, problems);
	const unitPrice = readMoney(product.cost, `${field}.cost`, problems, { required: true });
	const discountPercent = readPercent(product.discount_percent, `${field}.discount_percent`, problems);
	if (quantity === undefined || unitPrice === undefined) return undefined;
	const codes = Array.isArray(product.supplier_ids)
		? product.supplier_ids.map((entry) => entry.code).filter((code): code is string => Boolean(code))
		: [];
	return compact({
		kind: 'plain' as const,
		product: compact({
			id: String(product.id),
			sku: product.sku || undefined,
			// SaleApp answers "0" for a product without an external id.
			externalId: product.external_id && product.external_id !== '0' ? product.external_id : undefined,
			supplierCodes: codes.length ? codes : undefined,
		}),
		name: product.name,
		quantity,
		unitPrice,
		discountPercent,
	});
}

/** A canonical order as a SaleApp create (POST), typed; the SaleApp node JSON-encodes the products. */
export function fromCanonical(
	order: CanonicalOrder,
	context: SaleAppWriteContext,
	problems: Problems,
): SaleAppCreateOrder | undefined {
	const address = order.address;
	const deliveryType = order.delivery.method ? DELIVERY_TYPES[order.delivery.method] : context.deliveryType;
	const branch = deliveryType === 3;
	const percents = lineDiscounts(order, context.totals ?? 'error', problems);
	if (order.delivery.cost) {
		problems.note(
			'delivery.cost',
			`${toDecimalString(order.delivery.cost)} is not sent: SaleApp's order has no delivery cost field (delivery_amount is the cash to collect)`,
		);
	}
	const wire = compact({
		external_id: order.id,
		delivery_types: deliveryType,
		receiver_name: order.customer.name,
		receiver_phone: order.customer.phones[0]?.slice(1),
		city: address.city,
		city_ref: address.carrier?.cityRef,
		addres: (branch ? address.carrier?.branchName : undefined) ?? address.line ?? (address.street ? joinAddress({ ...address, city: undefined }) : undefined),
		branch_ref: address.carrier?.branchRef,
		insurance_amount: wholeAmount(order.money.insurance, 'insurance_amount', problems),
		delivery_amount: wholeAmount(order.money.cashOnDelivery, 'delivery_amount', problems),
		type: order.tags?.length ? order.tags.map((tag) => tag.id).join(',') : undefined,
		products: order.lines.map((line, index) => writeLine(line, index, percents[index], context.productField, problems)),
	});
	if (problems.failed) return undefined;
	return parseOrRecord(saleAppCreateOrderSchema, wire, problems);
}

/** Each line's discount_percent, the order discount spread over them; a note says so. */
function lineDiscounts(order: CanonicalOrder, totals: MismatchPolicy, problems: Problems): Array<number | undefined> {
	const discount = order.money.discount ?? 0;
	const { percents, missing } = spreadDiscount(order.lines, discount);
	if (!discount) return percents;
	const spread = `the order discount of ${toDecimalString(discount)}`;
	const off = `off by ${toDecimalString(Math.abs(missing))}: a hundredth of a percent of these lines is more than a kopeck`;
	if (missing === 0) problems.note('products', `${spread} is spread over the lines as discount_percent`);
	else if (totals === 'flag') problems.note('products', `${spread} is spread over the lines as discount_percent, ${off}`);
	else problems.error('products', `${spread} cannot be spread over the lines as discount_percent to the kopeck (${off}); set Totals That Do Not Add Up to pass it on with a note`);
	return percents;
}

/** SaleApp takes insurance and cash-on-delivery sums as whole numbers. */
function wholeAmount(kopecks: Kopecks | undefined, field: string, problems: Problems): number | undefined {
	if (kopecks === undefined) return undefined;
	if (kopecks % 100 !== 0) problems.error(field, `${toAmount(kopecks)} is not a whole sum, and SaleApp takes whole sums here`);
	return kopecks / 100;
}

function writeLine(line: OrderLine, index: number, discountPercent: number | undefined, productField: SaleAppProductField, problems: Problems) {
	const field = `products[${index}].${productField}`;
	const key = line.targetProductId ?? line.product.sku ?? line.product.article ?? line.product.id;
	let value: string | number | undefined = key;
	if (key === undefined) problems.error(field, 'the line has no product key');
	else if (productField === 'id') {
		value = Number(key);
		if (!/^\d+$/.test(key) || value <= 0) problems.error(field, `"${key}" is not a SaleApp product id (a whole number)`);
	}
	return compact({
		[productField]: value,
		qty: line.quantity,
		cost: toAmount(line.unitPrice),
		discount_percent: discountPercent,
	}) as { qty: number; cost: number };
}
