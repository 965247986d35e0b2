import { CATALOG } from '../generator';
import type { GeneratedOrder } from '../generator';
import type { Sandbox, SandboxRequest, SandboxResponse } from '../server';
import { ExchangeOrders } from './exchangeOrders';

/** The whole answer for one imported order, as seed 000 shows it. */
export type WireResult = { success: true; data: Array<Record<string, unknown>> } | { success: false; data: Record<string, string[]> };

type Json = Record<string, unknown>;

const STATUSES = ['new', 'approved', 'completed', 'removed'];

/**
 * The fake Aqua-delivery API (seed 000): `POST /v1/auth/login` and `POST /v1/order/import/` with a
 * Bearer token. The import checks required fields, drops lines whose product it does not know,
 * debits `coins` from the client's balance (rejecting the order when it is short), updates the
 * order named by `external_id` or else creates a new one (even for a sender id seen before; see
 * ExchangeOrders), and answers each order under the sender's id in Aqua's own words: its own
 * order and product ids, `approved` for a new order its dispatcher took (seed 000's example),
 * tenant-local times (UTC+3).
 */
export class AquaFake {
	login = 'manager@aqua.test';

	password = 'Пароль-42';

	/** Ready API tokens that are always accepted. */
	readonly apiTokens = new Set<string>();

	readonly orders = new ExchangeOrders();

	/** Loyalty points by client (its `id`, `external_id` or phone). */
	readonly balances = new Map<string, number>();

	/** Sender ids whose result the next answers leave out, to test "no result for order X". */
	readonly omitResultsFor = new Set<string>();

	readonly tenantOffsetHours = 3;

	/** When set, every import is refused as a whole with this message (e.g. a blocked account). */
	refuseImports: string | undefined;

	private readonly sessions = new Set<string>();

	private readonly debited = new Map<string, number>();

	private nextOrderId = 50894;

	private nextLineId = 1435;

	private sessionCount = 0;

	constructor(private readonly sandbox: Sandbox) {
		sandbox.route('aqua.login', 'POST', '/v1/auth/login', (request) => this.signIn(request));
		sandbox.route('aqua.import', 'POST', /^\/v1\/order\/import\/?$/, (request) => this.import(request), unauthorized);
		this.reset();
	}

	reset(): void {
		this.login = 'manager@aqua.test';
		this.password = 'Пароль-42';
		this.apiTokens.clear();
		this.apiTokens.add('aqua-api-token');
		this.orders.clear();
		this.balances.clear();
		this.omitResultsFor.clear();
		this.refuseImports = undefined;
		this.sessions.clear();
		this.debited.clear();
		this.nextOrderId = 50894;
		this.nextLineId = 1435;
		this.sessionCount = 0;
	}

	/** Forgets every session token, as when Aqua's tokens expire. */
	expireSessions(): void {
		this.sessions.clear();
	}

	/** Orders in Aqua's import format made from the sandbox's generated orders. */
	ordersFor(generated: GeneratedOrder[]): Json[] {
		return generated.map((order) => toAquaOrder(order));
	}

	private signIn(request: SandboxRequest): SandboxResponse {
		const body = (request.body ?? {}) as Json;
		if (body.login !== this.login || body.password !== this.password) {
			return {
				status: 422,
				json: { success: false, message: 'Неверный логин или пароль', data: { password: ['Неверный логин или пароль.'] } },
			};
		}
		const token = `aqua-session-${++this.sessionCount}-${this.sandbox.random.int(100000, 999999)}`;
		this.sessions.add(token);
		return { json: { success: true, message: '', data: { auth_key: token, user_id: 1 } } };
	}

	private import(request: SandboxRequest): SandboxResponse {
		const token = request.bearer;
		if (!token || !(this.apiTokens.has(token) || this.sessions.has(token))) return unauthorized();
		if (!Array.isArray(request.body)) {
			return { status: 400, json: { success: false, message: 'Ожидается массив заказов', data: [] } };
		}
		if (this.refuseImports !== undefined) {
			return { json: { success: false, message: this.refuseImports, data: [] }, auth: `Bearer ${token}` };
		}
		const data: Record<string, WireResult> = {};
		for (const [index, raw] of (request.body as unknown[]).entries()) {
			const order = (raw ?? {}) as Json;
			const key = present(order.id) ? String(order.id) : `#${index}`;
			const result = this.importOne(order, key);
			if (!this.omitResultsFor.has(key)) data[key] = result;
		}
		return { json: { success: true, data }, auth: `Bearer ${token}` };
	}

	private importOne(order: Json, key: string): WireResult {
		const errors = requiredFieldErrors(order);
		if (order.ask_for_checkout !== undefined && order.ask_for_checkout !== null && !['bill', 'agreement'].includes(String(order.ask_for_checkout))) {
			errors.ask_for_checkout = ['Значение «ask_for_checkout» неверно.'];
		}
		if (Object.keys(errors).length > 0) return { success: false, data: errors };

		const lines = (order.order_item_list as Json[])
			.map((line) => ({ line, product: productOf(line.product_id) }))
			.filter(({ product }) => product !== undefined);
		if (lines.length === 0) {
			return { success: false, data: { order_item_list: ['Ни один товар заказа не найден в системе.'] } };
		}

		const { found: existing, unknownExternalId } = this.orders.target(key, order.external_id);
		if (unknownExternalId !== undefined) {
			return { success: false, data: { external_id: [`Заказ с идентификатором «${unknownExternalId}» не найден.`] } };
		}
		const id = existing ? String(existing.id) : String(this.nextOrderId++);
		const client = order.client as Json;
		const clientKey = String(client.id ?? client.external_id ?? client.phone);
		const coins = Number(order.coins ?? 0);
		const delta = coins - (this.debited.get(id) ?? 0);
		const balance = this.balances.get(clientKey) ?? 0;
		if (delta > balance) {
			return {
				success: false,
				data: { coins: [`Недостаточно баллов на счёте клиента: нужно ${coins}, доступно ${balance}.`] },
			};
		}
		this.balances.set(clientKey, balance - delta);
		this.debited.set(id, coins);

		const stored: Json = {
			id,
			external_id: key,
			// A new order is taken by Aqua's dispatcher at once; an update sets what was sent.
			status: !existing && order.status === 'new' ? 'approved' : order.status,
			client: {
				id: 68,
				external_id: client.id ?? null,
				username: client.username ?? null,
				email: client.emai ?? null,
				phones: present(client.phone) ? [String(client.phone).replace(/\D/g, '')] : [],
				coins_amount: this.balances.get(clientKey) ?? 0,
			},
			total: order.total,
			delivery_cost: order.delivery_cost ?? 0,
			coins,
			payment_type: order.payment_type ?? null,
			created_at: existing ? existing.created_at : this.tenantTime(new Date().toISOString()),
			shipping_address: null,
			shipping_date_from: this.tenantTime(String(order.shipping_date_from)),
			shipping_date_to: this.tenantTime(String(order.shipping_date_to)),
			order_item_list: lines.map(({ line, product }) => ({
				name: product!.name,
				quantity: line.quantity,
				price: line.price,
				product_id: product!.id + 100,
				order_product_id: line.order_product_id ?? this.nextLineId++,
			})),
			comment: order.comment ?? null,
			ask_for_checkout: order.ask_for_checkout ?? null,
			count_of_returned_bottles: order.count_of_returned_bottles ?? 0,
		};
		this.orders.store(key, stored);
		return { success: true, data: [stored] };
	}

	/** "2019-11-06T11:00:00Z" -> "2019-11-06 14:00:00"; a time without an offset is already local. */
	private tenantTime(value: string): string {
		const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/.test(value);
		const utc = hasOffset ? Date.parse(value) : Date.parse(`${value.replace(' ', 'T')}Z`) - this.tenantOffsetHours * 3_600_000;
		if (Number.isNaN(utc)) return value;
		return new Date(utc + this.tenantOffsetHours * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
	}
}

function unauthorized(): SandboxResponse {
	return {
		status: 401,
		json: { name: 'Unauthorized', message: 'Your request was made with invalid credentials.', code: 0, status: 401 },
	};
}

/** Aqua knows a product by its id in the sender's catalogue or by its article. */
export function productOf(productId: unknown) {
	const id = String(productId ?? '');
	return CATALOG.find((product) => String(product.id) === id || product.article === id);
}

export function present(value: unknown): boolean {
	return value !== undefined && value !== null && String(value).trim() !== '';
}

/** Yii-style messages for missing required fields (seed 000 / 001 "required"). */
export function requiredFieldErrors(order: Json): Record<string, string[]> {
	const errors: Record<string, string[]> = {};
	const need = (path: string, value: unknown) => {
		if (!present(value)) errors[path] = [`Необходимо заполнить «${path}».`];
	};
	need('id', order.id);
	need('total', order.total);
	need('shipping_date_from', order.shipping_date_from);
	need('shipping_date_to', order.shipping_date_to);
	if (!STATUSES.includes(String(order.status))) errors.status = ['Значение «status» неверно.'];
	const items = order.order_item_list;
	if (!Array.isArray(items) || items.length === 0) {
		errors.order_item_list = ['Необходимо заполнить «order_item_list».'];
	} else {
		items.forEach((item: Json, i) => {
			need(`order_item_list.${i}.product_id`, item?.product_id);
			need(`order_item_list.${i}.price`, item?.price);
			need(`order_item_list.${i}.quantity`, item?.quantity);
		});
	}
	const client = order.client as Json | undefined;
	if (!client || typeof client !== 'object') {
		errors.client = ['Необходимо заполнить «client».'];
	} else if (!present(client.id) && !present(client.external_id)) {
		need('client.username', client.username);
		need('client.phone', client.phone);
	}
	const address = order.shipping_address as Json | undefined;
	if (!address || typeof address !== 'object') {
		errors.shipping_address = ['Необходимо заполнить «shipping_address».'];
	} else {
		for (const field of ['city', 'street', 'house', 'str']) need(`shipping_address.${field}`, address[field]);
	}
	return errors;
}

/** A generated order in the import format Aqua and 1C share. */
export function toAquaOrder(order: GeneratedOrder): Json {
	const from = new Date(order.createdAt.getTime() + 24 * 3_600_000);
	const lines = order.lines.map((line, i) => ({
		id: `${order.number}-${i + 1}`,
		product_id: line.product.article,
		name: line.product.name,
		price: line.product.priceKopecks / 100,
		quantity: line.quantity,
	}));
	const total = order.lines.reduce((sum, line) => sum + line.product.priceKopecks * line.quantity, 0) / 100;
	const { address, customer } = order;
	return {
		id: `SO-${order.number}`,
		status: 'new',
		created_at: order.createdAt.toISOString().slice(0, 19) + 'Z',
		total,
		delivery_cost: 0,
		payment_type: order.paid ? 'card' : 'cash',
		shipping_date_from: from.toISOString().slice(0, 19) + 'Z',
		shipping_date_to: new Date(from.getTime() + 4 * 3_600_000).toISOString().slice(0, 19) + 'Z',
		comment: order.comment,
		order_item_list: lines,
		client: {
			username: `${customer.firstName} ${customer.lastName}`,
			phone: customer.phone.replace(/^\+380/, '380'),
			emai: customer.email,
		},
		shipping_address: {
			city: address.city,
			street: address.street,
			house: address.house,
			entrance: address.entrance,
			floor: address.floor,
			room: address.flat,
			str: `${address.city}, ${address.street}, ${address.house}, кв. ${address.flat}`,
		},
	};
}
