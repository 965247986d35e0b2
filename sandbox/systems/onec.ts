import { DateTime } from 'luxon';

import type { Sandbox, SandboxRequest, SandboxResponse } from '../server';
import { present, productOf, requiredFieldErrors } from './aqua';
import type { WireResult } from './aqua';
import { ExchangeOrders } from './exchangeOrders';

type Json = Record<string, unknown>;

const NOT_FOUND_PAGE =
	'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"><html><head><title>404 - File or directory not found.</title></head>' +
	'<body><div id="header"><h1>Server Error</h1></div><div id="content"><h2>404 - File or directory not found.</h2>' +
	'<h3>The resource you are looking for might have been removed, had its name changed, or is temporarily unavailable.</h3></div></body></html>';

/**
 * The fake 1C:Enterprise infobase (seed 001) published as `/<publication>/`: HTTP Basic with a
 * Cyrillic user (decoded as UTF-8), the HTTP service `hs/AquaDeliveri/getOrdersURL` taking the
 * shared order array (unknown product -> an empty line; `external_id` names the order to update,
 * else a new order is made, see ExchangeOrders; answers carry 1C's own ids and product refs), and
 * the standard OData interface with
 * `$top`, `$skip` and a `$filter` on the date. A wrong publication gets the web server's HTML 404;
 * `bom` makes every JSON answer start with a UTF-8 BOM, as many 1C services do.
 */
export class OneCFake {
	publication = 'demodelivery';

	users = new Map<string, string>();

	service = 'AquaDeliveri';

	method = 'getOrdersURL';

	/** Start JSON answers with a UTF-8 BOM. */
	bom = false;

	/** When set, the HTTP service fails with this text and status 500, as 1C does on an exception. */
	serviceError: string | undefined;

	/** Orders received through the HTTP service. */
	readonly orders = new ExchangeOrders();

	/** Documents the OData interface serves, oldest first. */
	readonly documents: Json[] = [];

	/** The raw request targets of OData calls, as sent (percent-encoded). */
	readonly odataUrls: string[] = [];

	/** The 1C server's own time zone, in which OData dates are written. */
	readonly timezone = 'Europe/Kyiv';

	private nextNumber = 1;

	constructor(private readonly sandbox: Sandbox) {
		sandbox.route('onec.service', 'POST', /^\/([^/]+)\/hs\/([^/]+)\/([^/]+)$/, (request) => this.receive(request));
		sandbox.route('onec.odata', 'GET', /^\/([^/]+)\/odata\/standard\.odata\/?([^/]*)$/, (request) => this.odata(request));
		this.reset();
	}

	reset(): void {
		this.publication = 'demodelivery';
		this.users = new Map([['Менеджер', 'Секрет-1С']]);
		this.service = 'AquaDeliveri';
		this.method = 'getOrdersURL';
		this.bom = false;
		this.serviceError = undefined;
		this.orders.clear();
		this.documents.length = 0;
		this.odataUrls.length = 0;
		this.nextNumber = 1;
	}

	/** Adds `count` customer-order documents made from the sandbox's generated orders. */
	addDocuments(count: number, start = new Date('2026-11-01T06:00:00Z')): Json[] {
		const added = this.sandbox.generator.orders(count, this.documents.length + 1, start).map((order) => {
			const lines = order.lines.map((line, i) => ({
				LineNumber: String(i + 1),
				Номенклатура_Key: guid(line.product.id),
				Количество: line.quantity,
				Цена: line.product.priceKopecks / 100,
				Сумма: (line.product.priceKopecks * line.quantity) / 100,
			}));
			return {
				Ref_Key: guid(1_000_000 + order.number),
				DataVersion: 'AAAAAQAAAAA=',
				DeletionMark: false,
				Number: String(order.number).padStart(11, '0'),
				Date: DateTime.fromJSDate(order.createdAt).setZone(this.timezone).toFormat("yyyy-MM-dd'T'HH:mm:ss"),
				Posted: true,
				Контрагент_Key: guid(2_000_000 + order.number),
				СуммаДокумента: lines.reduce((sum, line) => sum + line.Сумма, 0),
				Комментарий: order.comment,
				Товары: lines,
			};
		});
		this.documents.push(...added);
		return added;
	}

	private authorize(request: SandboxRequest): SandboxResponse | undefined {
		if (request.params[0] !== this.publication) {
			return { status: 404, headers: { 'Content-Type': 'text/html; charset=utf-8' }, text: NOT_FOUND_PAGE };
		}
		const basic = request.basic;
		if (!basic || this.users.get(basic.user) !== basic.password) {
			return { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="1C:Enterprise 8.3"' }, text: '' };
		}
		return undefined;
	}

	private receive(request: SandboxRequest): SandboxResponse {
		const refused = this.authorize(request);
		if (refused) return refused;
		const [, service, method] = request.params;
		if (service !== this.service || method !== this.method) {
			return { status: 404, text: `Не найден HTTP-сервис или метод: ${service}/${method}` };
		}
		if (this.serviceError !== undefined) return { status: 500, text: this.serviceError };
		if (!Array.isArray(request.body)) {
			return {
				status: 500,
				text: '{ОбщийМодуль.ОбменЗаказами.Модуль(42)}: Ошибка при вызове метода контекста (ПрочитатьJSON): Ошибка разбора JSON',
			};
		}
		const data: Record<string, WireResult> = {};
		for (const [index, raw] of (request.body as unknown[]).entries()) {
			const order = (raw ?? {}) as Json;
			const key = present(order.id) ? String(order.id) : `#${index}`;
			data[key] = this.receiveOne(order, key);
		}
		return this.json({ success: true, data }, `Basic ${request.basic!.user}`);
	}

	private receiveOne(order: Json, key: string): WireResult {
		const errors = requiredFieldErrors(order);
		if (Object.keys(errors).length > 0) return { success: false, data: errors };
		const { found: existing, unknownExternalId } = this.orders.target(key, order.external_id);
		if (unknownExternalId !== undefined) {
			return { success: false, data: { external_id: [`Не найден заказ с кодом «${unknownExternalId}».`] } };
		}
		const stored: Json = {
			id: existing ? existing.id : String(this.nextNumber++).padStart(9, '0'),
			external_id: key,
			status: order.status,
			total: order.total,
			shipping_date_from: this.localTime(order.shipping_date_from),
			shipping_date_to: this.localTime(order.shipping_date_to),
			// The seed: a line whose product 1C does not find becomes an empty line.
			order_item_list: (order.order_item_list as Json[]).map((line) => {
				const product = productOf(line.product_id);
				return product
					? { id: guid(product.id), product_id: guid(product.id), name: product.name, quantity: line.quantity, price: line.price }
					: { id: null, product_id: null, name: '', quantity: line.quantity, price: line.price };
			}),
			client: order.client,
			comment: order.comment ?? null,
		};
		this.orders.store(key, stored);
		return { success: true, data: [stored] };
	}

	/** 1C answers in its server's local time, "2019-11-06 14:00:00" (seed 001's example). */
	private localTime(value: unknown): unknown {
		const time = DateTime.fromISO(String(value).replace(' ', 'T'), { zone: this.timezone });
		return time.isValid ? time.setZone(this.timezone).toFormat('yyyy-MM-dd HH:mm:ss') : value;
	}

	private odata(request: SandboxRequest): SandboxResponse {
		const refused = this.authorize(request);
		if (refused) return refused;
		this.odataUrls.push(request.url);
		const entity = request.params[1];
		const root = `${this.sandbox.url}/${this.publication}/odata/standard.odata`;
		if (entity === '') {
			return this.json({ 'odata.metadata': `${root}/$metadata`, value: [{ name: 'Document_ЗаказПокупателя', url: 'Document_ЗаказПокупателя' }] });
		}
		if (entity !== 'Document_ЗаказПокупателя') return odataError(404, `Не найден ресурс "${entity}"`);
		// 1C reads '+' literally, so a filter encoded the form way does not parse.
		const rawQuery = request.url.split('?')[1] ?? '';
		if (rawQuery.includes('+')) return odataError(400, 'Ошибка разбора параметра $filter');
		if (request.query.$format !== 'json') {
			return { headers: { 'Content-Type': 'application/atom+xml' }, text: '<?xml version="1.0" encoding="UTF-8"?><feed/>' };
		}
		let rows = this.documents;
		const filter = request.query.$filter;
		if (typeof filter === 'string' && filter !== '') {
			const conditions = filter.split(' and ').map((part) => /^(\w+) (ge|le|gt|lt|eq) datetime'([^']+)'$/.exec(part.trim()));
			if (conditions.some((match) => !match)) return odataError(400, `Ошибка разбора параметра $filter: ${filter}`);
			rows = rows.filter((row) =>
				conditions.every((match) => {
					const [, field, operator, value] = match!;
					const actual = String(row[field] ?? '');
					return { ge: actual >= value, le: actual <= value, gt: actual > value, lt: actual < value, eq: actual === value }[operator];
				}),
			);
		}
		// Without $orderby 1C promises no order: the newest documents come first here.
		const orderBy = typeof request.query.$orderby === 'string' ? request.query.$orderby : '';
		rows = orderBy ? sortRows(rows, orderBy) : [...rows].reverse();
		const skip = Number(request.query.$skip ?? 0);
		const top = request.query.$top === undefined ? rows.length : Number(request.query.$top);
		return this.json({ 'odata.metadata': `${root}/$metadata#${entity}`, value: rows.slice(skip, skip + top) });
	}

	private json(value: unknown, auth?: string): SandboxResponse {
		if (!this.bom) return { json: value, auth };
		return { headers: { 'Content-Type': 'application/json; charset=utf-8' }, text: `\uFEFF${JSON.stringify(value)}`, auth };
	}
}

/** `$orderby=Date asc,Ref_Key desc`: the rows sorted by each field in turn. */
function sortRows(rows: Json[], orderBy: string): Json[] {
	const keys = orderBy.split(',').map((part) => {
		const [field, direction] = part.trim().split(/\s+/);
		return { field, sign: direction === 'desc' ? -1 : 1 };
	});
	return [...rows].sort((a, b) => {
		for (const { field, sign } of keys) {
			const [x, y] = [String(a[field] ?? ''), String(b[field] ?? '')];
			if (x !== y) return x < y ? -sign : sign;
		}
		return 0;
	});
}

function odataError(status: number, message: string): SandboxResponse {
	return { status, json: { 'odata.error': { code: '-1', message: { lang: 'ru', value: message } } } };
}

/** A stable GUID-shaped reference, as 1C's `Ref_Key`. */
function guid(n: number): string {
	const hex = n.toString(16).padStart(12, '0');
	return `00000000-0000-0000-0000-${hex}`;
}
