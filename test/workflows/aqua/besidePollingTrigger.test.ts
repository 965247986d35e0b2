import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { runWorkflow } from '../../harness/runWorkflow';

/**
 * n8n saves a workflow's static data whole, and a polling trigger saves its own copy after each
 * poll: an import node that keeps its record in the same workflow would see it undone. It refuses,
 * before sending anything, and says where the record belongs.
 */
/** Passes its input on and has Poll Times, as a polling trigger has: all getParentNodes shows of it. */
class PollTimesNode implements INodeType {
	description: INodeType['description'] = {
		displayName: 'Poll Times',
		name: 'pollTimes',
		group: ['trigger'],
		version: 1,
		description: 'Passes items on',
		defaults: { name: 'Poll Times' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'Poll Times', name: 'pollTimes', type: 'json', default: '{}' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

describe('Aqua Delivery import in a workflow started by a polling trigger', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ seed: 29 });
	});
	afterAll(async () => await sandbox.stop());

	const run = (options: IDataObject) => {
		const orders = sandbox.aqua.ordersFor(sandbox.generator.orders(2));
		return runWorkflow({
			items: orders,
			extraNodeTypes: [new PollTimesNode()],
			nodes: [
				{ name: 'New Shop Orders', type: 'test.pollTimes', parameters: { pollTimes: '{"item": [{"mode": "everyMinute"}]}' } },
				{ name: 'Import into Aqua', type: 'aquaDelivery', parameters: { resource: 'order', operation: 'import', options }, credentials: ['aquaDeliveryApi'] },
			],
			credentials: {
				aquaDeliveryApi: { baseUrl: sandbox.url, signInMethod: 'login', login: sandbox.aqua.login, password: sandbox.aqua.password, sessionToken: '' } as never,
			},
			staticData: {},
		});
	};

	it('refuses to remember imported orders there, naming the trigger and the sub-workflow way, and sends nothing', async () => {
		const result = await run({});

		const error = result.nodeError('Import into Aqua') as Error & { description?: string };
		expect(error.message).toBe('"Remember Imported Orders" cannot be used in a workflow started by the polling trigger "New Shop Orders"');
		expect(error.description).toContain('sub-workflow');
		expect(sandbox.log.forRoute('aqua.import')).toHaveLength(0);
	});

	it('imports as usual with Remember Imported Orders off', async () => {
		const result = await run({ remember: false });

		expect(result.nodeError('Import into Aqua')).toBeUndefined();
		expect(result.output('Import into Aqua')).toHaveLength(2);
	});
});
