import fc from 'fast-check';

import * as aqua from '../../../nodes/shared/orders/aqua/mapping';
import type { CanonicalOrder } from '../../../nodes/shared/orders/canonical';
import * as horoshop from '../../../nodes/shared/orders/horoshop/mapping';
import * as onec from '../../../nodes/shared/orders/onec/mapping';
import { lineTotal } from '../../../nodes/shared/orders/policies';
import { Problems } from '../../../nodes/shared/orders/problems';
import * as saleapp from '../../../nodes/shared/orders/saleapp/mapping';
import type { SaleAppCreateOrder } from '../../../nodes/shared/orders/saleapp/schema';
import { statusCodeFor } from '../../../nodes/shared/orders/status';
import { toLocalText } from '../../../nodes/shared/orders/time';
import { defaultSettings, transformOrder } from '../../../nodes/shared/orders/transform';
import { exchangeOrder, horoshopOrder, saleAppOrder, strip } from './fixtures/arbitraries';
import { undefinedPaths } from './fixtures/paths';

const RUNS = { numRuns: 1000 };

function ok<T>(value: T | undefined, problems: Problems): T {
	if (value === undefined || problems.failed) throw new Error(JSON.stringify(problems.errors));
	return value;
}

/** What the Aqua / 1C exchange format holds of an order. */
function exchangeView(order: CanonicalOrder, system: 'aqua' | 'onec') {
	return {
		id: order.id,
		receiverId: order.ids[system],
		state: order.status?.state,
		createdAt: order.createdAt,
		customer: strip({ ...order.customer, phones: order.customer.phones.slice(0, 1) }),
		address: order.address,
		delivery: order.delivery,
		lines: order.lines.map((line) =>
			strip({
				lineId: system === 'aqua' ? line.lineId : undefined,
				aquaLineId: line.aquaLineId,
				productId: line.targetProductId ?? line.product.id,
				name: line.name,
				quantity: line.quantity,
				unitPrice: line.unitPrice,
			}),
		),
		money: order.money,
		payment: order.payment.code,
		comment: order.comment,
		askForCheckout: order.askForCheckout,
		returnedBottles: order.returnedBottles,
	};
}

describe.each(['aqua', 'onec'] as const)('round trip canonical -> %s -> canonical', (system) => {
	const mapping = system === 'aqua' ? aqua : onec;

	it('keeps every field the format holds, with exact money', () => {
		fc.assert(
			fc.property(exchangeOrder(system), (order) => {
				const problems = new Problems();
				const state = order.status?.state;
				const context = { status: state && statusCodeFor(system, state), paymentType: order.payment.code };
				const wire = ok(mapping.fromCanonical(order, context, problems), problems);

				// The amounts on the wire are the kopecks divided by 100, nothing lost to floats.
				expect(Math.round(wire.total * 100)).toBe(order.money.total);
				expect(wire.total).toBe((order.money.total as number) / 100);
				const wireSum = wire.order_item_list.reduce((sum, item) => sum + Math.round(item.price * 100) * item.quantity, 0);
				expect(wireSum).toBe(order.lines.reduce((sum, line) => sum + lineTotal(line), 0));

				const back = ok(mapping.toCanonical(JSON.parse(JSON.stringify(wire)), { timezone: order.timezone, homeCountry: 'UA' }, problems), problems);
				expect(exchangeView(back, system)).toEqual(exchangeView(order, system));
			}),
			RUNS,
		);
	});
});

/** Answers a create the way SaleApp's GET shows the order afterwards: numbers as strings. */
function asSaleAppGet(create: SaleAppCreateOrder, id: number) {
	return {
		id: String(id),
		number: String(1000 + id),
		external_id: create.external_id,
		status_id: '0',
		delivery_types: String(create.delivery_types),
		receiver_name: create.receiver_name,
		receiver_phone: create.receiver_phone,
		city: create.city,
		city_ref: create.city_ref ?? '',
		addres: create.addres,
		branch_ref: create.branch_ref ?? '',
		insurance_amount: create.insurance_amount === undefined ? '' : String(create.insurance_amount),
		delivery_amount: create.delivery_amount === undefined ? '' : String(create.delivery_amount),
		type: create.type ? create.type.split(',').map((tag) => ({ id: tag, name: `tag ${tag}` })) : [],
		products: create.products.map((line, index) => ({
			id: String(index + 1),
			sku: line.sku,
			external_id: '0',
			qty: String(line.qty),
			cost: String(line.cost),
			discount_percent: String(line.discount_percent ?? 0),
		})),
		date_entered: '2022-09-04 20:17:34',
	};
}

/** What a SaleApp create holds of an order. */
function saleAppView(order: CanonicalOrder) {
	return {
		externalId: order.source === 'saleapp' ? order.ids.external : order.id,
		method: order.delivery.method,
		customer: { name: order.customer.name, phones: order.customer.phones },
		city: order.address.city,
		line: order.address.line,
		carrier: order.address.carrier,
		lines: order.lines.map((line) => ({
			sku: line.targetProductId ?? line.product.sku,
			quantity: line.quantity,
			unitPrice: line.unitPrice,
			discountPercent: line.discountPercent,
			total: lineTotal(line),
		})),
		money: order.money,
		tags: order.tags?.map((tag) => tag.id),
	};
}

describe('round trip canonical -> SaleApp create -> SaleApp GET -> canonical', () => {
	it('keeps every field a create holds, with exact money and fractional quantities', () => {
		fc.assert(
			fc.property(saleAppOrder, fc.integer({ min: 1, max: 1e6 }), (order, id) => {
				const problems = new Problems();
				const create = ok(saleapp.fromCanonical(order, { productField: 'sku', deliveryType: 2 }, problems), problems);
				for (const [index, line] of create.products.entries()) {
					expect(Math.round(line.cost * 100)).toBe(order.lines[index].unitPrice);
				}
				const back = ok(saleapp.toCanonical(asSaleAppGet(create, id), { timezone: order.timezone, homeCountry: 'UA' }, problems), problems);
				expect(back.ids).toMatchObject({ saleapp: String(id), external: order.id });
				expect(saleAppView(back)).toEqual(saleAppView(order));
			}),
			RUNS,
		);
	});
});

/** What Horoshop's orders/get holds of an order: times as shop wall-clock text. */
function horoshopView(order: CanonicalOrder) {
	return {
		...order,
		source: undefined,
		status: order.status?.state,
		createdAt: order.createdAt && toLocalText(order.createdAt, order.timezone),
		lines: order.lines.map((line) => ({ ...line, targetProductId: undefined })),
	};
}

describe('round trip canonical -> Horoshop orders/get -> canonical', () => {
	it('keeps sets, gifts, discounts and money exact', () => {
		fc.assert(
			fc.property(horoshopOrder, (order) => {
				const problems = new Problems();
				const wire = horoshop.fromCanonical(order);
				const back = ok(horoshop.toCanonical(JSON.parse(JSON.stringify(wire)), { timezone: order.timezone, homeCountry: 'UA' }, problems), problems);
				expect(horoshopView(back)).toEqual(horoshopView(order));
				expect(back.money.total).toBe(order.money.total);
				// What the shop order does not have is left out, not kept as undefined.
				const { customer, address, delivery, lines, money, payment, status } = back;
				expect(undefinedPaths({ customer, address, delivery, lines, money, payment, status })).toEqual([]);
			}),
			RUNS,
		);
	});
});

describe('Horoshop -> Aqua through the whole transform, sets spread over their items', () => {
	it('sends lines that add up to the total to the kopeck', () => {
		fc.assert(
			fc.property(horoshopOrder, (order) => {
				const wire = JSON.parse(JSON.stringify(horoshop.fromCanonical(order)));
				// Aqua kept in the order's own currency: the currency check is tested on its own.
				const currency = order.money.currency ?? 'UAH';
				const settings = { ...defaultSettings('horoshop', 'aqua', order.timezone, '2026-01-01T00:00:00Z'), sets: 'items' as const, currency };
				const result = transformOrder(wire, settings);
				if (!result.ok) throw new Error(JSON.stringify(result.errors));
				const output = result.output as { total: number; delivery_cost?: number; order_item_list: Array<{ price: number; quantity: number }> };
				const lines = output.order_item_list.reduce((sum, item) => sum + Math.round(item.price * 100) * item.quantity, 0);
				const delivery = Math.round((output.delivery_cost ?? 0) * 100);
				// Aqua has no discount field: the order-level discount is the one gap between lines and total.
				expect(Math.round(output.total * 100)).toBe(lines - (order.money.discount ?? 0) + delivery);
				expect(output.total).toBe((order.money.total as number) / 100);
			}),
			RUNS,
		);
	});
});
