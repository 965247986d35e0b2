import type { INodeProperties } from 'n8n-workflow';

import { failExecutionOption } from '../shared/results/itemResults';

const pairs = (name: string, displayName: string, fields: INodeProperties[]): INodeProperties => ({
	displayName: 'Values',
	name,
	type: 'fixedCollection',
	placeholder: `Add ${displayName}`,
	typeOptions: { multipleValues: true },
	default: {},
	options: [{ displayName, name: 'values', values: fields }],
});

export const transformerProperties: INodeProperties[] = [
	{
		displayName: 'From',
		name: 'from',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: '1C', value: 'onec', description: 'Orders in the 1C exchange format (getOrdersURL)' },
			{ name: 'Aqua Delivery', value: 'aqua', description: 'Orders in the Aqua-delivery import format' },
			{ name: 'Canonical', value: 'canonical', description: 'Orders this node produced with To: Canonical' },
			{ name: 'Horoshop', value: 'horoshop', description: 'Orders as the Horoshop node gets them (orders/get)' },
			{ name: 'SaleApp', value: 'saleapp', description: 'Orders as the SaleApp node gets them' },
		],
		default: 'horoshop',
		description: 'The format of the incoming orders',
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: '1C', value: 'onec', description: 'Orders for the 1C HTTP service' },
			{ name: 'Aqua Delivery Import', value: 'aqua', description: 'Orders for Aqua-delivery’s order import' },
			{ name: 'Canonical', value: 'canonical', description: 'One neutral order model: exact money in kopecks, international phones' },
			{ name: 'SaleApp Create', value: 'saleapp', description: 'Orders for the SaleApp node’s Create operation' },
		],
		default: 'aqua',
		description: 'The format to convert the orders to',
	},
	{
		displayName: 'Product Mapping',
		name: 'productMapping',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'None', value: 'none', description: 'Send each product’s key as it is' },
			{ name: 'Table', value: 'table', description: 'List source keys and the target’s product IDs here' },
			{ name: 'Lookup Object', value: 'lookup', description: 'An expression returning {"source key": "target product ID"}' },
		],
		default: 'none',
		description: 'How products of the source are found in the target system',
	},
	{
		displayName: 'Match Products By',
		name: 'productKey',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Article', value: 'article' },
			{ name: 'Default for the Source', value: 'auto', description: 'Horoshop: article; SaleApp: SKU; Aqua and 1C: product ID; canonical: the first key a line has' },
			{ name: 'External ID', value: 'externalId' },
			{ name: 'Product ID', value: 'id' },
			{ name: 'SKU', value: 'sku' },
		],
		default: 'auto',
		description: 'Which key of the source’s products is looked up or sent',
	},
	{
		...pairs('productTable', 'Product', [
			{ displayName: 'Source Key', name: 'source', type: 'string', default: '', placeholder: 'e.g. 10000001' },
			{ displayName: 'Target Product ID', name: 'target', type: 'string', default: '', placeholder: 'e.g. 78e66cef-ae2c-11e6-9bf1-f8a9634f667f' },
		]),
		displayName: 'Products',
		displayOptions: { show: { productMapping: ['table'] } },
	},
	{
		displayName: 'Lookup Object',
		name: 'productLookup',
		type: 'json',
		default: '{}',
		placeholder: 'e.g. {"10000001": "78e66cef-ae2c-11e6-9bf1-f8a9634f667f"}',
		description: 'An object from source key to target product ID, e.g. built by an earlier node. Read once for all items.',
		displayOptions: { show: { productMapping: ['lookup'] } },
	},
	{
		displayName: 'Unknown Products',
		name: 'unknownProducts',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Send Order to Error Output', value: 'error' },
			{ name: 'Drop the Line', value: 'drop', description: 'The order goes on without it; its total is lowered and a note says so' },
			{ name: 'Send the Source Key', value: 'passThrough', description: 'The target may know it; a note says so' },
		],
		default: 'error',
		description: 'What to do with a product the mapping does not know',
		displayOptions: { hide: { productMapping: ['none'] } },
	},
	{
		displayName: 'Sets',
		name: 'sets',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Send the Set as One Line', value: 'setLine', description: 'A set counts once, at its own price; its items are left out' },
			{
				name: 'Send the Set’s Items',
				value: 'items',
				description: 'The set’s price is spread over its items in proportion to their own prices, to the kopeck',
			},
		],
		default: 'setLine',
		description: 'How Horoshop sets (set_main with its set_item lines) are sent',
	},
	{
		displayName: 'Gifts',
		name: 'gifts',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Keep at Their Price (Usually 0)', value: 'keep' },
			{ name: 'Drop', value: 'drop' },
		],
		default: 'keep',
		description: 'What to do with gift lines',
	},
	{
		...pairs('statusMap', 'Status', [
			{ displayName: 'Source Status', name: 'source', type: 'string', default: '', placeholder: 'e.g. 6' },
			{ displayName: 'Target Status', name: 'target', type: 'string', default: '', placeholder: 'e.g. approved' },
		]),
		displayName: 'Status Map',
		description:
			'Overrides the default status for these source statuses. Defaults: Horoshop 1 → new, 2 and 6 → approved, 3 → completed, 4 → removed; SaleApp 0 → new, 1 and 2 → approved.',
	},
	{
		...pairs('paymentMap', 'Payment Type', [
			{ displayName: 'Source Payment', name: 'source', type: 'string', default: '', placeholder: 'e.g. 14 or Онлайн-оплата', description: 'The source’s payment ID or title' },
			{ displayName: 'Target Payment Type', name: 'target', type: 'string', default: '', placeholder: 'e.g. card' },
		]),
		displayName: 'Payment Map',
		description:
			'Payment types for Aqua and 1C. Without an entry, Horoshop payments 11 and 13 become cash and Aqua/1C types are kept; others are left empty with a note.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Country for Local Phones',
				name: 'homeCountry',
				type: 'options',
				options: [
					{ name: 'Ukraine (+380)', value: 'UA' },
					{ name: 'Russia (+7)', value: 'RU' },
				],
				default: 'UA',
				description: 'Country assumed for phones written without a country code, like 067 123 45 67',
			},
			{
				displayName: 'Default City',
				name: 'defaultCity',
				type: 'string',
				default: '',
				placeholder: 'e.g. Київ',
				description: 'City used when an order has none',
			},
			{
				displayName: 'Delivery Days After Order',
				name: 'deliveryDays',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 1,
				description: 'For orders without a delivery window: days after the order was placed (0 = same day)',
			},
			{
				displayName: 'Delivery From',
				name: 'windowFrom',
				type: 'string',
				default: '09:00',
				description: 'For orders without a delivery window: start time (HH:mm, in the source’s timezone)',
			},
			{
				displayName: 'Delivery To',
				name: 'windowTo',
				type: 'string',
				default: '18:00',
				description: 'For orders without a delivery window: end time (HH:mm, in the source’s timezone)',
			},
			failExecutionOption,
			{
				displayName: 'Receiver’s Order ID',
				name: 'receiverOrderId',
				type: 'string',
				default: '',
				placeholder: 'e.g. {{ $json.aquaOrderId }}',
				description:
					'For Aqua and 1C: the ID they gave this order on an earlier import, from wherever you keep it. Sent as external_id so the order is updated, not created twice.',
			},
			{
				displayName: 'SaleApp Delivery Type',
				name: 'saleAppDeliveryType',
				type: 'options',
				options: [
					{ name: 'Pickup', value: 1 },
					{ name: 'Own Delivery', value: 2 },
					{ name: 'Nova Poshta Branch', value: 3 },
					{ name: 'Nova Poshta Address', value: 5 },
				],
				default: 2,
				description: 'For SaleApp Create: the delivery type of orders whose source does not say',
			},
			{
				displayName: 'SaleApp Product Field',
				name: 'saleAppProductField',
				type: 'options',
				options: [
					{ name: 'SKU', value: 'sku' },
					{ name: 'Product ID', value: 'id' },
					{ name: 'External ID', value: 'external_id' },
					{ name: 'Supplier Code', value: 'supplier_id' },
				],
				default: 'sku',
				description: 'For SaleApp Create: which SaleApp product field gets the product key',
			},
			{
				displayName: 'Source Timezone',
				name: 'timezone',
				type: 'string',
				default: '',
				placeholder: 'e.g. Europe/Kyiv',
				description:
					'Timezone of times the source writes without an offset (Horoshop writes shop-local time). Empty: the source’s own, Europe/Kyiv for Horoshop, SaleApp and 1C, Europe/Moscow for Aqua; never the workflow’s.',
			},
			{
				displayName: 'Target Currency',
				name: 'currency',
				type: 'string',
				default: 'UAH',
				placeholder: 'e.g. UAH',
				description:
					'ISO code of the currency Aqua, 1C or SaleApp keeps its prices in (their orders state none). An order the source states in another currency (Horoshop’s currency, Canonical money.currency) goes to the error output: amounts are never converted.',
			},
			{
				displayName: 'Totals That Do Not Add Up',
				name: 'totals',
				type: 'options',
				options: [
					{ name: 'Send Order to Error Output', value: 'error' },
					{ name: 'Pass On with a Note', value: 'flag', description: 'The total is sent as the source stated it' },
				],
				default: 'error',
				description:
					'When the stated total is not the lines minus discounts plus delivery, and (to SaleApp) when the order discount cannot be spread over the lines’ discount_percent to the kopeck',
			},
		],
	},
];
