import type { IDataObject, INode } from 'n8n-workflow';

import type { Sandbox } from '../../../sandbox/server';
import { runWorkflow } from '../../harness/runWorkflow';
import type { WorkflowResult } from '../../harness/runWorkflow';

export interface HoroshopRun {
	parameters: IDataObject;
	items?: IDataObject[];
	onError?: INode['onError'];
	credentials?: Record<string, string>;
	timezone?: string;
}

/** Runs one Horoshop node on the real engine against the sandbox's fake shop. */
export async function runHoroshop(sandbox: Sandbox, run: HoroshopRun): Promise<WorkflowResult> {
	return await runWorkflow({
		items: run.items ?? [{}],
		nodes: [
			{
				name: 'Horoshop',
				type: 'horoshop',
				parameters: { resource: 'order', ...run.parameters },
				credentials: ['horoshopApi'],
				onError: run.onError,
			},
		],
		credentials: { horoshopApi: sandbox.horoshop.credentials(run.credentials) },
		timezone: run.timezone,
	});
}

/** Request counts by route name, e.g. {auth: 1, get: 3}. */
export function requestCounts(sandbox: Sandbox): { auth: number; get: number; update: number } {
	return {
		auth: sandbox.log.forRoute('horoshop.auth').length,
		get: sandbox.log.forRoute('horoshop.orders.get').length,
		update: sandbox.log.forRoute('horoshop.orders.update').length,
	};
}

export function orderIds(result: WorkflowResult, output = 0): unknown[] {
	return result.output('Horoshop', output).map((item) => item.json.order_id);
}
