// The Code node of core-nodes.json (Run Once for All Items), as a user writes it: the pages
// Horoshop's orders/get answered, converted to orders for Aqua-delivery's import, 50 to an item.
// No checks beyond what Aqua itself refuses. bench/n8n.ts puts this text into the workflow, and
// its bare script runs the same text, so both do the same work.
const PRODUCTS = { 'WTR-19': '1', 'WTR-6': '2', 'WTR-1.5': '3', 'PMP-01': '4', 'CUP-100': '5', 'CLR-01': '6', 'SET-START': '7', 'GIFT-CUP': '8' };
const STATUSES = { 1: 'new', 2: 'approved', 3: 'completed', 4: 'removed', 5: 'removed', 6: 'approved' };
const KYIV_OFFSET_HOURS = 3;

function toAquaOrder(order) {
	const created = new Date(`${order.stat_created.replace(' ', 'T')}+0${KYIV_OFFSET_HOURS}:00`);
	const from = new Date(created.getTime() + 24 * 3600 * 1000);
	const [street, house, flat] = String(order.delivery_address).split(/, (?:кв\. )?|@/);
	const deliveryCost = order.delivery_price > 0 ? Number(order.delivery_price) : 0;
	return {
		id: String(order.order_id),
		status: STATUSES[order.stat_status] || 'new',
		created_at: created.toISOString().slice(0, 19) + 'Z',
		total: Number(order.total_sum) + deliveryCost,
		delivery_cost: deliveryCost,
		shipping_date_from: from.toISOString().slice(0, 19) + 'Z',
		shipping_date_to: new Date(from.getTime() + 9 * 3600 * 1000).toISOString().slice(0, 19) + 'Z',
		comment: order.comment || null,
		order_item_list: order.products
			.filter((product) => product.type !== 'set_item')
			.map((product) => ({
				id: String(product.storage_id),
				product_id: PRODUCTS[product.article] || product.article,
				name: product.title,
				price: Number(product.price),
				quantity: Number(product.quantity),
			})),
		client: {
			id: order.user ? String(order.user) : undefined,
			username: order.delivery_name,
			phone: String(order.delivery_phone).replace(/\D/g, ''),
			emai: order.delivery_email,
		},
		shipping_address: {
			city: order.delivery_city,
			street,
			house: house || '-',
			room: flat || null,
			str: order.delivery_address,
		},
	};
}

const BATCH_SIZE = 50;
const orders = $input.all().flatMap((page) => (page.json.response && page.json.response.orders) || []).map(toAquaOrder);
const batches = [];
for (let i = 0; i < orders.length; i += BATCH_SIZE) batches.push({ json: { orders: orders.slice(i, i + BATCH_SIZE) } });
return batches;
