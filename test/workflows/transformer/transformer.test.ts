import { runWorkflow } from '../../harness/runWorkflow';
import { horoshopExample } from '../../fixtures/seedExamples';

const badPhone = { ...horoshopExample, order_id: 8, delivery_phone: '12345' };
const unknownProduct = {
	...horoshopExample,
	order_id: 9,
	products: [{ title: 'Новинка', article: 'NEW-1', price: 50, quantity: 2, total_price: 100 }],
	total_sum: 100,
};

const productTable = {
	values: [
		{ source: '10000001', target: 'aqua-1' },
		{ source: '10000013', target: 'aqua-13' },
		{ source: 'test_set_123', target: 'aqua-set' },
	],
};

function transformer(parameters: Record<string, unknown>, onError?: 'continueErrorOutput') {
	return {
		name: 'Transform',
		type: 'orderTransformer',
		parameters: { from: 'horoshop', to: 'aqua', productMapping: 'table', productTable, ...parameters },
		onError,
	};
}

describe('Order Transformer on the real n8n engine', () => {
	it('converts good orders and sends each bad one to the error output, naming order and field', async () => {
		const result = await runWorkflow({
			items: [horoshopExample, badPhone, unknownProduct],
			nodes: [transformer({}, 'continueErrorOutput')],
			timezone: 'Europe/Kyiv',
		});

		const [converted] = result.output('Transform', 0);
		expect(result.output('Transform', 0)).toHaveLength(1);
		expect(converted.pairedItem).toEqual({ item: 0 });
		expect(converted.json).toMatchObject({
			id: '7',
			status: 'approved',
			total: 3413,
			shipping_date_from: '2021-04-10T06:00:00Z',
			client: { phone: '380555555555', username: 'John Doe' },
		});
		expect((converted.json.order_item_list as Array<{ product_id: string }>).map((line) => line.product_id)).toEqual([
			'aqua-1',
			'aqua-13',
			'aqua-set',
		]);
		expect(converted.json.transformNotes).toEqual([
			'delivery_price: -1: the carrier charges its own tariff, so no delivery cost is in the total',
			'delivery_address: is a carrier branch ("Отделение №13 (до 30 кг на одно место)"); street and house are the branch\'s',
		]);

		const failed = result.output('Transform', 1);
		expect(failed.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 2 }]);
		expect(failed[0].json.error).toBe('Order 8: delivery_phone: "12345" has no country code and is not a Ukrainian number');
		expect(failed[0].json.order_id).toBe(8);
		expect(failed[1].json.error).toBe('Order 9: lines[0].product.article: "NEW-1" is not in the product map (Новинка)');
		expect(failed[1].json.details).toMatchObject({
			errorKind: 'invalid',
			orderId: '9',
			problems: [{ field: 'lines[0].product.article', message: '"NEW-1" is not in the product map (Новинка)' }],
		});

		// The input items reach the node untouched and stay so.
		expect(result.output('Start', 0).map((item) => item.json)).toEqual([horoshopExample, badPhone, unknownProduct]);
	});

	it('takes the product map from an expression and reads Horoshop times in shop time, not the workflow\'s', async () => {
		const winterOrder = { ...horoshopExample, stat_created: '2021-01-15 12:09:01' };
		const result = await runWorkflow({
			items: [winterOrder],
			nodes: [
				transformer({
					productMapping: 'lookup',
					productLookup: '={{ { "10000001": "A1", "test_set_123": "SET" } }}',
					unknownProducts: 'drop',
				}),
			],
			// n8n's default workflow timezone; the shop writes Kyiv time all the same.
			timezone: 'America/New_York',
		});

		const [converted] = result.output('Transform', 0);
		// In January Kyiv is UTC+2: 12:09 is 10:09 UTC, the next day's 09:00 is 07:00 UTC.
		expect(converted.json.created_at).toBe('2021-01-15T10:09:01Z');
		expect(converted.json.shipping_date_from).toBe('2021-01-16T07:00:00Z');
		expect(converted.json.shipping_date_to).toBe('2021-01-16T16:00:00Z');
		expect(converted.json.order_item_list).toEqual([
			{ product_id: 'A1', price: 1001, quantity: 1, id: '41', name: 'Товар 1' },
			{ product_id: 'SET', price: 2412, quantity: 1, id: '43', name: 'Тестовый комплект' },
		]);
		expect(converted.json.total).toBe(3413);
		expect(converted.json.transformNotes).toContain(
			'lines[1].product.article: "10000013" is not in the product map (Товар 13); line dropped',
		);
	});

	it('reads the source\'s times in the Source Timezone when one is set', async () => {
		const winterOrder = { ...horoshopExample, stat_created: '2021-01-15 12:09:01' };
		const result = await runWorkflow({
			items: [winterOrder],
			nodes: [transformer({ options: { timezone: 'Europe/Moscow' } })],
			timezone: 'America/New_York',
		});
		// Moscow is UTC+3: 12:09 is 09:09 UTC.
		expect(result.output('Transform', 0)[0].json.created_at).toBe('2021-01-15T09:09:01Z');
	});

	it('sends back the id Aqua gave an order before, read per order from an expression', async () => {
		const again = { ...horoshopExample, order_id: 8, aquaOrderId: 50894 };
		const result = await runWorkflow({
			items: [horoshopExample, again],
			nodes: [transformer({ options: { receiverOrderId: '={{ $json.aquaOrderId ?? "" }}' } })],
		});

		expect(result.output('Transform', 0).map((item) => [item.json.id, item.json.external_id])).toEqual([
			['7', null],
			['8', 50894],
		]);
	});

	it('an order in another currency than the target keeps goes to the error output naming the field and the currency', async () => {
		const inDollars = { ...horoshopExample, order_id: 8, currency: 'USD' };

		const inHryvnias = await runWorkflow({ items: [horoshopExample, inDollars], nodes: [transformer({}, 'continueErrorOutput')] });
		expect(inHryvnias.output('Transform', 0).map((item) => item.json.id)).toEqual(['7']);
		expect(inHryvnias.output('Transform', 1).map((item) => [item.json.error, item.pairedItem])).toEqual([
			[
				'Order 8: currency: the order is in USD, but Aqua Delivery takes its amounts in UAH (the Target Currency option); amounts are not converted',
				{ item: 1 },
			],
		]);

		const inDollarsToo = await runWorkflow({
			items: [horoshopExample, inDollars],
			nodes: [transformer({ options: { currency: 'usd' } }, 'continueErrorOutput')],
		});
		expect(inDollarsToo.output('Transform', 0).map((item) => [item.json.id, item.json.total])).toEqual([['8', 3413]]);
		expect(String(inDollarsToo.output('Transform', 1)[0].json.error)).toContain('Order 7: currency: the order is in UAH');
	});

	it('a Target Currency that is not a currency code stops the node naming it', async () => {
		const result = await runWorkflow({ items: [horoshopExample], nodes: [transformer({ options: { currency: 'грн' } })] });

		expect(result.nodeError('Transform')?.message).toBe('Target Currency "грн" is not a three-letter currency code like UAH');
	});

	it('stops naming the item when the node is not set to continue on error', async () => {
		const result = await runWorkflow({ items: [horoshopExample, badPhone], nodes: [transformer({})] });

		const error = result.nodeError('Transform') as Error & { context?: { itemIndex?: number } };
		expect(error.message).toContain('Order 8: delivery_phone');
		expect(error.context?.itemIndex).toBe(1);
	});
});
