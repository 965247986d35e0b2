import { CATALOG } from '../generator';
import type { Sandbox, SandboxRequest, SandboxResponse } from '../server';

/** The keys the fake accepts. The counterparty key fixes client, currency and warehouse. */
export const SALEAPP_KEYS = {
	organisation: 'sa-org-7f3c9e1b2d4a',
	counterparty: 'sa-cp-5e8a0b6c1f2d',
} as const;
export const SALEAPP_COUNTERPARTY = { clientId: '50', currencyId: '6', warehouseId: '7' } as const;

const CLIENTS = new Set(['50', '51']);
const CURRENCIES = new Set(['6', '7']);
const WAREHOUSES = new Set(['7', '8']);

export const SALEAPP_STATUSES: Record<number, string> = {
	0: 'Новий',
	1: 'Повністю зарезервований',
	2: 'Частково зарезервований',
	3: 'Відвантажений',
	4: 'Доставлений',
	5: 'Скасований',
};
const DELIVERY_TYPES: Record<number, string> = {
	1: 'Самовивіз',
	2: 'Своя доставка',
	3: 'Нова Пошта відділення',
	5: 'Нова Пошта адреса',
};
const TAGS: Record<string, string> = { '3': 'Терміново', '8': 'Спец умови' };

export interface SaleAppProduct {
	id: number;
	/** Searched only with the organisation key. */
	externalId: string;
	/** Supplier code, searched only with the counterparty key. */
	supplierCode: string;
	sku: string;
	name: string;
	cost: number;
}

/** SaleApp's catalogue: the generator's products under SaleApp ids (40, 41, ...). */
export const SALEAPP_PRODUCTS: SaleAppProduct[] = CATALOG.map((product) => ({
	id: 39 + product.id,
	externalId: `23233${product.id}`,
	supplierCode: `SUP-${product.article}`,
	sku: product.article,
	name: product.name,
	cost: product.priceKopecks / 100,
}));

export interface StoredLine {
	product: SaleAppProduct;
	qty: number;
	cost: number;
	discountPercent: number;
}

export interface StoredOrder {
	id: number;
	number: number;
	externalId: string;
	clientId: string;
	currencyId: string;
	warehouseId: string;
	statusId: number;
	deliveryType: number;
	receiverName: string;
	receiverPhone: string;
	city: string;
	cityRef: string;
	address: string;
	branchRef: string;
	insuranceAmount: number;
	deliveryAmount: number;
	tagIds: string[];
	funnel: string;
	customFields: Record<string, unknown>;
	lines: StoredLine[];
	dateEntered: string;
	dateUpdate: string;
}

type Caller = { kind: 'organisation' } | { kind: 'counterparty' };
type Form = Record<string, string | string[] | undefined>;

class Refusal extends Error {}

/**
 * The fake SaleApp `Orders` API (seed 003): one route, `POST /Orders?secret_key=KEY`, with the
 * operation in the form field `method_type`. Answers are HTTP 200 with `error` "true"/"false"
 * and numbers as strings, as in the seed's example.
 */
export class SaleAppFake {
	readonly orders = new Map<number, StoredOrder>();

	private nextId = 74;

	private nextNumber = 1057;

	constructor(sandbox: Sandbox) {
		sandbox.route('saleapp.orders', 'POST', /^(?:\/saleapp)?\/Orders\/?$/, (request) => this.handle(request));
	}

	reset(): void {
		this.orders.clear();
		this.nextId = 74;
		this.nextNumber = 1057;
	}

	/** Puts an order straight into the store, e.g. one in a status the API cannot delete. */
	seedOrder(values: Partial<StoredOrder> = {}): StoredOrder {
		const order: StoredOrder = {
			id: this.nextId++,
			number: this.nextNumber++,
			externalId: '',
			clientId: SALEAPP_COUNTERPARTY.clientId,
			currencyId: SALEAPP_COUNTERPARTY.currencyId,
			warehouseId: SALEAPP_COUNTERPARTY.warehouseId,
			statusId: 0,
			deliveryType: 1,
			receiverName: '',
			receiverPhone: '',
			city: '',
			cityRef: '',
			address: '',
			branchRef: '',
			insuranceAmount: 0,
			deliveryAmount: 0,
			tagIds: [],
			funnel: '',
			customFields: {},
			lines: [{ product: SALEAPP_PRODUCTS[0], qty: 1, cost: SALEAPP_PRODUCTS[0].cost, discountPercent: 0 }],
			dateEntered: now(),
			dateUpdate: now(),
			...values,
		};
		this.orders.set(order.id, order);
		return order;
	}

	/** Orders with this external id (tests count them to prove there is no duplicate). */
	byExternalId(externalId: string): StoredOrder[] {
		return [...this.orders.values()].filter((order) => order.externalId === externalId);
	}

	private handle(request: SandboxRequest): SandboxResponse {
		const key = request.query.secret_key;
		const caller = callerOf(typeof key === 'string' ? key : undefined);
		// Echoes the request as some PHP back ends do: the node must keep the key out of what it shows.
		if (!caller) return refuse(`Невірний або відсутній secret_key у запиті ${request.path}?secret_key=${String(key ?? '')}`);
		const auth = `secret_key:${caller.kind}`;
		const form: Form = typeof request.body === 'object' && request.body !== null ? (request.body as Form) : {};
		try {
			const answer = this.dispatch(caller, form);
			return { json: answer, auth };
		} catch (error) {
			if (error instanceof Refusal) return { ...refuse(error.message), auth };
			throw error;
		}
	}

	private dispatch(caller: Caller, form: Form): unknown {
		switch (text(form.method_type).toUpperCase()) {
			case 'GET':
				return { error: 'false', error_description: '', response: this.find(caller, form).map(wireOrder) };
			case 'POST':
				return {
					error: 'false',
					error_description: 'Документ успішно створено!',
					create_id: this.create(caller, form).id,
				};
			case 'PUT':
				this.update(caller, form);
				return { error: 'false', error_description: 'Документ успішно оновлено!' };
			case 'DELETE':
				return { error: 'false', error_description: 'Документ успішно видалено!', deleted: this.delete(caller, form) };
			default:
				throw new Refusal('Невідомий method_type');
		}
	}

	/** GET: by id, else number, else external_id; the counterparty key sees only its client's orders. */
	private find(caller: Caller, form: Form): StoredOrder[] {
		const visible = [...this.orders.values()].filter((order) => {
			if (caller.kind === 'counterparty') return order.clientId === SALEAPP_COUNTERPARTY.clientId;
			return !text(form.client_id) || order.clientId === text(form.client_id);
		});
		if (text(form.id)) return visible.filter((order) => String(order.id) === text(form.id));
		if (text(form.number)) return visible.filter((order) => String(order.number) === text(form.number));
		if (text(form.external_id)) return visible.filter((order) => order.externalId === text(form.external_id));
		throw new Refusal('Не вказано параметри пошуку: id, number або external_id');
	}

	/** PUT and DELETE: by id, else external_id. */
	private findOne(caller: Caller, form: Form): StoredOrder {
		if (!text(form.id) && !text(form.external_id)) throw new Refusal('Не вказано id або external_id замовлення');
		// client_id only tells apart orders of different clients that share an external_id.
		const found = this.find(caller, { ...form, number: undefined, client_id: text(form.id) ? undefined : form.client_id });
		if (found.length === 0) throw new Refusal('Замовлення не знайдено');
		return found[0];
	}

	private create(caller: Caller, form: Form): StoredOrder {
		const owner = this.owner(caller, form, true);
		const deliveryType = requireDeliveryType(form);
		checkCarrier(deliveryType, form);
		const lines = this.lines(caller, form.products, true);
		return this.seedOrder({
			...owner,
			externalId: text(form.external_id),
			deliveryType,
			receiverName: text(form.receiver_name),
			receiverPhone: text(form.receiver_phone).replace(/\D/g, ''),
			city: text(form.city),
			cityRef: text(form.city_ref),
			address: text(form.addres),
			branchRef: text(form.branch_ref),
			insuranceAmount: integer(form.insurance_amount, 'insurance_amount'),
			deliveryAmount: integer(form.delivery_amount, 'delivery_amount'),
			tagIds: tags(form.type),
			funnel: text(form.funnel),
			customFields: customFields(form.custom_fields),
			lines: lines!,
		});
	}

	private update(caller: Caller, form: Form): void {
		const order = this.findOne(caller, form);
		const changesPlace = ['city', 'city_ref', 'addres', 'branch_ref'].some((field) => form[field] !== undefined);
		if (changesPlace && form.delivery_types === undefined) {
			throw new Refusal('delivery_types обовʼязкове при зміні міста, відділення або адреси доставки');
		}
		const owner = caller.kind === 'organisation' ? this.owner(caller, { ...form, client_id: undefined }, false) : {};
		const next: StoredOrder = { ...order, ...owner };
		if (form.delivery_types !== undefined) {
			next.deliveryType = requireDeliveryType(form);
			next.city = form.city === undefined ? order.city : text(form.city);
			next.cityRef = form.city_ref === undefined ? order.cityRef : text(form.city_ref);
			next.address = form.addres === undefined ? order.address : text(form.addres);
			next.branchRef = form.branch_ref === undefined ? order.branchRef : text(form.branch_ref);
			checkCarrier(next.deliveryType, { city_ref: next.cityRef, branch_ref: next.branchRef });
		}
		if (form.receiver_name !== undefined) next.receiverName = text(form.receiver_name);
		if (form.receiver_phone !== undefined) next.receiverPhone = text(form.receiver_phone).replace(/\D/g, '');
		if (form.insurance_amount !== undefined) next.insuranceAmount = integer(form.insurance_amount, 'insurance_amount');
		if (form.delivery_amount !== undefined) next.deliveryAmount = integer(form.delivery_amount, 'delivery_amount');
		if (form.type !== undefined) next.tagIds = tags(form.type);
		if (form.products !== undefined) next.lines = this.lines(caller, form.products, false)!;
		next.dateUpdate = now();
		this.orders.set(order.id, next);
	}

	private delete(caller: Caller, form: Form): Array<Record<string, string>> {
		const order = this.findOne(caller, form);
		if (![0, 1, 2].includes(order.statusId)) {
			throw new Refusal(
				`Видалення заборонено: замовлення №${order.number} у статусі "${SALEAPP_STATUSES[order.statusId]}"`,
			);
		}
		this.orders.delete(order.id);
		return [{ id: String(order.id), number: String(order.number), external_id: order.externalId }];
	}

	/** Client, currency and warehouse: fixed by a counterparty key, required with the organisation key. */
	private owner(caller: Caller, form: Form, required: boolean): Partial<StoredOrder> {
		if (caller.kind === 'counterparty') {
			const { clientId, currencyId, warehouseId } = SALEAPP_COUNTERPARTY;
			return { clientId, currencyId, warehouseId };
		}
		const owner: Partial<StoredOrder> = {};
		const checks: Array<[string, Set<string>, 'clientId' | 'currencyId' | 'warehouseId']> = [
			['client_id', CLIENTS, 'clientId'],
			['curency_id', CURRENCIES, 'currencyId'],
			['warehouse_id', WAREHOUSES, 'warehouseId'],
		];
		for (const [field, known, property] of checks) {
			const value = text(form[field]);
			if (!value) {
				if (required) throw new Refusal(`Не вказано ${field}`);
				continue;
			}
			if (!known.has(value)) throw new Refusal(`Не знайдено ${field} ${value}`);
			owner[property] = value;
		}
		return owner;
	}

	/** Product lines; each product is found by id, then external_id or supplier_id (by key kind), then sku. */
	private lines(caller: Caller, raw: Form[string], required: boolean): StoredLine[] | undefined {
		if (raw === undefined && !required) return undefined;
		let parsed: unknown;
		try {
			parsed = JSON.parse(text(raw));
		} catch {
			throw new Refusal('products має бути json_encode масивом');
		}
		if (!Array.isArray(parsed) || parsed.length === 0) throw new Refusal('Не вказано товари замовлення');
		return parsed.map((entry: Record<string, unknown>, index) => {
			const product = this.product(caller, entry);
			if (!product) throw new Refusal(`Товар №${index + 1} не знайдено: ${JSON.stringify(entry)}`);
			const qty = Number(entry.qty);
			if (!(qty > 0)) throw new Refusal(`Невірна кількість товару №${index + 1}`);
			const cost = entry.cost === undefined || entry.cost === '' ? product.cost : Number(entry.cost);
			return { product, qty, cost, discountPercent: Number(entry.discount_percent ?? 0) || 0 };
		});
	}

	private product(caller: Caller, entry: Record<string, unknown>): SaleAppProduct | undefined {
		const value = (field: string) => (entry[field] === undefined || entry[field] === null ? '' : String(entry[field]));
		const by = (match: (product: SaleAppProduct) => boolean) => SALEAPP_PRODUCTS.find(match);
		return (
			(value('id') ? by((p) => String(p.id) === value('id')) : undefined) ??
			(caller.kind === 'organisation' && value('external_id')
				? by((p) => p.externalId === value('external_id'))
				: undefined) ??
			(caller.kind === 'counterparty' && value('supplier_id')
				? by((p) => p.supplierCode === value('supplier_id'))
				: undefined) ??
			(value('sku') ? by((p) => p.sku === value('sku')) : undefined)
		);
	}
}

function callerOf(key: string | undefined): Caller | undefined {
	if (key === SALEAPP_KEYS.organisation) return { kind: 'organisation' };
	if (key === SALEAPP_KEYS.counterparty) return { kind: 'counterparty' };
	return undefined;
}

function refuse(description: string): SandboxResponse {
	return { json: { error: 'true', error_description: description } };
}

function text(value: Form[string]): string {
	return (Array.isArray(value) ? value[0] : value ?? '').trim();
}

function integer(value: Form[string], field: string): number {
	if (!text(value)) return 0;
	if (!/^\d+$/.test(text(value))) throw new Refusal(`${field} має бути цілим числом`);
	return Number(text(value));
}

function tags(value: Form[string]): string[] {
	return text(value) ? text(value).split(',').map((tag) => tag.trim()) : [];
}

function customFields(value: Form[string]): Record<string, unknown> {
	if (!text(value)) return {};
	try {
		const parsed: unknown = JSON.parse(text(value));
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
	} catch {
		// falls through to the refusal
	}
	throw new Refusal('custom_fields має бути json_encode масивом');
}

function requireDeliveryType(form: Form): number {
	const type = Number(text(form.delivery_types));
	if (!DELIVERY_TYPES[type]) throw new Refusal(`Невірний delivery_types: ${text(form.delivery_types)}`);
	return type;
}

function checkCarrier(deliveryType: number, form: Form): void {
	if (deliveryType !== 1 && deliveryType !== 2 && !text(form.city_ref)) {
		throw new Refusal('city_ref обовʼязкове для цього типу доставки');
	}
	if (deliveryType === 3 && !text(form.branch_ref)) throw new Refusal('branch_ref обовʼязкове для Нова Пошта відділення');
}

/** The order as SaleApp's GET answers it: every number a string. */
function wireOrder(order: StoredOrder): Record<string, unknown> {
	return {
		id: String(order.id),
		number: String(order.number),
		external_id: order.externalId,
		status_id: String(order.statusId),
		delivery_type_name: DELIVERY_TYPES[order.deliveryType],
		delivery_types: String(order.deliveryType),
		receiver_name: order.receiverName,
		receiver_phone: order.receiverPhone,
		city: order.city,
		city_ref: order.cityRef,
		addres: order.address,
		branch_ref: order.branchRef,
		insurance_amount: String(order.insuranceAmount),
		delivery_amount: String(order.deliveryAmount),
		type_ids: order.tagIds.join(','),
		date_entered: order.dateEntered,
		date_update: order.dateUpdate,
		type: order.tagIds.map((id) => ({ id, name: TAGS[id] ?? `Тег ${id}` })),
		products: order.lines.map((line) => ({
			id: String(line.product.id),
			name: line.product.name,
			sku: line.product.sku,
			external_id: line.product.externalId,
			qty: String(line.qty),
			allocated_qty: String(line.qty),
			cost: String(line.cost),
			discount_percent: String(line.discountPercent),
			supplier_ids: [{ code: line.product.supplierCode, supplier_id: '39' }],
		})),
		custom_fields: order.customFields,
		funnel: order.funnel,
		status_name: SALEAPP_STATUSES[order.statusId],
	};
}

function now(): string {
	return new Date().toISOString().slice(0, 19).replace('T', ' ');
}
