import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { Sandbox } from '../../../sandbox/server';
import { SALEAPP_KEYS } from '../../../sandbox/systems/saleapp';
import { runWorkflow } from '../../harness/runWorkflow';
import type { WorkflowResult } from '../../harness/runWorkflow';

export type KeyKind = 'organisation' | 'counterparty';
export const KEY_KINDS: KeyKind[] = ['organisation', 'counterparty'];

/** Client, currency and warehouse the organisation-key tests send. */
export const OWNER = { clientId: '51', currencyId: '7', warehouseId: '8' };

export interface SaleAppRun {
	kind: KeyKind;
	items?: IDataObject[];
	parameters: IDataObject;
	/** Defaults to continuing on the error output. */
	onError?: 'continueErrorOutput' | 'stopWorkflow';
	/** The key the credential holds; the fake's key of `kind` by default. */
	secretKey?: string;
	/** The workflow's static data, carried from run to run when the same object is passed. */
	staticData?: IDataObject;
}

export async function runSaleApp(sandbox: Sandbox, run: SaleAppRun): Promise<SaleAppResult> {
	const onError = run.onError ?? 'continueErrorOutput';
	const result = await runWorkflow({
		items: run.items ?? [{}],
		nodes: [
			{
				name: 'SaleApp',
				type: 'saleApp',
				parameters: { resource: 'order', keyKind: run.kind, ...run.parameters },
				credentials: ['saleAppApi'],
				onError: onError === 'stopWorkflow' ? undefined : onError,
			},
		],
		credentials: {
			saleAppApi: {
				baseUrl: `${sandbox.url}/saleapp/`,
				secretKey: run.secretKey ?? SALEAPP_KEYS[run.kind],
				kind: run.kind,
			},
		},
		staticData: run.staticData,
	});
	return {
		result,
		ok: result.output('SaleApp', 0),
		failed: result.output('SaleApp', 1),
		error: result.nodeError('SaleApp'),
	};
}

export interface SaleAppResult {
	result: WorkflowResult;
	ok: INodeExecutionData[];
	failed: INodeExecutionData[];
	error?: Error;
}

/** The form fields the node sent, one entry per request to the fake's /Orders route. */
export function sentForms(sandbox: Sandbox, methodType?: string): Array<Record<string, string>> {
	return sandbox.log
		.forRoute('saleapp.orders')
		.map((entry) => entry.body as Record<string, string>)
		.filter((body) => !methodType || body.method_type === methodType);
}

/** A valid order as the Order Transformer emits it (SaleApp field names, products as a list). */
export function itemOrder(externalId: string, overrides: IDataObject = {}): IDataObject {
	return {
		external_id: externalId,
		delivery_types: 3,
		receiver_name: 'Борис Вапненко',
		receiver_phone: '+38 (067) 897-67-56',
		city: 'Київ',
		city_ref: '8d5a980d-391c-11dd-90d9-001a92567626',
		addres: 'Відділення №2: вул. Бережанська, 9',
		branch_ref: '7b422fbe-e1b8-11e3-8c4a-0050568002cf',
		products: [{ sku: 'WTR-19', qty: 2, cost: 150 }],
		...overrides,
	};
}

/** Node parameters for "Create" from the input items. */
export function createFromItems(kind: KeyKind, options: IDataObject = {}): IDataObject {
	return {
		operation: 'create',
		orderSource: 'json',
		...(kind === 'organisation' ? OWNER : {}),
		options,
	};
}
