import type { Sandbox } from '../../sandbox/server';

/**
 * What the demo's fake systems hold when it starts: a dozen shop orders of the last two hours
 * (one with a product the Horoshop -> Aqua template's table does not know, so the error output
 * has something to show), three of them new for the Horoshop -> SaleApp template, and a few
 * SaleApp orders for the SaleApp -> 1C template.
 */
export function seedDemoData(sandbox: Sandbox): void {
	const start = new Date(Date.now() - 2 * 3_600_000);
	sandbox.horoshop.addOrders(9, { start });
	sandbox.horoshop.addOrders(3, { start: new Date(start.getTime() + 30 * 60_000), overrides: { stat_status: 1 } });
	sandbox.horoshop.addOrders(1, {
		start: new Date(Date.now() - 30 * 60_000),
		overrides: {
			products: [
				{
					title: 'Фільтр-глечик (немає в таблиці товарів)',
					article: 'FLT-07',
					price: 420,
					quantity: 1,
					discount_marker: 'NONE',
					storage_id: 9001,
					parent_storage_id: null,
					total_price: 420,
				},
			],
			total_default: 420,
			total_sum: 420,
			total_quantity: 1,
			delivery_price: 0,
		},
	});
	const customers = [
		{ receiverName: 'Петро Іваненко', receiverPhone: '380671234567', city: 'Київ', address: 'вул. Хрещатик, 22' },
		{ receiverName: 'Ольга Шевченко', receiverPhone: '380501112233', city: 'Львів', address: 'вул. Городоцька, 15' },
		{ receiverName: 'Андрій Мельник', receiverPhone: '380931234567', city: 'Одеса', address: 'вул. Дерибасівська, 7' },
	];
	for (const customer of customers) sandbox.saleapp.seedOrder({ ...customer, deliveryType: 2 });
}
