import type { E2eEnvironment } from './environment';

const PACKAGE = 'n8n-nodes-order-sync';

/**
 * Imports and publishes "<trigger> -> Mark Processing": each order the trigger emits is set to
 * status 2 in the fake shop (Horoshop Update Status), which makes every emission visible there.
 * `trigger` is a Horoshop trigger of the package, by its type name, with its parameters.
 */
export async function publishMarkProcessingWorkflow(
	env: E2eEnvironment,
	workflowId: string,
	trigger: { name: string; type: string; parameters: Record<string, unknown>; webhookId?: string },
): Promise<void> {
	const credential = env.credentials.find((c) => c.type === 'horoshopApi')!;
	const credentials = { horoshopApi: { id: credential.id, name: credential.name } };
	await env.n8n.importWorkflows([
		{
			id: workflowId,
			name: `${trigger.name} e2e`,
			active: false,
			settings: { timezone: 'Europe/Kyiv', executionOrder: 'v1' },
			nodes: [
				{ id: 'trigger', typeVersion: 1, position: [0, 0], credentials, ...trigger, type: `${PACKAGE}.${trigger.type}` },
				{
					id: 'update',
					name: 'Mark Processing',
					type: `${PACKAGE}.horoshop`,
					typeVersion: 1,
					position: [300, 0],
					parameters: { resource: 'order', operation: 'updateStatus', orderId: '={{ $json.order_id }}', status: 2 },
					credentials,
				},
			],
			connections: { [trigger.name]: { main: [[{ node: 'Mark Processing', type: 'main', index: 0 }]] } },
		},
	]);
	await env.n8n.publish(workflowId);
}
