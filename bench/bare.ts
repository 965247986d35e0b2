/**
 * The floor for bench/n8n.ts: the requests of the Horoshop -> Aqua job from plain Node, no n8n.
 * Signs in to Aqua and Horoshop, reads orders/get 500 at a time until a short or empty page,
 * converts with the core-node workflow's own Code node text (bench/workflows/convertAndChunk.js),
 * and imports the batches with 2 requests in flight. Prints one JSON line: ms and peak RSS.
 *
 * Run by bench/n8n.ts: node bench/bare.ts '<json settings>' (Node 24 strips the types).
 */
import { readFileSync } from 'node:fs';

interface Settings {
	/** Path of the Code node's text. */
	codeFile: string;
	aquaUrl: string;
	aquaLogin: string;
	aquaPassword: string;
	shopUrl: string;
	shopLogin: string;
	shopPassword: string;
}

type Json = Record<string, any>;

const PAGE_SIZE = 500;
const IN_FLIGHT = 2;

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Json> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify(body),
	});
	if (!response.ok) throw new Error(`POST ${url}: HTTP ${response.status}`);
	return (await response.json()) as Json;
}

async function main(settings: Settings): Promise<void> {
	const code = readFileSync(settings.codeFile, 'utf8');
	const convertAndChunk = new Function('$input', code) as (input: { all(): Array<{ json: Json }> }) => Array<{ json: Json }>;
	const started = performance.now();

	const aqua = await post(`${settings.aquaUrl}/v1/auth/login`, { login: settings.aquaLogin, password: settings.aquaPassword });
	const authorization = `Bearer ${aqua.data.auth_key}`;
	const shop = await post(`${settings.shopUrl}/api/auth`, { login: settings.shopLogin, password: settings.shopPassword });
	const pages: Json[] = [];
	for (let offset = 0; ; offset += PAGE_SIZE) {
		const page = await post(`${settings.shopUrl}/api/orders/get`, { token: shop.response.token, limit: PAGE_SIZE, offset });
		pages.push(page);
		if (page.status !== 'OK' || page.response.orders.length < PAGE_SIZE) break;
	}
	const batches = convertAndChunk({ all: () => pages.map((json) => ({ json })) });

	let next = 0;
	const importer = async () => {
		while (next < batches.length) {
			const batch = batches[next++];
			await post(`${settings.aquaUrl}/v1/order/import/`, batch.json.orders, { authorization });
		}
	};
	await Promise.all(Array.from({ length: IN_FLIGHT }, importer));

	const ms = performance.now() - started;
	console.log(JSON.stringify({ ms, peakRssKb: process.resourceUsage().maxRSS }));
}

main(JSON.parse(process.argv[2]) as Settings).catch((error: Error) => {
	console.error(error.stack ?? error.message);
	process.exit(1);
});
