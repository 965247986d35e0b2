import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { PollHarness } from './pollHarness';

const MINUTE = 60_000;
const ago = (minutes: number) => new Date(Date.now() - minutes * MINUTE);

describe('Horoshop Trigger: a shop that silently answers fewer orders per page than asked for', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	it('emits every new order once, though each page holds only 5 of the 500 asked for', async () => {
		sandbox.horoshop.maxPageSize = 5;
		sandbox.horoshop.addOrders(2, { start: ago(60) });
		const trigger = new PollHarness(sandbox, { event: 'newOrder' });
		await trigger.poll();
		sandbox.horoshop.addOrders(12, { start: ago(30) });

		expect(PollHarness.ids(await trigger.poll())).toEqual(Array.from({ length: 12 }, (_, i) => i + 3));
		expect(await trigger.poll()).toBeNull();
	});
});
