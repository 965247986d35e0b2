import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

import { FaultPlans } from './faults';
import type { FaultPlan } from './faults';
import { OrderGenerator } from './generator';
import { Random } from './random';
import { RequestLog } from './requestLog';
import { AquaFake } from './systems/aqua';
import { HoroshopFake } from './systems/horoshop';
import { OneCFake } from './systems/onec';
import { SaleAppFake } from './systems/saleapp';

export interface SandboxRequest {
	method: string;
	path: string;
	/** The request target as sent, still percent-encoded (to check how a client encodes). */
	url: string;
	query: Record<string, string | string[]>;
	headers: IncomingMessage['headers'];
	/** Parsed JSON or form fields; the raw text when neither parses. */
	body: unknown;
	rawBody: string;
	/** HTTP Basic user and password, decoded as UTF-8. */
	basic?: { user: string; password: string };
	bearer?: string;
	/** Values captured by the route's path pattern. */
	params: string[];
}

export interface SandboxResponse {
	status?: number;
	headers?: Record<string, string>;
	json?: unknown;
	text?: string;
	/** Put into the request log as the caller's identity. */
	auth?: string;
}

export type RouteHandler = (request: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

interface Route {
	name: string;
	method: string;
	pattern: RegExp;
	handler: RouteHandler;
	/** How this system answers an expired token, for the "tokenExpired" fault. */
	tokenExpired?: () => SandboxResponse;
}

export interface SandboxOptions {
	port?: number;
	seed?: number;
}

/**
 * The local fakes of the four APIs in one HTTP server on 127.0.0.1, with a request log,
 * fault plans per route and a control endpoint under /__sandbox/.
 */
export class Sandbox {
	readonly log = new RequestLog();

	readonly random: Random;

	readonly faults: FaultPlans;

	readonly generator: OrderGenerator;

	readonly aqua: AquaFake;

	readonly onec: OneCFake;

	readonly horoshop: HoroshopFake;

	readonly saleapp: SaleAppFake;

	private readonly routes: Route[] = [];

	private server?: Server;

	private readonly sockets = new Set<Socket>();

	constructor(private readonly options: SandboxOptions = {}) {
		const seed = options.seed ?? 42;
		this.random = new Random(seed);
		this.faults = new FaultPlans(this.random);
		this.generator = new OrderGenerator(seed);
		this.aqua = new AquaFake(this);
		this.onec = new OneCFake(this);
		this.horoshop = new HoroshopFake(this);
		this.saleapp = new SaleAppFake(this);
	}

	/** Registers a route; `path` is exact, or a RegExp whose groups become `params`. */
	route(
		name: string,
		method: string,
		path: string | RegExp,
		handler: RouteHandler,
		tokenExpired?: () => SandboxResponse,
	): void {
		const pattern = typeof path === 'string' ? new RegExp(`^${escapeRegExp(path)}$`) : path;
		this.routes.push({ name, method: method.toUpperCase(), pattern, handler, tokenExpired });
	}

	addFault(plan: FaultPlan): void {
		this.faults.add(plan);
	}

	/** Forgets requests, faults and every fake's data. */
	reset(): void {
		this.log.clear();
		this.faults.clear();
		for (const fake of [this.aqua, this.onec, this.horoshop, this.saleapp]) fake.reset();
	}

	get url(): string {
		const address = this.server?.address();
		if (!address || typeof address === 'string') throw new Error('The sandbox is not listening');
		return `http://127.0.0.1:${address.port}`;
	}

	async start(): Promise<this> {
		this.server = createServer((req, res) => void this.handle(req, res));
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve, reject) => {
			this.server!.once('error', reject);
			this.server!.listen(this.options.port ?? 0, '127.0.0.1', resolve);
		});
		return this;
	}

	async stop(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const request = await readRequest(req);
		if (request.path.startsWith('/__sandbox/')) {
			write(res, this.control(request));
			return;
		}
		const route = this.routes.find((r) => r.method === req.method && r.pattern.test(request.path));
		const entry = {
			at: Date.now(),
			route: route?.name,
			method: request.method,
			path: request.path,
			query: request.query,
			body: request.body,
			auth: request.bearer
				? `Bearer ${request.bearer}`
				: request.basic
					? `Basic ${request.basic.user}`
					: undefined,
			status: undefined as number | undefined,
			fault: undefined as string | undefined,
		};
		this.log.add(entry);
		if (!route) {
			entry.status = 404;
			write(res, { status: 404, json: { message: `No route for ${request.method} ${request.path}` } });
			return;
		}
		request.params = route.pattern.exec(request.path)!.slice(1);

		const fault = this.faults.take(route.name);
		entry.fault = fault?.kind;
		let response: SandboxResponse;
		switch (fault?.kind) {
			case 'reset':
				req.socket.destroy();
				return;
			case 'stall':
				return;
			case 'status':
				response = {
					status: fault.status ?? 503,
					headers: fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) },
					json: { message: 'Service temporarily unavailable' },
				};
				break;
			case 'html':
				response = { status: fault.status ?? 502, headers: { 'Content-Type': 'text/html' }, text: HTML_ERROR_PAGE };
				break;
			case 'invalidJson':
				response = { status: 200, headers: { 'Content-Type': 'application/json' }, text: '{"success": tru' };
				break;
			case 'tokenExpired':
				response = route.tokenExpired?.() ?? { status: 401, json: { message: 'Token expired' } };
				break;
			default:
				if (fault?.kind === 'latency') await delay(fault.latencyMs ?? 1000);
				response = await route.handler(request);
				if (fault?.kind === 'commitThenStall') return;
				if (fault?.kind === 'commitThenReset') {
					req.socket.destroy();
					return;
				}
		}
		if (response.auth) entry.auth = response.auth;
		entry.status = response.status ?? 200;
		write(res, response, fault?.kind === 'bom');
	}

	private control(request: SandboxRequest): SandboxResponse {
		const what = `${request.method} ${request.path}`;
		switch (what) {
			case 'GET /__sandbox/log':
				return { json: this.log.entries };
			case 'DELETE /__sandbox/log':
				this.log.clear();
				return { json: { ok: true } };
			case 'POST /__sandbox/faults':
				for (const plan of ([] as FaultPlan[]).concat(request.body as FaultPlan)) this.addFault(plan);
				return { json: { ok: true } };
			case 'DELETE /__sandbox/faults':
				this.faults.clear();
				return { json: { ok: true } };
			case 'POST /__sandbox/reset':
				this.reset();
				return { json: { ok: true } };
			default:
				return { status: 404, json: { message: `Unknown control call ${what}` } };
		}
	}
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	return await new Sandbox(options).start();
}

const HTML_ERROR_PAGE =
	'<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';

async function readRequest(req: IncomingMessage): Promise<SandboxRequest> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const rawBody = Buffer.concat(chunks).toString('utf8');
	const url = new URL(req.url ?? '/', 'http://127.0.0.1');
	const authorization = req.headers.authorization ?? '';
	const request: SandboxRequest = {
		method: req.method ?? 'GET',
		path: decodeURIComponent(url.pathname),
		url: req.url ?? '/',
		query: toObject(url.searchParams),
		headers: req.headers,
		body: parseBody(rawBody, req.headers['content-type'] ?? ''),
		rawBody,
		params: [],
	};
	const [scheme, value] = authorization.split(' ');
	if (/^bearer$/i.test(scheme) && value) request.bearer = value;
	if (/^basic$/i.test(scheme) && value) {
		const decoded = Buffer.from(value, 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		request.basic = { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
	}
	return request;
}

function parseBody(raw: string, contentType: string): unknown {
	if (raw === '') return undefined;
	if (contentType.includes('application/x-www-form-urlencoded')) {
		return toObject(new URLSearchParams(raw));
	}
	try {
		return JSON.parse(raw);
	} catch {
		return raw;
	}
}

function toObject(params: URLSearchParams): Record<string, string | string[]> {
	const result: Record<string, string | string[]> = {};
	for (const key of new Set(params.keys())) {
		const values = params.getAll(key);
		result[key] = values.length > 1 || key.endsWith('[]') ? values : values[0];
	}
	return result;
}

function write(res: ServerResponse, response: SandboxResponse, withBom = false): void {
	const isJson = response.text === undefined;
	const body = (withBom ? '\uFEFF' : '') + (isJson ? JSON.stringify(response.json ?? null) : response.text);
	res.writeHead(response.status ?? 200, {
		'Content-Type': isJson ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
		...response.headers,
	});
	res.end(body);
}

function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
