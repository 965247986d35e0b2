import {
	DATETIME,
	DECIMAL_10_2_MAX,
	EXCHANGE_ORDER_STATUSES,
	INT_MAX,
	PHONE,
	decimalStringToNumber,
	digitsToNumber,
	hasAtMostTwoDecimals,
	isRegisteredClient,
	numberToString,
	timeOf,
} from './exchangeSchema';
import type { Problems } from './problems';
import { newObject } from './newObject';
import { isNumber, isPlainObject } from './read';

/**
 * The exchange order's rules of exchangeSchema.ts written out by hand for the per-order path: the
 * same coercions, output (keys in the schema's order, unknown fields dropped except on `client`)
 * and messages on the same fields, at a few µs an order where zod takes about a hundred. The zod
 * schemas stay the reference: test/unit/orders/exchangeCheck.test.ts compares the two.
 *
 * As in zod, every field is checked and each issue recorded. A value of the wrong type "aborts"
 * the objects around it, and an object's own rule (the client the receiver must know, the
 * delivery window) runs only when nothing inside the object aborted.
 *
 * aqua/check.ts and onec/check.ts add what differs: the receiver's id of the order, the rest of an
 * order line and the fields only one receiver has.
 */

export type Fields = Record<string, unknown>;

const STATUS_MESSAGE = `must be one of ${EXCHANGE_ORDER_STATUSES.join(', ')}`;

export abstract class ExchangeOrderCheck {
	/** The path of the object being read: '', 'client', 'order_item_list[0]'. */
	private at = '';

	/** Values of the wrong type met so far. */
	private aborts = 0;

	/** The instant of the datetime read last (NaN when it is not a real date). */
	private time = NaN;

	/**
	 * @param unknownClient what an unregistered client's username and phone are missing with,
	 * naming the receiver (exchangeSchema.ts's unknownClientMessage)
	 */
	constructor(
		private readonly problems: Problems,
		private readonly unknownClient: string,
	) {}

	/** The order as it goes on the wire, or undefined when anything is wrong (each issue recorded). */
	order(value: unknown): Fields | undefined {
		const errorsBefore = this.problems.errors.length;
		if (!isPlainObject(value)) {
			this.abort('', notAnObject(value));
			return undefined;
		}
		const out = newObject<Fields>();
		out.id = this.requiredText(value.id, 'id', 255);
		if ('external_id' in value) out.external_id = this.externalId(value.external_id, 'external_id');
		out.status = this.oneOf(value.status, 'status', EXCHANGE_ORDER_STATUSES, STATUS_MESSAGE);
		if ('created_at' in value) out.created_at = this.optionalDatetime(value.created_at, 'created_at');
		out.total = this.amount(value.total, 'total');
		if ('delivery_cost' in value) out.delivery_cost = this.optionalAmount(value.delivery_cost, 'delivery_cost');
		if ('coins' in value) out.coins = this.optionalAmount(value.coins, 'coins');
		if ('payment_type' in value) out.payment_type = this.optionalText(value.payment_type, 'payment_type', 255);
		out.shipping_date_from = this.datetime(value.shipping_date_from, 'shipping_date_from');
		const start = this.time;
		out.shipping_date_to = this.datetime(value.shipping_date_to, 'shipping_date_to');
		const end = this.time;
		if ('comment' in value) out.comment = this.comment(value.comment);
		this.receiverFields(value, out);
		if ('count_of_returned_bottles' in value) out.count_of_returned_bottles = this.returnedBottles(value.count_of_returned_bottles);
		out.order_item_list = this.lines(value.order_item_list);
		out.client = this.client(value.client);
		out.shipping_address = this.address(value.shipping_address);
		// Comparisons with NaN are false: a window with a date that is not real is not reversed.
		if (this.aborts === 0 && end < start) {
			this.fail('shipping_date_to', 'must not be before shipping_date_from');
		}
		return this.problems.errors.length === errorsBefore ? unlessChanged(value, out) : undefined;
	}

	/** The receiver's id of the order (`external_id`). */
	protected abstract externalId(value: unknown, key: string): unknown;

	/** An order line's fields after product, price and quantity, in the receiver's order. */
	protected abstract lineFields(line: Fields, out: Fields): void;

	/** Fields only this receiver has, placed before `count_of_returned_bottles`. */
	protected abstract receiverFields(order: Fields, out: Fields): void;

	private lines(value: unknown): Fields[] | undefined {
		if (!Array.isArray(value)) return this.abort('order_item_list', value === undefined ? 'is required' : 'must be a list of order lines');
		if (value.length === 0) this.fail('order_item_list', 'must contain at least one line');
		const out: Fields[] = [];
		for (let index = 0; index < value.length; index++) out.push(this.line(value[index], index) as Fields);
		return out.every((line, index) => line === value[index]) ? (value as Fields[]) : out;
	}

	private line(value: unknown, index: number): Fields | undefined {
		const at = `order_item_list[${index}]`;
		if (!isPlainObject(value)) {
			this.abort('', notAnObject(value), at);
			return undefined;
		}
		this.at = at;
		const out = newObject<Fields>();
		out.product_id = this.requiredText(value.product_id, 'product_id', 255);
		out.price = this.price(value.price);
		out.quantity = this.quantity(value.quantity);
		this.lineFields(value, out);
		this.at = '';
		return unlessChanged(value, out);
	}

	private client(value: unknown): Fields | undefined {
		if (!isPlainObject(value)) return this.abort('client', notAnObject(value));
		this.at = 'client';
		const abortsBefore = this.aborts;
		const out = newObject<Fields>();
		if ('id' in value) out.id = this.optionalText(value.id, 'id', 255);
		if ('external_id' in value) out.external_id = this.integerId(value.external_id, 'external_id');
		if ('username' in value) out.username = this.optionalText(value.username, 'username', 255);
		if ('phone' in value) out.phone = this.phone(value.phone);
		if ('emai' in value) out.emai = this.optionalText(value.emai, 'emai', 255);
		// Fields the exchange does not define pass through (Aqua documents the registered client elsewhere).
		for (const key in value) {
			const extra = value[key];
			if (extra !== undefined && !CLIENT_KEYS.has(key)) out[key] = extra;
		}
		if (this.aborts === abortsBefore && !isRegisteredClient(out as { id?: string | null })) {
			const username = out.username as string | null | undefined;
			if (!username || !username.trim()) this.fail('username', this.unknownClient);
			if (!out.phone) this.fail('phone', this.unknownClient);
		}
		this.at = '';
		return unlessChanged(value, out);
	}

	private address(value: unknown): Fields | undefined {
		if (!isPlainObject(value)) return this.abort('shipping_address', notAnObject(value));
		this.at = 'shipping_address';
		const out = newObject<Fields>();
		if ('user_address_id' in value) out.user_address_id = this.integerId(value.user_address_id, 'user_address_id');
		out.city = this.requiredText(value.city, 'city', 255);
		out.street = this.requiredText(value.street, 'street', 255);
		out.house = this.requiredText(value.house, 'house', 10);
		if ('entrance' in value) out.entrance = this.optionalText(value.entrance, 'entrance', 10);
		if ('floor' in value) out.floor = this.optionalText(value.floor, 'floor', 10);
		if ('room' in value) out.room = this.optionalText(value.room, 'room', 10);
		out.str = this.requiredText(value.str, 'str', 255);
		this.at = '';
		return unlessChanged(value, out);
	}

	/** Text that must not be empty after trimming; numbers are read as text. */
	protected requiredText(value: unknown, key: string, max: number): string | undefined {
		const text = numberToString(value);
		if (typeof text !== 'string') return this.abort(key, text === undefined ? 'is required' : 'must be text');
		const trimmed = text.trim();
		if (trimmed.length === 0) this.fail(key, 'is required and must not be empty');
		if (trimmed.length > max) this.fail(key, `must be at most ${max} characters`);
		return trimmed;
	}

	/** Text that may be null or empty; numbers are read as text. Not trimmed. */
	protected optionalText(value: unknown, key: string, max: number): string | null | undefined {
		const text = numberToString(value);
		if (text === null || text === undefined) return text;
		if (typeof text !== 'string') return this.abort(key, 'must be text');
		if (text.length > max) this.fail(key, `must be at most ${max} characters`);
		return text;
	}

	/** An `integer(11)` id the receiver gave; digit strings are read as numbers, '' as null. */
	protected integerId(value: unknown, key: string): number | null | undefined {
		const id = value === '' ? null : digitsToNumber(value);
		if (id === null || id === undefined) return id;
		if (!isNumber(id)) return this.abort(key, 'must be a whole number (the id the receiving system gave)');
		this.wholeNumber(id, key, 0, INT_MAX);
		return id;
	}

	/** A whole number from `min` to `max`. */
	protected wholeNumber(value: number, key: string, min: 0 | 1, max: number): void {
		if (!Number.isInteger(value)) this.fail(key, 'must be a whole number');
		if (value < min) this.fail(key, min === 0 ? 'must not be negative' : 'must be at least 1');
		if (value > max) this.fail(key, 'is too large for integer(11)');
	}

	/** One of `allowed`, exactly. */
	protected oneOf(value: unknown, key: string, allowed: readonly string[], message: string): string | undefined {
		if (typeof value !== 'string' || !allowed.includes(value)) return this.abort(key, message);
		return value;
	}

	private comment(value: unknown): string | null | undefined {
		if (value === null || value === undefined || typeof value === 'string') return value;
		return this.abort('comment', 'must be text');
	}

	private returnedBottles(value: unknown): number | null | undefined {
		const count = digitsToNumber(value);
		if (count === null || count === undefined) return count;
		if (!isNumber(count)) return this.abort('count_of_returned_bottles', 'must be a whole number');
		this.wholeNumber(count, 'count_of_returned_bottles', 0, Infinity);
		return count;
	}

	private datetime(value: unknown, key: string): string | undefined {
		if (typeof value !== 'string') return this.abort(key, value === undefined ? 'is required' : 'must be a date and time');
		const text = value.trim();
		if (!DATETIME.test(text)) this.fail(key, 'must be a date and time like 2019-11-06T11:00:00Z');
		this.time = timeOf(text);
		if (Number.isNaN(this.time)) this.fail(key, 'is not a real date');
		return text;
	}

	private optionalDatetime(value: unknown, key: string): string | null | undefined {
		return value === null || value === undefined ? value : this.datetime(value, key);
	}

	/** A non-negative amount; decimal strings ("355,00") are read as numbers. */
	private amount(value: unknown, key: string): number | undefined {
		const amount = decimalStringToNumber(value);
		if (!isNumber(amount)) return this.abort(key, amount === undefined ? 'is required' : 'must be a number');
		if (!Number.isFinite(amount)) this.fail(key, 'must be a number');
		if (amount < 0) this.fail(key, 'must not be negative');
		return amount;
	}

	private optionalAmount(value: unknown, key: string): number | null | undefined {
		const amount = decimalStringToNumber(value);
		return amount === null || amount === undefined ? amount : this.amount(amount, key);
	}

	/** `decimal(10,2)`. */
	private price(value: unknown): number | undefined {
		const price = this.amount(value, 'price');
		if (price === undefined) return undefined;
		if (price > DECIMAL_10_2_MAX) this.fail('price', 'is too large for decimal(10,2)');
		if (!hasAtMostTwoDecimals(price)) this.fail('price', 'must have at most 2 decimal places (decimal(10,2))');
		return price;
	}

	private quantity(value: unknown): number | undefined {
		const quantity = digitsToNumber(value);
		if (!isNumber(quantity)) return this.abort('quantity', quantity === undefined ? 'is required' : 'must be a whole number');
		this.wholeNumber(quantity, 'quantity', 1, INT_MAX);
		return quantity;
	}

	private phone(value: unknown): string | null | undefined {
		if (value === null || value === undefined) return value;
		const text = numberToString(value);
		if (typeof text !== 'string') return this.abort('phone', 'must be text');
		const phone = text.trim();
		if (phone.length === 0) this.fail('phone', 'is required and must not be empty');
		if (phone.length > 12) this.fail('phone', 'must be at most 12 characters (e.g. +79191991919 or 380671234567)');
		if (!PHONE.test(phone)) this.fail('phone', 'must be digits with an optional leading +, e.g. +79191991919');
		return phone;
	}

	/** Records an issue on `key` of the object being read. */
	protected fail(key: string, message: string, at = this.at): void {
		this.problems.error(at && key ? `${at}.${key}` : at || key, message);
	}

	/** Records a value of the wrong type, which fails the objects around it. */
	protected abort(key: string, message: string, at = this.at): undefined {
		this.aborts++;
		this.fail(key, message, at);
		return undefined;
	}
}

/** The client's own fields, and `__proto__`, which zod never copies (it would set the prototype). */
const CLIENT_KEYS = new Set(['id', 'external_id', 'username', 'phone', 'emai', '__proto__']);

/**
 * The object as it came when reading changed nothing (the same fields in the same order, each value
 * the same), so an order already in its wire form (the Transformer's output) is not held twice.
 */
function unlessChanged(value: Fields, out: Fields): Fields {
	const keys = Object.keys(value);
	let index = 0;
	for (const key in out) if (keys[index++] !== key || out[key] !== value[key]) return out;
	return index === keys.length ? value : out;
}

/** How zod words an object that is not there, or not an object (zodProblems.ts's issueMessage). */
function notAnObject(value: unknown): string {
	return value === undefined ? 'is required' : 'must be an object';
}
