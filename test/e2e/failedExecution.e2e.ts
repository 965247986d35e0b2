import { openEnvironment, ordersSentToAqua } from './environment';
import type { E2eEnvironment } from './environment';
import { forImport, loadTemplate } from '../../scripts/n8n/templates';

type Json = Record<string, unknown>;

const HOUR = 3_600_000;
const TEMPLATE = 'horoshop-to-aqua.json';
const IMPORT = 'aqua-import-subworkflow.json';

/** A shop order of one line whose product the Transformer maps to an id Aqua does not have. */
const ORDER_AQUA_REFUSES: Json = {
	products: [
		{ title: 'Товар, якого немає в Aqua', article: 'GONE-1', price: 100, quantity: 1, discount_marker: 'NONE', storage_id: 9002, parent_storage_id: null, total_price: 100 },
	],
	total_default: 100,
	total_sum: 100,
	total_quantity: 1,
	delivery_price: 0,
};

interface ExecutionSummary {
	id: string;
	workflowId: string;
	status: string;
}

/**
 * "Fail Execution When Items Fail" on the real n8n: the Horoshop -> Aqua template as it is, calling
 * its import sub-workflow with the option on the sub-workflow's Aqua node. An order Aqua refuses
 * makes the sub-workflow's run fail, and with it the template's run, in n8n's execution list, after
 * the good orders were imported.
 */
describe('a run with a failed order, with "Fail Execution When Items Fail" on', () => {
	let env: E2eEnvironment;

	beforeAll(async () => {
		env = await openEnvironment([TEMPLATE]);
		const template = loadTemplate(IMPORT);
		const workflow = forImport(template, env.credentials) as { nodes: Array<{ name: string; parameters: Json }> };
		for (const node of workflow.nodes) {
			if (node.name === 'Convert to Aqua Orders') {
				(node.parameters.productTable as { values: Json[] }).values.push({ source: 'GONE-1', target: '999' });
			}
			if (node.name === 'Import into Aqua') node.parameters.options = { failExecution: true };
		}
		await env.n8n.importWorkflows([workflow]);
		// The template calls the sub-workflow's published version.
		await env.n8n.publish(template.id);
	});

	afterAll(async () => {
		await env?.close();
	});

	it('imports the good orders, then fails the run, and n8n lists the execution and its sub-workflow execution as failed', async () => {
		const { horoshop, aqua } = env.sandbox;
		const good = horoshop.addOrders(3, { start: new Date(Date.now() - HOUR) });
		const [refused] = horoshop.addOrders(1, { start: new Date(Date.now() - HOUR), overrides: ORDER_AQUA_REFUSES });

		const run = await env.n8n.execute(env.templates[TEMPLATE].id);

		expect(run.exitCode).toBe(1);
		expect(run.output).toMatch(/1 of 4 items failed \(1 rejected\); the first: /);
		expect(ordersSentToAqua(env.sandbox).map((order) => String(order.id)).sort()).toEqual(
			[...good, refused].map((order) => String(order.order_id)).sort(),
		);
		for (const order of good) expect(aqua.orders.has(String(order.order_id))).toBe(true);
		expect(aqua.orders.has(String(refused.order_id))).toBe(false);

		await env.n8n.start();
		await env.n8n.setupOwner({ email: 'owner@example.com', firstName: 'Order', lastName: 'Sync', password: 'Sandbox-Owner-1' });
		const listed = await env.n8n.get<{ data: { results: ExecutionSummary[] } }>('/rest/executions');
		const statusesOf = (workflowId: string) => listed.data.results.filter((execution) => execution.workflowId === workflowId).map((execution) => execution.status);
		expect(statusesOf(env.templates[TEMPLATE].id)).toEqual(['error']);
		expect(statusesOf(loadTemplate(IMPORT).id)).toEqual(['error']);
	});
});
