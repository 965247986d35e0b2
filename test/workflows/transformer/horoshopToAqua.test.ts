import { CATALOG } from '../../../sandbox/generator';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { runWorkflow } from '../../harness/runWorkflow';
import type { WorkflowNode } from '../../harness/runWorkflow';

/** The two steps both tests share: convert with the sandbox catalogue as product table, then import. */
const transformAndImport: WorkflowNode[] = [
	{
		name: 'Transform',
		type: 'orderTransformer',
		parameters: {
			from: 'horoshop',
			to: 'aqua',
			productMapping: 'table',
			productTable: { values: CATALOG.map((product) => ({ source: product.article, target: String(product.id) })) },
		},
		onError: 'continueErrorOutput',
	},
	{
		name: 'Aqua',
		type: 'aquaDelivery',
		parameters: { resource: 'order', operation: 'import', options: {} },
		credentials: ['aquaDeliveryApi'],
		onError: 'continueErrorOutput',
	},
];

describe('Horoshop orders -> Order Transformer -> Aqua Delivery import, on the real engine', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ seed: 11 });
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	const aquaCredentials = () => ({
		baseUrl: sandbox.url,
		signInMethod: 'login',
		login: sandbox.aqua.login,
		password: sandbox.aqua.password,
		sessionToken: '',
	});

	it('imports every order the transformer could convert, and routes the rest by order and field', async () => {
		const generated = sandbox.horoshop.addOrders(30, { start: new Date('2026-03-28T20:00:00Z') });
		// Two orders whose address is only a free-text line that cannot be split safely.
		const shopOrders = generated.map((order, index) =>
			index === 3 || index === 17 ? { ...order, delivery_data: null, additional_data: null, delivery_address: 'біля старого млина, синій паркан' } : order,
		);
		const result = await runWorkflow({
			items: shopOrders,
			nodes: [
				...transformAndImport,
			],
			connections: {
				Start: { main: [[{ node: 'Transform', type: 'main', index: 0 }]] },
				Transform: { main: [[{ node: 'Aqua', type: 'main', index: 0 }], []] },
			},
			credentials: {
				aquaDeliveryApi: aquaCredentials(),
			},
			timezone: 'Europe/Kyiv',
		});

		const converted = result.output('Transform', 0);
		const refused = result.output('Transform', 1);
		expect(converted.length).toBe(28);
		expect(refused.map((item) => item.pairedItem)).toEqual([{ item: 3 }, { item: 17 }]);
		for (const item of refused) {
			expect(item.json.error).toBe(
				`Order ${item.json.order_id}: shipping_address.house: the address "біля старого млина, синій паркан" could not be split into street and house safely, and Aqua needs them apart`,
			);
		}

		const imported = result.output('Aqua', 0);
		expect(result.output('Aqua', 1)).toEqual([]);
		expect(imported.map((item) => item.json.external_id)).toEqual(converted.map((item) => item.json.id));
		for (const item of converted) {
			const shop = shopOrders.find((order) => String(order.order_id) === item.json.id)!;
			const stored = sandbox.aqua.orders.get(String(item.json.id))!;
			const deliveryPrice = Number(shop.delivery_price);
			// Aqua's total includes delivery; Horoshop's total_sum does not (and -1 is the carrier's tariff).
			expect(Math.round(Number(stored.total) * 100)).toBe(
				Math.round(Number(shop.total_sum) * 100) + (deliveryPrice > 0 ? Math.round(deliveryPrice * 100) : 0),
			);
			// Placed on 28 March (winter time, UTC+2); the next day is 29 March, when Kyiv is on summer
			// time (UTC+3): 09:00-18:00 there is 06:00-15:00 UTC, not 07:00-16:00.
			expect([item.json.shipping_date_from, item.json.shipping_date_to]).toEqual(['2026-03-29T06:00:00Z', '2026-03-29T15:00:00Z']);
		}
	});

	it('imports Ukrposhta orders read without additionalData, whose address is only the "@" line (seed 002)', async () => {
		sandbox.horoshop.addOrders(40, { start: new Date('2026-11-20T08:00:00Z') });
		const ukrposhta = [...sandbox.horoshop.orders.values()].filter((order) => (order.delivery_type as { id: number }).id === 9);
		expect(ukrposhta.length).toBeGreaterThanOrEqual(3);

		const result = await runWorkflow({
			items: [{}],
			nodes: [
				{
					name: 'Horoshop',
					type: 'horoshop',
					parameters: { resource: 'order', operation: 'getAll', returnAll: true, filters: {}, options: {} },
					credentials: ['horoshopApi'],
				},
				...transformAndImport,
			],
			connections: {
				Start: { main: [[{ node: 'Horoshop', type: 'main', index: 0 }]] },
				Horoshop: { main: [[{ node: 'Transform', type: 'main', index: 0 }]] },
				Transform: { main: [[{ node: 'Aqua', type: 'main', index: 0 }], []] },
			},
			credentials: {
				horoshopApi: sandbox.horoshop.credentials(),
				aquaDeliveryApi: aquaCredentials(),
			},
			timezone: 'Europe/Kyiv',
		});

		const read = result.output('Horoshop', 0).filter((item) => ukrposhta.some((order) => order.order_id === item.json.order_id));
		expect(read.length).toBe(ukrposhta.length);
		for (const item of read) {
			expect(item.json.delivery_address).toMatch(/^[^@]+@[^@]+@[^@]+$/);
			expect(item.json.delivery_data).toBeUndefined();
		}
		expect(result.output('Transform', 1)).toEqual([]);
		expect(result.output('Aqua', 1)).toEqual([]);
		// Aqua checks that city, street, house and str are there, and took every order.
		const imported = result.output('Aqua', 0).map((item) => Number(item.json.external_id));
		expect(imported.sort((a, b) => a - b)).toEqual([...sandbox.horoshop.orders.keys()].sort((a, b) => a - b));
		for (const order of ukrposhta) {
			// The shop's own structured copy of the address (sent only with additionalData) is the yardstick.
			const doors = (order.delivery_data as { destination: { address: { street: { name: string }; buildingNumber: string; flatNumber: string } } })
				.destination.address;
			const sent = result.output('Transform', 0).find((item) => item.json.id === String(order.order_id))!;
			expect(sent.json.shipping_address).toEqual({
				city: order.delivery_city,
				street: doors.street.name,
				house: doors.buildingNumber,
				entrance: null,
				floor: null,
				room: doors.flatNumber,
				str: `${doors.street.name}, ${doors.buildingNumber}, кв. ${doors.flatNumber}`,
			});
		}
	});
});
