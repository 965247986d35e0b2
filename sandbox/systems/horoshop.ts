import { DateTime } from 'luxon';

import type { GeneratedLine, GeneratedOrder } from '../generator';
import { Random } from '../random';
import type { Sandbox, SandboxRequest, SandboxResponse } from '../server';

/** Where the fake shop lives inside the sandbox: the credential's shop URL is `${sandbox.url}${HOROSHOP_PATH}`. */
export const HOROSHOP_PATH = '/horoshop';

/** Horoshop shops are Ukrainian; order times are wall-clock Kyiv time without a zone. */
const SHOP_ZONE = 'Europe/Kyiv';

/**
 * How the fake says "your token is no good". Horoshop does not document it; public clients
 * re-login on all of these, so tests can pick each one.
 */
export type ExpiredTokenAnswer = 'error' | 'httpError' | 'unauthorized' | 'authorizationError' | 'http401';

export interface FakeStatus {
	id: number;
	title: Record<string, string>;
	is_successful: 0 | 1;
}

export interface FakeUpdate {
	at: number;
	order_id: unknown;
	status?: unknown;
	tracking_code?: unknown;
	payed?: unknown;
	paid?: unknown;
	result: 'OK' | 'ERROR';
	message: string;
}

type WireOrder = Record<string, unknown> & { order_id: number; stat_status: number; stat_created: string };

/** The webhook events this fake sends (public client code; Horoshop documents none of the order ones). */
export type HookEvent = 'order_created' | 'order_update' | 'order_paid';

export const HOOK_EVENTS: readonly HookEvent[] = ['order_created', 'order_update', 'order_paid'];

/** Horoshop allows at most 5 subscriptions per event (api-facts). */
export const MAX_SUBSCRIPTIONS_PER_EVENT = 5;

export interface HookSubscription {
	id: number;
	event: HookEvent;
	targetUrl: string;
}

/** One webhook delivery the fake made: what it sent where, and what came back. */
export interface HookDelivery {
	at: number;
	event: HookEvent;
	subscriptionId: number;
	url: string;
	method: 'POST' | 'PUT';
	payload: unknown;
	/** The receiver's HTTP status; undefined when the request failed (see `error`). */
	status?: number;
	responseBody?: string;
	error?: string;
}

const DEFAULT_STATUSES: FakeStatus[] = [
	{ id: 1, title: { ua: 'Новий', ru: 'Новый', en: 'New' }, is_successful: 0 },
	{ id: 2, title: { ua: 'В обробці', ru: 'В обработке', en: 'Processing' }, is_successful: 0 },
	{ id: 3, title: { ua: 'Доставлено', ru: 'Доставлен', en: 'Delivered' }, is_successful: 1 },
	{ id: 4, title: { ua: 'Не доставлено', ru: 'Не доставлен', en: 'Not delivered' }, is_successful: 0 },
	{ id: 6, title: { ua: 'Доставляється', ru: 'Доставляется', en: 'Delivering' }, is_successful: 0 },
	{ id: 7, title: { ua: 'Повернення', ru: 'Возврат' }, is_successful: 0 },
];

const DELIVERY_TYPES = [
	{ id: 3, title: 'Новою поштою' },
	{ id: 8, title: 'Самовивіз' },
	{ id: 9, title: 'Укрпоштою' },
	{ id: 5, title: "Кур'єром" },
];
const PAYMENT_TYPES = [
	{ id: 13, title: 'Готівкою' },
	{ id: 14, title: 'Онлайн-оплата кредитною карткою' },
	{ id: 15, title: 'Оплата при отриманні (накладений платіж)' },
];
const STATUS_IDS = [1, 2, 3, 4, 6];
/** Horoshop's answer to a function it does not have: HTTP 200 and nothing in it. */
const UNDEFINED: SandboxResponse = { json: { status: 'UNDEFINED_FUNCTION', response: [] } };

/**
 * A faithful fake of the Horoshop API (seed 002 + api-facts): `auth` with a token whose lifetime
 * tests can shorten, `orders/get` with every filter, `orders/get_available_statuses`,
 * `orders/update` answering WARNING with a per-order log, and UNDEFINED_FUNCTION for anything else.
 * Every answer is HTTP 200 with `{status, response}`, as Horoshop does, except `hooks/subscribe`
 * and `hooks/unSubscribe`, which answer bare bodies (201 `{id}`, 410) as public client code says.
 * Subscribed URLs really get a JSON request when an order is added (`order_created`) or changed
 * through `orders/update` or `changeOrder` (`order_update`, `order_paid`).
 */
export class HoroshopFake {
	login = 'api-admin';

	password = 'Пароль-42';

	/** Seconds a token lives (Horoshop: 600). Fractions allowed, so tests can make it expire between pages. */
	tokenLifetimeSeconds = 600;

	expiredTokenAnswer: ExpiredTokenAnswer = 'error';

	/** Which end of the list `orders/get` starts from; newest first makes new orders shift the pages. */
	sortOrder: 'newestFirst' | 'oldestFirst' = 'newestFirst';

	/**
	 * The most orders one `orders/get` answer holds, whatever `limit` asked for, without saying so
	 * (Horoshop documents no maximum; `catalog/export` was measured to cap silently at 500).
	 * Undefined: no cap.
	 */
	maxPageSize?: number;

	/** Plays a shop that ignores the `ids` filter of `orders/get` and lists every order. */
	ignoresIds = false;

	/**
	 * Functions this shop answers UNDEFINED_FUNCTION to, e.g. `orders/get_available_statuses` on
	 * shops before v4.0.
	 */
	readonly undefinedFunctions = new Set<string>();

	statuses: FakeStatus[] = [];

	/** Orders by id, as `orders/get` returns them with `additionalData: true`. */
	readonly orders = new Map<number, WireOrder>();

	readonly updates: FakeUpdate[] = [];

	/** Runs before each `orders/get` is answered, with the count of such calls so far (1 for the first). */
	beforeOrdersGet?: (call: number) => void;

	/** Webhook subscriptions by id (`hooks/subscribe`). */
	readonly subscriptions = new Map<number, HookSubscription>();

	/** Every webhook delivery made, in order. */
	readonly hookDeliveries: HookDelivery[] = [];

	/**
	 * How a delivery is sent. Horoshop documents neither method nor payload for order events:
	 * api-facts says order_paid comes as a JSON PUT, one public client says PUT for every event. The
	 * fake POSTs order_created and order_update and PUTs order_paid; tests may change both.
	 */
	hookMethod: Record<HookEvent, 'POST' | 'PUT'> = { ...DEFAULT_HOOK_METHODS };

	hookPayload: (event: HookEvent, order: WireOrder, subscription: HookSubscription) => unknown = defaultHookPayload;

	/** Deliveries still under way; `deliveriesSettled()` waits for them. */
	private readonly pendingDeliveries = new Set<Promise<void>>();

	private nextSubscriptionId = 1;

	private readonly tokens = new Map<string, number>();

	private random = new Random(2);

	private nextOrderId = 1;

	private nextStorageId = 1;

	private ordersGetCalls = 0;

	private tokenCounter = 0;

	constructor(private readonly sandbox: Sandbox) {
		const api = (fn: string) => new RegExp(`^${HOROSHOP_PATH}/api/${fn}/?$`);
		const expired = () => this.expiredAnswer();
		const answer = (fn: string, handler: (request: SandboxRequest) => SandboxResponse) => (request: SandboxRequest) =>
			this.undefinedFunctions.has(fn) ? UNDEFINED : this.withToken(request, () => handler(request));
		sandbox.route('horoshop.auth', 'POST', api('auth'), (request) => this.auth(request));
		sandbox.route('horoshop.orders.get', 'POST', api('orders/get'), answer('orders/get', (request) => this.ordersGet(request)), expired);
		sandbox.route('horoshop.statuses', 'POST', api('orders/get_available_statuses'), answer('orders/get_available_statuses', () => this.availableStatuses()), expired);
		sandbox.route('horoshop.orders.update', 'POST', api('orders/update'), answer('orders/update', (request) => this.ordersUpdate(request)), expired);
		sandbox.route('horoshop.hooks.subscribe', 'POST', api('hooks/subscribe'), answer('hooks/subscribe', (request) => this.hooksSubscribe(request)), expired);
		// Spelled unSubscribe in public client code and unsubscribe in api-facts: the fake takes both
		// (put either into `undefinedFunctions` to play a shop that knows only the other).
		for (const fn of ['hooks/unSubscribe', 'hooks/unsubscribe']) {
			sandbox.route('horoshop.hooks.unsubscribe', 'POST', api(fn), answer(fn, (request) => this.hooksUnsubscribe(request)), expired);
		}
		sandbox.route('horoshop.undefined', 'POST', api('[^?]+'), () => UNDEFINED);
		this.reset();
	}

	reset(): void {
		this.login = 'api-admin';
		this.password = 'Пароль-42';
		this.tokenLifetimeSeconds = 600;
		this.expiredTokenAnswer = 'error';
		this.sortOrder = 'newestFirst';
		this.maxPageSize = undefined;
		this.ignoresIds = false;
		this.undefinedFunctions.clear();
		this.statuses = DEFAULT_STATUSES.map((status) => ({ ...status, title: { ...status.title } }));
		this.orders.clear();
		this.updates.length = 0;
		this.beforeOrdersGet = undefined;
		this.subscriptions.clear();
		this.hookDeliveries.length = 0;
		this.hookMethod = { ...DEFAULT_HOOK_METHODS };
		this.hookPayload = defaultHookPayload;
		this.nextSubscriptionId = 1;
		this.tokens.clear();
		this.random = new Random(2);
		this.nextOrderId = 1;
		this.nextStorageId = 1;
		this.ordersGetCalls = 0;
	}

	get baseUrl(): string {
		return `${this.sandbox.url}${HOROSHOP_PATH}`;
	}

	/** Credential data for this fake. */
	credentials(overrides: Record<string, string> = {}): Record<string, string> {
		return { shopUrl: this.baseUrl, login: this.login, password: this.password, ...overrides };
	}

	/**
	 * Adds `count` generated orders, one a minute from `start` (UTC), with ids continuing from the
	 * last one. `overrides` sets wire fields (e.g. `stat_status`) on every one of them.
	 */
	addOrders(count: number, options: { start?: Date; overrides?: Record<string, unknown> } = {}): WireOrder[] {
		const first = this.nextOrderId;
		const generated = this.sandbox.generator.orders(count, first, options.start);
		const added = generated.map((order) => ({ ...this.toWire(order), ...options.overrides }) as WireOrder);
		for (const order of added) this.orders.set(order.order_id, order);
		this.nextOrderId = first + count;
		for (const order of added) this.deliver('order_created', order);
		return added;
	}

	/**
	 * Changes an order as the shop's admin panel would, and sends the webhooks that go with it:
	 * `order_update` when the status changes to one other than 1 (new), `order_paid` when it
	 * becomes paid. Returns the order.
	 */
	changeOrder(orderId: number, change: { stat_status?: number; payed?: 0 | 1; fields?: Record<string, unknown> }): WireOrder {
		const order = this.orders.get(orderId);
		if (!order) throw new Error(`The fake shop has no order ${orderId}`);
		const statusBefore = order.stat_status;
		const paidBefore = Number(order.payed) === 1;
		Object.assign(order, change.fields);
		if (change.stat_status !== undefined) order.stat_status = change.stat_status;
		if (change.payed !== undefined) order.payed = change.payed;
		if (order.stat_status !== statusBefore && order.stat_status !== 1) this.deliver('order_update', order);
		if (!paidBefore && Number(order.payed) === 1) this.deliver('order_paid', order);
		return order;
	}

	/** Waits until every webhook delivery started so far has its answer (or failed). */
	async deliveriesSettled(): Promise<void> {
		while (this.pendingDeliveries.size > 0) await Promise.allSettled([...this.pendingDeliveries]);
	}

	/** Makes every token issued so far invalid, as if 600 s had passed. */
	expireTokens(): void {
		for (const token of this.tokens.keys()) this.tokens.set(token, 0);
	}

	private auth(request: SandboxRequest): SandboxResponse {
		const body = (request.body ?? {}) as Record<string, unknown>;
		if (body.login !== this.login || body.password !== this.password) {
			return { json: { status: 'ERROR', response: { code: 3, message: 'Невірний логін або пароль' } } };
		}
		this.tokenCounter++;
		const token = `${this.tokenCounter.toString(16).padStart(8, '0')}${'c5bc0cd25647e701bc6427f3'}`;
		this.tokens.set(token, Date.now() + this.tokenLifetimeSeconds * 1000);
		return { json: { status: 'OK', response: { token } }, auth: `login ${this.login}` };
	}

	private withToken(request: SandboxRequest, answer: () => SandboxResponse): SandboxResponse {
		const token = ((request.body ?? {}) as Record<string, unknown>).token;
		const expiresAt = typeof token === 'string' ? this.tokens.get(token) : undefined;
		if (expiresAt === undefined || expiresAt <= Date.now()) return this.expiredAnswer();
		return { ...answer(), auth: `token ${String(token).slice(0, 8)}` };
	}

	private expiredAnswer(): SandboxResponse {
		switch (this.expiredTokenAnswer) {
			case 'http401':
				return { status: 401, json: { status: 'ERROR', response: { message: 'Unauthorized' } } };
			case 'unauthorized':
				return { json: { status: 'UNAUTHORIZED', response: { message: 'Session expired' } } };
			case 'authorizationError':
				return { json: { status: 'AUTHORIZATION_ERROR', response: { message: 'Session expired' } } };
			case 'httpError':
				return { json: { status: 'HTTP_ERROR', response: { code: 401, message: 'Помилка авторизації' } } };
			default:
				return { json: { status: 'ERROR', response: { code: 2, message: 'Invalid token' } } };
		}
	}

	private ordersGet(request: SandboxRequest): SandboxResponse {
		this.ordersGetCalls++;
		this.beforeOrdersGet?.(this.ordersGetCalls);
		const body = (request.body ?? {}) as Record<string, unknown>;
		let from: string | undefined;
		let to: string | undefined;
		try {
			from = body.from === undefined ? undefined : shopTime(body.from, 'from');
			to = body.to === undefined ? undefined : shopTime(body.to, 'to');
		} catch (error) {
			return { json: { status: 'ERROR', response: { message: (error as Error).message } } };
		}
		const ids = this.ignoresIds ? [] : listOf(body.ids ?? body['ids[]']).map(Number);
		const statuses = listOf(body.status ?? body['status[]']).map(Number);
		const withAdditional = body.additionalData === true || body.additionalData === 'true' || body.additionalData === 1 || body.additionalData === '1';

		let found = [...this.orders.values()].filter(
			(order) =>
				(from === undefined || order.stat_created >= from) &&
				(to === undefined || order.stat_created <= to) &&
				(ids.length === 0 || ids.includes(order.order_id)) &&
				(statuses.length === 0 || statuses.includes(order.stat_status)),
		);
		found.sort((a, b) => (this.sortOrder === 'newestFirst' ? b.order_id - a.order_id : a.order_id - b.order_id));
		// Seed 002: offset works only together with limit.
		if (body.limit !== undefined && body.limit !== '') {
			const offset = body.offset === undefined ? 0 : Number(body.offset);
			found = found.slice(offset, offset + Number(body.limit));
		}
		if (this.maxPageSize !== undefined) found = found.slice(0, this.maxPageSize);
		if (found.length === 0) return { json: { status: 'EMPTY', response: [] } };
		const orders = found.map((order) => {
			if (withAdditional) return order;
			const { additional_data: _additional, delivery_data: _delivery, ...rest } = order;
			return rest;
		});
		return { json: { status: 'OK', response: { orders } } };
	}

	private availableStatuses(): SandboxResponse {
		return { json: { status: 'OK', response: { statuses: Object.fromEntries(this.statuses.map((status) => [String(status.id), status])) } } };
	}

	private ordersUpdate(request: SandboxRequest): SandboxResponse {
		const body = (request.body ?? {}) as Record<string, unknown>;
		if (!Array.isArray(body.orders) || body.orders.length === 0) {
			return { json: { status: 'ERROR', response: { message: 'Не передано замовлення (orders)' } } };
		}
		const log = (body.orders as Array<Record<string, unknown>>).map((entry) => {
			const problem = this.updateProblem(entry);
			const update: FakeUpdate = {
				at: Date.now(),
				order_id: entry.order_id,
				status: entry.status,
				tracking_code: entry.tracking_code,
				payed: entry.payed,
				paid: entry.paid,
				result: problem ? 'ERROR' : 'OK',
				message: problem ?? 'Замовлення оновлено',
			};
			this.updates.push(update);
			if (!problem) {
				const order = this.orders.get(Number(entry.order_id))!;
				const paid = entry.payed ?? entry.paid;
				this.changeOrder(order.order_id, {
					stat_status: entry.status === undefined ? undefined : Number(entry.status),
					payed: paid === undefined ? undefined : Number(paid) ? 1 : 0,
					fields:
						entry.tracking_code === undefined
							? undefined
							: { additional_data: { ...(order.additional_data as object), np_number: entry.tracking_code } },
				});
			}
			return { order_id: entry.order_id, status: update.result, message: update.message };
		});
		const failed = log.some((entry) => entry.status !== 'OK');
		return { json: { status: failed ? 'WARNING' : 'OK', response: { log } } };
	}

	/**
	 * `hooks/subscribe {event, target_url}`: HTTP 201 `{id}`, a bare body without the envelope.
	 * The sixth subscription of an event is refused with the words a public client quotes.
	 */
	private hooksSubscribe(request: SandboxRequest): SandboxResponse {
		const body = (request.body ?? {}) as Record<string, unknown>;
		const event = body.event as HookEvent;
		const targetUrl = body.target_url;
		if (!HOOK_EVENTS.includes(event)) return { status: 400, json: { message: `Unknown event ${String(body.event)}` } };
		if (typeof targetUrl !== 'string' || !/^https?:\/\//.test(targetUrl)) {
			return { status: 400, json: { message: 'target_url is not a valid URL' } };
		}
		const taken = [...this.subscriptions.values()].filter((subscription) => subscription.event === event).length;
		if (taken >= MAX_SUBSCRIPTIONS_PER_EVENT) {
			return { status: 400, json: { message: 'Subscriptions limit for current event has been reached' } };
		}
		const subscription: HookSubscription = { id: this.nextSubscriptionId++, event, targetUrl };
		this.subscriptions.set(subscription.id, subscription);
		return { status: 201, json: { id: subscription.id } };
	}

	/** `hooks/unSubscribe {id, target_url}`: HTTP 410 with no body when it existed, 404 otherwise. */
	private hooksUnsubscribe(request: SandboxRequest): SandboxResponse {
		const body = (request.body ?? {}) as Record<string, unknown>;
		const subscription = this.subscriptions.get(Number(body.id));
		if (!subscription || subscription.targetUrl !== body.target_url) {
			return { status: 404, json: { message: 'Subscription not found' } };
		}
		this.subscriptions.delete(subscription.id);
		return { status: 410, text: '' };
	}

	/** Sends `event` for `order` to every subscriber of it, as JSON, without waiting for the answers. */
	private deliver(event: HookEvent, order: WireOrder): void {
		for (const subscription of this.subscriptions.values()) {
			if (subscription.event !== event) continue;
			const delivery: HookDelivery = {
				at: Date.now(),
				event,
				subscriptionId: subscription.id,
				url: subscription.targetUrl,
				method: this.hookMethod[event],
				payload: this.hookPayload(event, order, subscription),
			};
			this.hookDeliveries.push(delivery);
			const sending = fetch(delivery.url, {
				method: delivery.method,
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(delivery.payload),
			})
				.then(async (response) => {
					delivery.status = response.status;
					delivery.responseBody = await response.text();
				})
				.catch((error: unknown) => {
					delivery.error = (error as Error).message;
				})
				.finally(() => this.pendingDeliveries.delete(sending));
			this.pendingDeliveries.add(sending);
		}
	}

	private updateProblem(entry: Record<string, unknown>): string | undefined {
		const order = this.orders.get(Number(entry.order_id));
		if (!order) return `Замовлення ${String(entry.order_id)} не знайдено`;
		if (entry.status !== undefined && !this.statuses.some((status) => status.id === Number(entry.status))) {
			return `Невідомий статус ${String(entry.status)}`;
		}
		if (entry.payed !== undefined && entry.paid !== undefined && Number(entry.payed) !== Number(entry.paid)) {
			return 'payed і paid суперечать одне одному';
		}
		return undefined;
	}

	/** One generated order in seed 002's shape: sets and gifts linked by storage ids, PHP quirks included. */
	private toWire(order: GeneratedOrder): WireOrder {
		const r = this.random;
		const products = this.products(order.lines);
		const totalKopecks = order.lines
			.filter((line) => line.kind !== 'setItem')
			.reduce((sum, line) => sum + line.product.priceKopecks * line.quantity, 0);
		const delivery = r.pick(DELIVERY_TYPES);
		const created = DateTime.fromJSDate(order.createdAt).setZone(SHOP_ZONE).toFormat('yyyy-MM-dd HH:mm:ss');
		const { customer, address } = order;
		const name = `${customer.firstName} ${customer.lastName}`;
		// PHP sends some numbers as strings and empty objects as []: every 7th order shows it.
		const quirky = order.number % 7 === 0;
		const money = (kopecks: number) => (quirky ? (kopecks / 100).toFixed(2) : kopecks / 100);
		const wire: WireOrder = {
			order_id: order.number,
			user: order.number % 5 === 0 ? 0 : 1000 + order.number,
			delivery_name: name,
			delivery_email: customer.email,
			delivery_phone: displayPhone(customer.phone),
			delivery_city: address.city,
			delivery_address:
				delivery.id === 9
					? `${address.street}@${address.house}@${address.flat}`
					: `${address.street}, ${address.house}, кв. ${address.flat}`,
			delivery_type: delivery,
			delivery_price: delivery.id === 3 ? -1 : delivery.id === 8 ? 0 : 60,
			comment: order.comment,
			payment_type: r.pick(PAYMENT_TYPES),
			payment_price: 0,
			payed: order.paid ? 1 : 0,
			total_default: money(totalKopecks),
			total_sum: money(totalKopecks),
			total_quantity: order.lines.reduce((sum, line) => sum + line.quantity, 0),
			discount_percent: 0,
			discount_value: 0,
			coupon_code: '',
			coupon_percent: 0,
			coupon_discount_value: 0,
			coupon_type: 0,
			stat_status: STATUS_IDS[order.number % STATUS_IDS.length],
			stat_created: created,
			currency: 'UAH',
			order_without_callback: r.chance(0.2),
			manager_id: r.chance(0.5) ? r.int(1, 4) : null,
			manager_comment: '',
			manager_discount: 0,
			manager_discount_title: '',
			delivery_country: order.country === 'UA' ? 'Україна' : 'Росія',
			products: quirky
				? products.map((product) => ({ ...product, price: String(product.price), quantity: String(product.quantity) }))
				: products,
			analytics: quirky
				? []
				: {
						utm_source: r.pick(['google', 'facebook', 'direct']),
						utm_medium: 'cpc',
						utm_campaign: `brand_${r.int(1, 3)}`,
						utm_term: null,
						utm_content: `banner_${r.int(1, 5)}`,
						google_client_id: `GA1.3.${r.int(100000000, 999999999)}.${r.int(1600000000, 1700000000)}`,
					},
		};
		if (order.number % 4 === 0) {
			wire.customer_details = {
				group: { id: 2, title: 'Оптові покупці' },
				price_level: { id: 3, title: 'Оптова ціна' },
			};
		}
		if (delivery.id === 3) {
			const tnNumber = `2045${String(order.number).padStart(10, '0')}`;
			wire.additional_data = {
				np_ref: `8d8ecd29-9913-11eb-8513-${String(order.number).padStart(12, '0')}`,
				np_number: Number(tnNumber),
				sender_warehouse_ref: '0d545f63-e1c2-11e3-8c4a-0050568002cf',
				recipient_warehouse_ref: '39931b8c-e1c2-11e3-8c4a-0050568002cf',
			};
			wire.delivery_data = {
				deliveryOperatorType: 'nova_poshta',
				tnId: `a3a24ec9-632e-11ec-8513-${String(order.number).padStart(12, '0')}`,
				tnNumber,
				tnStatusName: 'Створено',
				tnTrackingUpdateDate: null,
				estimatedDeliveryDate: DateTime.fromJSDate(order.createdAt).plus({ days: 2 }).toFormat('yyyy-MM-dd'),
				departure: {
					sender: {
						id: '60cd854f-580c-11eb-8513-b88303659df5',
						title: 'Приватна особа',
						contactPerson: { id: '9bc4f232-580c-11eb-8513-b88303659df5', name: 'Олександр Коваль', phone: '380915554433' },
					},
					address: {
						type: 'warehouse',
						geoObject: { id: 'db5c88e0-391c-11dd-90d9-001a92567626', name: 'Харків' },
						warehouse: { id: '169227f4-e1c2-11e3-8c4a-0050568002cf', name: 'Відділення №1: вул. Польова, 67' },
					},
				},
				destination: {
					recipient: { name: customer.firstName, surname: customer.lastName, patronymic: null, phone: customer.phone.replace('+', '') },
					address: {
						type: 'warehouse',
						geoObject: { id: 'f706237a-4078-11de-b509-001d92f78698', name: address.city },
						warehouse: { id: '16922828-e1c2-11e3-8c4a-0050568002cf', name: `Відділення №${r.int(1, 40)}` },
					},
				},
				payment: { type: 'Cash', payer: 'Recipient' },
				redelivery: order.paid ? null : { cost: String(totalKopecks / 100), payer: 'Recipient' },
			};
		} else if (delivery.id === 9) {
			wire.delivery_data = {
				deliveryOperatorType: 'ukrposhta',
				tnId: null,
				tnNumber: null,
				tnStatusName: null,
				tnTrackingUpdateDate: null,
				estimatedDeliveryDate: null,
				departure: {
					sender: { id: '1', title: 'ФОП Коваль', type: 'PRIVATE_ENTREPRENEUR', phone: '380915554433' },
					address: { type: 'warehouse', geoObject: { id: '1', name: 'Київ' }, warehouse: { id: '01001', name: '01001' } },
				},
				destination: {
					recipient: { name: customer.firstName, surname: customer.lastName, patronymic: null, phone: customer.phone.replace('+', '') },
					address: {
						type: 'doors',
						geoObject: { id: '2', name: address.city },
						street: { id: '3', name: address.street },
						buildingNumber: address.house,
						flatNumber: address.flat,
					},
				},
				payment: { payer: 'Recipient' },
				redelivery: null,
			};
		}
		return wire;
	}

	private products(lines: GeneratedLine[]): Array<Record<string, unknown>> {
		const storageIds = new Map<GeneratedLine, number>();
		for (const line of lines) storageIds.set(line, this.nextStorageId++);
		const byArticle = (article: string | undefined, kind: GeneratedLine['kind']) =>
			lines.find((line) => line.product.article === article && (kind === 'setItem' ? line.kind === 'set' : line.kind !== 'gift'));
		const giftParents = new Set(lines.filter((line) => line.kind === 'gift').map((line) => byArticle(line.parentArticle, 'gift')));
		return lines.map((line) => {
			const parent = line.kind === 'setItem' || line.kind === 'gift' ? byArticle(line.parentArticle, line.kind) : undefined;
			const price = line.product.priceKopecks / 100;
			const product: Record<string, unknown> = {
				title: line.product.name,
				article: line.product.article,
				price: line.kind === 'gift' ? 0 : price,
				quantity: line.quantity,
				discount_marker: line.kind === 'set' ? 'PRODUCTS_SET' : line.kind === 'gift' ? 'DISCOUNT_NONE' : 'NONE',
				storage_id: storageIds.get(line),
				parent_storage_id: parent ? storageIds.get(parent) : null,
				total_price: line.kind === 'gift' ? 0 : Math.round(price * line.quantity * 100) / 100,
			};
			const type =
				line.kind === 'set' ? 'set_main' : line.kind === 'setItem' ? 'set_item' : line.kind === 'gift' ? 'gift' : giftParents.has(line) ? 'gift_parent' : undefined;
			if (type) product.type = type;
			return product;
		});
	}
}

const DEFAULT_HOOK_METHODS: Record<HookEvent, 'POST' | 'PUT'> = { order_created: 'POST', order_update: 'POST', order_paid: 'PUT' };

/** Undocumented by Horoshop; the fake sends the event, the order's number and a few of its fields. */
function defaultHookPayload(event: HookEvent, order: WireOrder): unknown {
	return { event, order_id: order.order_id, stat_status: order.stat_status, payed: order.payed, stat_created: order.stat_created };
}

/** "+380671234567" -> "+38 (067) 123-45-67", the way seed 002 shows phones. */
function displayPhone(phone: string): string {
	const ua = /^\+38(0\d{2})(\d{3})(\d{2})(\d{2})$/.exec(phone);
	if (ua) return `+38 (${ua[1]}) ${ua[2]}-${ua[3]}-${ua[4]}`;
	const ru = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(phone);
	return ru ? `+7 (${ru[1]}) ${ru[2]}-${ru[3]}-${ru[4]}` : phone;
}

function listOf(value: unknown): unknown[] {
	if (value === undefined || value === null || value === '') return [];
	return Array.isArray(value) ? value : [value];
}

/**
 * Reads `from`/`to` in the four formats of seed 002 as a naive shop-time string comparable with
 * `stat_created`; a date alone covers the whole day (both bounds are inclusive).
 */
function shopTime(value: unknown, field: 'from' | 'to'): string {
	const text = String(value).trim();
	for (const format of ['yyyy-MM-dd HH:mm:ss', 'dd.MM.yyyy HH:mm:ss']) {
		const parsed = DateTime.fromFormat(text, format, { zone: SHOP_ZONE });
		if (parsed.isValid) return parsed.toFormat('yyyy-MM-dd HH:mm:ss');
	}
	for (const format of ['yyyy-MM-dd', 'dd.MM.yyyy']) {
		const parsed = DateTime.fromFormat(text, format, { zone: SHOP_ZONE });
		if (parsed.isValid) return `${parsed.toFormat('yyyy-MM-dd')} ${field === 'from' ? '00:00:00' : '23:59:59'}`;
	}
	throw new Error(`Невірний формат дати в ${field}: ${text}`);
}
