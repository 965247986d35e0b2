import type { Address, CanonicalOrder, OrderLine } from './canonical';
import { joinAddress } from './address';
import { describeUnitPrices, toAmount, unitPrices } from './money';
import { lineTotal, expectedTotal } from './policies';
import type { Problems } from './problems';
import type { ReadContext } from './read';
import { newObject } from './newObject';
import { compact, readPhones, textOf } from './read';
import { stateOf } from './status';
import { readTime, toUtc } from './time';

/**
 * The order exchange format Aqua-delivery imports and the 1C service takes (seeds 000 and 001):
 * the same fields, `id` is the sender's id and `external_id` the receiver's. Read and written
 * here once; aqua/mapping.ts and onec/mapping.ts name the receiver.
 */
export type ExchangeSystem = 'aqua' | 'onec';

/** The order after its wire schema parsed it (the fields both schemas share). */
export interface ExchangeOrder {
	id: string;
	external_id?: number | string | null;
	status: string;
	created_at?: string | null;
	total: number;
	delivery_cost?: number | null;
	coins?: number | null;
	payment_type?: string | null;
	shipping_date_from: string;
	shipping_date_to: string;
	comment?: string | null;
	ask_for_checkout?: 'bill' | 'agreement' | null;
	count_of_returned_bottles?: number | null;
	order_item_list: Array<{
		product_id: string;
		price: number;
		quantity: number;
		order_product_id?: number | null;
		id?: string | null;
		name?: string | null;
	}>;
	client: {
		id?: string | null;
		external_id?: number | null;
		username?: string | null;
		phone?: string | null;
		emai?: string | null;
		[key: string]: unknown;
	};
	shipping_address: {
		user_address_id?: number | null;
		city: string;
		street: string;
		house: string;
		entrance?: string | null;
		floor?: string | null;
		room?: string | null;
		str: string;
	};
}

/** Values the transformer resolved for the target: its status code and payment type. */
export interface WriteContext {
	status?: string;
	paymentType?: string;
}

export function readExchange(
	order: ExchangeOrder,
	system: ExchangeSystem,
	context: ReadContext,
	problems: Problems,
): CanonicalOrder | undefined {
	const zone = context.timezone;
	const client = order.client;
	const extraPhones = Array.isArray(client.phones) ? (client.phones as unknown[]) : [];
	const from = readTime(order.shipping_date_from, zone, 'shipping_date_from', problems);
	const to = readTime(order.shipping_date_to, zone, 'shipping_date_to', problems);
	const address = order.shipping_address;
	const result: CanonicalOrder = {
		source: system,
		id: order.id,
		ids: compact({ [system]: textOf(order.external_id) }),
		status: compact({ code: order.status, state: stateOf(system, order.status) }),
		timezone: zone,
		createdAt: readTime(order.created_at, zone, 'created_at', problems),
		customer: compact({
			id: textOf(client.id),
			externalId: textOf(client.external_id),
			name: textOf(client.username),
			phones: readPhones([client.phone, ...extraPhones], 'client.phone', context.homeCountry, problems),
			email: textOf(client.emai) ?? textOf(client.email),
			accountNumber: textOf(client.account_number),
			type: textOf(client.type),
		}),
		address: compact({
			city: textOf(address.city),
			street: textOf(address.street),
			house: textOf(address.house),
			entrance: textOf(address.entrance),
			floor: textOf(address.floor),
			flat: textOf(address.room),
			line: textOf(address.str),
			addressId: address.user_address_id ?? undefined,
		}),
		delivery: compact({
			cost: order.delivery_cost === undefined || order.delivery_cost === null ? undefined : kopecksOf(order.delivery_cost),
			window: from && to ? { from, to } : undefined,
		}),
		lines: order.order_item_list.map((item) =>
			compact({
				lineId: textOf(item.id),
				aquaLineId: item.order_product_id ?? undefined,
				kind: 'plain' as const,
				product: { id: item.product_id },
				name: textOf(item.name),
				quantity: item.quantity,
				unitPrice: kopecksOf(item.price),
			}),
		),
		money: compact({
			total: kopecksOf(order.total),
			coins: order.coins === undefined || order.coins === null ? undefined : kopecksOf(order.coins),
		}),
		payment: compact({ code: textOf(order.payment_type) }),
		comment: textOf(order.comment),
		askForCheckout: order.ask_for_checkout ?? undefined,
		returnedBottles: order.count_of_returned_bottles ?? undefined,
	};
	return problems.failed ? undefined : result;
}

/** The schemas already checked at most 2 decimals, so scaling and rounding is exact. */
function kopecksOf(amount: number): number {
	return Math.round(amount * 100) || 0;
}

/** Phones in the form Aqua's `string(12)` holds: +7XXXXXXXXXX, or 380XXXXXXXXX without the plus. */
function exchangePhone(phone: string): string {
	return phone.length <= 12 ? phone : phone.slice(1);
}

export function writeExchange(
	order: CanonicalOrder,
	system: ExchangeSystem,
	context: WriteContext,
	problems: Problems,
): Record<string, unknown> | undefined {
	const receiver = system === 'aqua' ? 'Aqua' : '1C';
	if (!context.status) {
		problems.error('status', `has no ${receiver} status for the source status "${order.status?.code ?? ''}"; add it to the status map`);
	}
	const window = order.delivery.window;
	if (!window) problems.error('shipping_date_from', 'the order has no delivery window');
	const address = order.address;
	if (!address.city) problems.error('shipping_address.city', 'is missing; set a default city if the source has none');
	if (!address.street || !address.house) {
		problems.error(
			'shipping_address.house',
			address.line
				? `the address "${address.line}" could not be split into street and house safely, and ${receiver} needs them apart`
				: 'the order has no street and house',
		);
	}
	if (order.money.discount) {
		problems.note(
			'total',
			`includes an order discount of ${toAmount(order.money.discount)} that the line prices do not show (${receiver} has no discount field)`,
		);
	}
	const lines: Array<Record<string, unknown>> = [];
	order.lines.forEach((line, index) => writeLines(line, index, system, problems, lines));
	// 1C's order ids may be text; the receivers' client ids are whole numbers in both formats.
	const externalId =
		order.ids[system] === undefined ? null : idOf(order.ids[system] as string, receiver, system === 'aqua', 'external_id', problems);
	const clientId = order.customer.externalId;
	const clientExternalId = clientId === undefined ? undefined : idOf(clientId, receiver, true, 'client.external_id', problems);
	if (problems.failed) return undefined;

	// Filled field by field, leaving out what the order does not have (faster than compact()'s copy
	// of a literal; see newObject), and in the order the receiver's check puts the fields, so that
	// the check keeps the very object.
	const wire: Record<string, unknown> = { id: order.id, external_id: externalId, status: context.status };
	if (order.createdAt) wire.created_at = toUtc(order.createdAt);
	wire.total = toAmount(order.money.total ?? expectedTotal(order));
	if (order.delivery.cost !== undefined) wire.delivery_cost = toAmount(order.delivery.cost);
	if (order.money.coins !== undefined) wire.coins = toAmount(order.money.coins);
	if (context.paymentType !== undefined) wire.payment_type = context.paymentType;
	wire.shipping_date_from = toUtc((window as { from: string }).from);
	wire.shipping_date_to = toUtc((window as { to: string }).to);
	if (order.comment !== undefined) wire.comment = order.comment;
	if (system === 'aqua' && order.askForCheckout !== undefined) wire.ask_for_checkout = order.askForCheckout;
	if (order.returnedBottles !== undefined) wire.count_of_returned_bottles = order.returnedBottles;
	wire.order_item_list = lines;
	wire.client = writeClient(order.customer, clientExternalId);
	wire.shipping_address = writeAddress(order.address);
	return wire;
}

function writeAddress(address: Address): Record<string, unknown> {
	const wire = newObject();
	if (address.addressId !== undefined) wire.user_address_id = address.addressId;
	wire.city = address.city;
	wire.street = address.street;
	wire.house = address.house;
	wire.entrance = address.entrance ?? null;
	wire.floor = address.floor ?? null;
	wire.room = address.flat ?? null;
	wire.str = address.line ?? joinAddress(address);
	return wire;
}

function writeClient(customer: CanonicalOrder['customer'], externalId: number | string | undefined): Record<string, unknown> {
	const client = newObject();
	if (customer.id !== undefined) client.id = customer.id;
	if (externalId !== undefined) client.external_id = externalId;
	if (customer.name !== undefined) client.username = customer.name;
	if (customer.phones[0] !== undefined) client.phone = exchangePhone(customer.phones[0]);
	if (customer.email !== undefined) client.emai = customer.email;
	if (customer.accountNumber !== undefined) client.account_number = customer.accountNumber;
	if (customer.type !== undefined) client.type = customer.type;
	return client;
}

function idOf(value: string, receiver: string, wholeNumber: boolean, field: string, problems: Problems): number | string | undefined {
	if (/^\d+$/.test(value)) return Number(value);
	if (!wholeNumber) return value;
	problems.error(field, `"${value}" is not a whole number, and ${receiver} takes only whole numbers here`);
	return undefined;
}

/** A line as the receiver takes it, added to `lines`: one line, or two when its discounted sum does not divide by its units. */
function writeLines(line: OrderLine, index: number, system: ExchangeSystem, problems: Problems, lines: Array<Record<string, unknown>>): void {
	if (!Number.isInteger(line.quantity)) {
		problems.error(
			`order_item_list[${index}].quantity`,
			`${line.quantity} is not a whole number, and ${system === 'aqua' ? 'Aqua' : '1C'} takes whole quantities`,
		);
		return;
	}
	// Neither format has a line discount: the price sent is the discounted price of one unit.
	const amount = lineTotal(line);
	const prices = unitPrices(amount, line.quantity);
	if (prices.length > 1) {
		problems.note(
			`order_item_list[${index}].price`,
			`the discounted line ${toAmount(amount)} does not divide by ${line.quantity} units, so it is sent as ${describeUnitPrices(prices)}`,
		);
	}
	const productId = line.targetProductId ?? line.product.id ?? line.product.article ?? line.product.sku;
	prices.forEach(({ quantity, unitPrice }, part) => {
		const wire = newObject();
		if (productId !== undefined) wire.product_id = productId;
		wire.price = toAmount(unitPrice);
		wire.quantity = quantity;
		if (system === 'aqua' && part === 0 && line.aquaLineId !== undefined) wire.order_product_id = line.aquaLineId;
		// 1C finds the product by the line's `id` (seed 001), so it carries the product id there.
		const id = system === 'onec' ? productId : part === 0 ? line.lineId : line.lineId && `${line.lineId}-${part + 1}`;
		if (id !== undefined) wire.id = id;
		if (line.name !== undefined) wire.name = line.name;
		lines.push(wire);
	});
}
