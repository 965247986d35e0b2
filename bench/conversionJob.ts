import { defaultSettings } from '../nodes/shared/orders/transform';
import type { TransformSettings } from '../nodes/shared/orders/transform';
import { CATALOG } from '../sandbox/generator';
import { Sandbox } from '../sandbox/server';

/**
 * What the conversion benchmarks convert: `count` generated Horoshop orders to Aqua import orders,
 * the Transformer's defaults with the catalogue's articles mapped to Aqua's product ids.
 */
export function horoshopToAquaJob(count: number): { orders: unknown[]; settings: TransformSettings } {
	const orders = new Sandbox({ seed: 7 }).horoshop.addOrders(count, { start: new Date('2026-03-28T06:00:00Z') });
	const settings: TransformSettings = {
		...defaultSettings('horoshop', 'aqua', 'Europe/Kyiv', new Date().toISOString()),
		products: {
			key: 'article',
			lookup: Object.fromEntries(CATALOG.map((product) => [product.article, `aqua-${product.id}`])),
			unknown: 'error',
		},
	};
	return { orders, settings };
}
