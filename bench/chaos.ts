/**
 * Chaos benchmark on the real n8n 2.40.7: Horoshop Get Many -> Order Transformer -> Aqua Delivery
 * import, against the local fakes with about `faultRate` of the requests faulted (429, 503,
 * resets, stalls past the timeout, HTML 502, BOM, expired tokens, imports that Aqua
 * commits but never answers). Runs the workflow once with faults and once without, and prints
 * where every shop order ended up. Prints figures; asserts nothing on time. A must-be-0 figure
 * that is not 0 prints "CHECK FAILED: ..." (the exit code stays 0 unless the bench itself fails).
 *
 * Run: npm run bench:chaos -- [orders=10000] [faultRate=0.1]
 */
import { itemsOf, openEnvironment, runsOf } from '../test/e2e/environment';
import type { E2eEnvironment } from '../test/e2e/environment';
import type { FaultPlan } from '../sandbox/faults';
import { secretsOf } from '../nodes/shared/transport/redact';
import { ensureN8n } from '../scripts/n8n/install';
import type { ExecuteResult } from '../scripts/n8n/instance';
import { PACKAGE_NAME, buildAndPack } from '../scripts/n8n/pack';
import { say } from '../scripts/n8n/run';
import { forImport, loadTemplate, nodeOf } from '../scripts/n8n/templates';
import type { Template, WorkflowNode } from '../scripts/n8n/templates';

type Json = Record<string, unknown>;

const WORKFLOW_ID = 'chaosBench';
const SEED = 7;
const TRANSPORT = { timeoutSeconds: 2, retry: { settings: { maxAttempts: 4, maxTotalWaitSeconds: 20 } } };

/** Share of each route's faults per kind; each route is faulted at about the given rate in all. */
const FAULT_MIX: Record<string, Array<[number, Omit<FaultPlan, 'route' | 'rate'>]>> = {
	'horoshop.orders.get': [
		[0.2, { kind: 'status', status: 429, retryAfter: 1 }],
		[0.15, { kind: 'status', status: 503 }],
		[0.15, { kind: 'reset' }],
		[0.1, { kind: 'stall' }],
		[0.1, { kind: 'html', status: 502 }],
		[0.1, { kind: 'bom' }],
		[0.2, { kind: 'tokenExpired' }],
	],
	'horoshop.auth': [
		[0.5, { kind: 'status', status: 503 }],
		[0.5, { kind: 'bom' }],
	],
	'aqua.import': [
		[0.2, { kind: 'status', status: 429, retryAfter: 1 }],
		[0.15, { kind: 'status', status: 503 }],
		[0.1, { kind: 'reset' }],
		[0.1, { kind: 'stall' }],
		[0.1, { kind: 'html', status: 502 }],
		[0.1, { kind: 'bom' }],
		[0.05, { kind: 'tokenExpired' }],
		[0.1, { kind: 'commitThenReset' }],
		[0.1, { kind: 'commitThenStall' }],
	],
	// Not faulted: aqua.login. Aqua's sign-in (the credential's preAuthentication, run by n8n) is
	// not retried, so one failed sign-in fails every later batch of the run; add it once it is.
};

/**
 * Manual Trigger -> Horoshop -> Transformer (as in the Horoshop -> Aqua template's import
 * sub-workflow) -> Aqua, error outputs on NoOps, in one workflow.
 */
function chaosWorkflow(): Template {
	const template = loadTemplate('aqua-import-subworkflow.json');
	const convert = nodeOf(template, 'Convert to Aqua Orders');
	const node = (name: string, type: string, x: number, y: number, rest: Partial<WorkflowNode> = {}): WorkflowNode => ({
		id: `chaos-${name.toLowerCase().replace(/\W+/g, '-')}`,
		name,
		type,
		typeVersion: 1,
		position: [x, y],
		parameters: {},
		...rest,
	});
	const to = (...targets: string[]) => targets.map((target) => [{ node: target, type: 'main', index: 0 }]);
	return {
		file: 'chaos-bench.json',
		id: WORKFLOW_ID,
		workflow: {
			name: 'Chaos bench: Horoshop -> Aqua Delivery',
			nodes: [
				node('Start', 'n8n-nodes-base.manualTrigger', 0, 0),
				node('Get Shop Orders', `${PACKAGE_NAME}.horoshop`, 240, 0, {
					parameters: {
						resource: 'order',
						operation: 'getAll',
						returnAll: true,
						filters: {},
						options: { pageSize: 500, ...TRANSPORT },
					},
					credentials: { horoshopApi: { name: 'Horoshop account' } },
				}),
				{ ...convert, id: 'chaos-convert', position: [480, 0], onError: 'continueErrorOutput' },
				node('Import into Aqua', `${PACKAGE_NAME}.aquaDelivery`, 720, 0, {
					parameters: {
						resource: 'order',
						operation: 'import',
						orderSource: 'json',
						options: { batchSize: 50, concurrency: 2, ...TRANSPORT },
					},
					credentials: { aquaDeliveryApi: { name: 'Aqua Delivery account' } },
					onError: 'continueErrorOutput',
				}),
				node('Transformer Errors', 'n8n-nodes-base.noOp', 720, 200),
				node('Aqua Errors', 'n8n-nodes-base.noOp', 960, 200),
			],
			connections: {
				Start: { main: to('Get Shop Orders') },
				'Get Shop Orders': { main: to(convert.name) },
				[convert.name]: { main: to('Import into Aqua', 'Transformer Errors') },
				'Import into Aqua': { main: [[], ...to('Aqua Errors')] },
			},
			settings: { executionOrder: 'v1', timezone: 'Europe/Kyiv' },
		},
	};
}

function addFaults(env: E2eEnvironment, rate: number, orders: number): void {
	// A run reads only ceil(orders / 500) pages, too few for each kind to come up by chance: one
	// token expiry halfway through the paging, always.
	const pages = Math.ceil(orders / 500);
	env.sandbox.addFault({ route: 'horoshop.orders.get', kind: 'tokenExpired', times: 1, after: Math.floor(pages / 2) });
	for (const [route, mix] of Object.entries(FAULT_MIX)) {
		for (const [share, plan] of mix) env.sandbox.addFault({ route, rate: rate * share, ...plan });
	}
}

/** Every value that must never show in an output or a log line. */
function secretValues(env: E2eEnvironment): string[] {
	const { sandbox } = env;
	const values = new Set<string>([...env.credentials.flatMap((c) => secretsOf(c.data)), ...sandbox.aqua.apiTokens]);
	for (const entry of sandbox.log.entries) {
		const token = (entry.body as Json | undefined)?.token;
		if (typeof token === 'string') values.add(token);
		if (entry.auth?.startsWith('Bearer ')) values.add(entry.auth.slice('Bearer '.length));
	}
	return [...values].filter((value) => value.length >= 4);
}

/** How often the secrets appear in a text, as they are, JSON-escaped (\uXXXX) or URL-encoded. */
function countSecrets(text: string, secrets: string[]): Map<string, number> {
	const found = new Map<string, number>();
	for (const secret of secrets) {
		const escaped = secret.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
		const count = [...new Set([secret, escaped, encodeURIComponent(secret)])].reduce(
			(sum, form) => sum + text.split(form).length - 1,
			0,
		);
		if (count > 0) found.set(secret, count);
	}
	return found;
}

interface Tally {
	rows: Array<[string, number | string]>;
	failures: string[];
}

function tally(env: E2eEnvironment, run: ExecuteResult, shopIds: string[], firstLogEntry: number): Tally {
	const execution = run.data;
	const { aqua } = env.sandbox;
	const read = itemsOf(execution, 'Get Shop Orders');
	const imported = itemsOf(execution, 'Import into Aqua');
	const transformErrors = itemsOf(execution, 'Transformer Errors');
	const aquaErrors = itemsOf(execution, 'Aqua Errors');
	const kindOf = (item: Json) => String((item.details as Json | undefined)?.errorKind ?? '(none)');
	const byKind = (items: Json[]) => {
		const counts = new Map<string, number>();
		for (const item of items) counts.set(kindOf(item), (counts.get(kindOf(item)) ?? 0) + 1);
		return [...counts].sort(([a], [b]) => a.localeCompare(b));
	};

	// Where each shop order came out: Aqua's answer names it in external_id, an error item keeps
	// the input order's fields (Horoshop's order_id before the Transformer, Aqua's id after it).
	const placesOf = new Map<string, string[]>(shopIds.map((id) => [id, []]));
	const place = (id: unknown, where: string) => placesOf.get(String(id))?.push(where);
	for (const item of imported) place(item.external_id, 'main');
	for (const item of transformErrors) place(item.order_id ?? (item.details as Json | undefined)?.orderId, `transformer ${kindOf(item)}`);
	for (const item of aquaErrors) place(item.id ?? (item.details as Json | undefined)?.orderId, `aqua ${kindOf(item)}`);
	const inNeither = shopIds.filter((id) => placesOf.get(id)!.length === 0);
	const inSeveral = shopIds.filter((id) => placesOf.get(id)!.length > 1);
	// Cross-checks with what the fake really holds.
	const mainButMissing = imported.filter((item) => !aqua.orders.has(String(item.external_id)));
	const heldButRefused = aquaErrors.filter(
		(item) => ['invalid', 'rejected', 'transport'].includes(kindOf(item)) && aqua.orders.has(String(item.id)),
	);
	const inDoubt = aquaErrors.filter((item) => ['outcome_unknown', 'in_doubt'].includes(kindOf(item)));
	const inDoubtHeld = inDoubt.filter((item) => aqua.orders.has(String(item.id))).length;

	const searched = secretValues(env);
	const secrets = countSecrets(run.output, searched);
	const secretHits = [...secrets.values()].reduce((sum, n) => sum + n, 0);

	const log = env.sandbox.log.entries.slice(firstLogEntry);
	const faults = new Map<string, number>();
	for (const entry of log.filter((e) => e.fault)) {
		const key = `${entry.route} ${entry.fault}`;
		faults.set(key, (faults.get(key) ?? 0) + 1);
	}
	const started = Date.parse(String(execution?.startedAt));
	const stopped = Date.parse(String(execution?.stoppedAt));
	const skipped = imported.filter((item) => item.skipped === 'unchanged').length;
	const nodeSeconds = (node: string) =>
		runsOf(execution, node).reduce((sum, r) => sum + Number((r as { executionTime?: number }).executionTime ?? 0), 0) / 1000;

	const rows: Tally['rows'] = [
		['orders in the shop', shopIds.length],
		['read from Horoshop', `${read.length} (${new Set(read.map((o) => String(o.order_id))).size} distinct)`],
		["on Aqua's main output", `${imported.length} (${imported.length - skipped} sent now, ${skipped} skipped unchanged)`],
		...byKind(transformErrors).map(([kind, n]): [string, number] => [`Transformer error output: ${kind}`, n]),
		...byKind(aquaErrors).map(([kind, n]): [string, number] => [`Aqua error output: ${kind}`, n]),
		['  of outcome_unknown + in_doubt, Aqua has', `${inDoubtHeld} of ${inDoubt.length}`],
		['orders Aqua holds (duplicates included)', aqua.orders.size],
		['duplicates in Aqua', aqua.orders.duplicates()],
		['in neither output', inNeither.length],
		['on more than one output', inSeveral.length],
		["on main output, Aqua lacks it", mainButMissing.length],
		['refused (invalid/rejected/transport), Aqua has it', heldButRefused.length],
		['secrets in outputs or n8n log', `${secretHits} (of ${searched.length} values searched)`],
		['sandbox requests (faulted)', `${log.length} (${[...faults.values()].reduce((s, n) => s + n, 0)})`],
		...[...faults].sort().map(([key, n]): [string, number] => [`  fault ${key}`, n]),
		['n8n exit code / execution status', `${run.exitCode} / ${String(execution?.status ?? 'no execution JSON')}`],
		['wall time (startedAt -> stoppedAt)', Number.isNaN(stopped - started) ? 'unknown' : `${((stopped - started) / 1000).toFixed(1)} s`],
		[
			'  of it in Horoshop / Transformer / Aqua',
			`${['Get Shop Orders', 'Convert to Aqua Orders', 'Import into Aqua'].map((node) => nodeSeconds(node).toFixed(1)).join(' / ')} s`,
		],
	];
	const failures: string[] = [];
	const mustBeZero = (label: string, value: number, sample: string[] = []) => {
		if (value !== 0) failures.push(`${label} is ${value}${sample.length ? ` (e.g. ${sample.slice(0, 5).join(', ')})` : ''}`);
	};
	if (!execution) failures.push(`n8n printed no execution JSON; its output ends:\n${run.output.split('\n').slice(-30).join('\n')}`);
	const workflowError = execution?.data?.resultData.error;
	if (workflowError) failures.push(`the workflow stopped: ${workflowError.message}`);
	mustBeZero('in neither output', inNeither.length, inNeither);
	mustBeZero('on more than one output', inSeveral.length, inSeveral.map((id) => `${id}: ${placesOf.get(id)!.join(' + ')}`));
	mustBeZero('duplicates in Aqua', aqua.orders.duplicates(), aqua.orders.doubledSenderIds());
	mustBeZero('secrets in outputs or n8n log', secretHits, [...secrets].map(([s, n]) => `${s.slice(0, 6)}… ${n}×`));
	mustBeZero("on main output, Aqua lacks it", mainButMissing.length, mainButMissing.map((item) => String(item.external_id)));
	mustBeZero('refused, Aqua has it', heldButRefused.length, heldButRefused.map((item) => String(item.id)));
	return { rows, failures };
}

function print(title: string, result: Tally, extraFailures: string[] = []): void {
	const width = Math.max(...result.rows.map(([label]) => label.length));
	console.log(`\n${title}`);
	console.log('-'.repeat(width + 24));
	for (const [label, value] of result.rows) console.log(`${label.padEnd(width)}  ${value}`);
	for (const failure of [...result.failures, ...extraFailures]) console.log(`CHECK FAILED: ${failure}`);
}

/** After the clean run: every order imported exactly once, or held back in doubt, or not convertible. */
function unsettled(env: E2eEnvironment, run: ExecuteResult, shopIds: string[]): string[] {
	const inDoubt = new Set(itemsOf(run.data, 'Aqua Errors').filter((i) => (i.details as Json)?.errorKind === 'in_doubt').map((i) => String(i.id)));
	const notConvertible = new Set(itemsOf(run.data, 'Transformer Errors').map((i) => String(i.order_id)));
	return shopIds.filter((id) => !inDoubt.has(id) && !notConvertible.has(id) && env.sandbox.aqua.orders.ofSender(id).length !== 1);
}

async function main(): Promise<void> {
	const orders = Number(process.argv[2] ?? 10_000);
	const faultRate = Number(process.argv[3] ?? 0.1);
	await ensureN8n();
	await buildAndPack();
	const env = await openEnvironment([], SEED);
	try {
		const shop = env.sandbox.horoshop.addOrders(orders, { start: new Date(Date.now() - (orders + 60) * 60_000) });
		const shopIds = shop.map((order) => String(order.order_id));
		await env.n8n.importWorkflows([forImport(chaosWorkflow(), env.credentials)]);

		addFaults(env, faultRate, orders);
		say(`Run 1: ${orders} orders, about ${faultRate * 100}% of requests faulted...`);
		let firstLogEntry = env.sandbox.log.entries.length;
		const faulted = await env.n8n.execute(WORKFLOW_ID);
		print(`Run 1, with faults (rate ${faultRate}, seed ${SEED})`, tally(env, faulted, shopIds, firstLogEntry));

		env.sandbox.faults.clear();
		say('Run 2: the same workflow, no faults...');
		firstLogEntry = env.sandbox.log.entries.length;
		const clean = await env.n8n.execute(WORKFLOW_ID);
		const left = unsettled(env, clean, shopIds);
		const extra = left.length ? [`${left.length} orders neither imported exactly once nor in doubt (e.g. ${left.slice(0, 5).join(', ')})`] : [];
		const cleanTally = tally(env, clean, shopIds, firstLogEntry);
		cleanTally.rows.splice(-3, 0, ['neither imported once nor in doubt', left.length]);
		print('Run 2, no faults', cleanTally, extra);
	} finally {
		await env.close();
	}
}

main().catch((error: Error) => {
	console.error(error.stack ?? error.message);
	process.exit(1);
});
