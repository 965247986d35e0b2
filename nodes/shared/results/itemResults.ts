import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	NodeApiError,
} from 'n8n-workflow';

import { failureKindOf } from '../transport/request';

export type ItemError = NodeApiError | NodeOperationError;

/**
 * What kind of failure an error item is, in `details.errorKind`, so a Switch node can route it:
 * - `invalid`: never sent, the order itself is wrong;
 * - `rejected`: the system said no (or refused the credentials);
 * - `outcome_unknown`: sent, but the answer was lost; the system may have it;
 * - `in_doubt`: held back, because an earlier run's answer for it was lost;
 * - `lines_dropped`: imported, but without some of its lines;
 * - `transport`: the system could not be reached or kept refusing, after every retry.
 */
export type ErrorKind = 'invalid' | 'rejected' | 'outcome_unknown' | 'in_doubt' | 'lines_dropped' | 'transport';

const KIND_OF_API_FAILURE = {
	rejected: 'rejected',
	cannot_send: 'rejected',
	outcome_unknown: 'outcome_unknown',
	transport: 'transport',
} as const;

/** An entry of a node's Options: end the node with an error once every item was handled, when any failed. */
export const failExecutionOption: INodeProperties = {
	displayName: 'Fail Execution When Items Fail',
	name: 'failExecution',
	type: 'boolean',
	default: false,
	description:
		"Whether to end this node with an error after every item was handled (sent, remembered), when any item failed, so the execution shows as failed in n8n's list and the error workflow runs. The error names how many failed and why; with it, the failed items do not reach the error output.",
};

/**
 * Collects one result per input item, each paired to the item it came from.
 *
 * With "On Error: Continue" a failed item is emitted with its error message, so n8n moves it
 * to the error output (or keeps it on the main output with its message); otherwise the first
 * failure stops the node, naming the item.
 */
export class ItemResults {
	private readonly items: INodeExecutionData[] = [];

	private readonly continueOnFail: boolean;

	private readonly failedItems = new Set<INodeExecutionData>();

	private readonly failuresByKind: Record<string, number> = {};

	private firstFailure?: string;

	constructor(private readonly context: IExecuteFunctions) {
		this.continueOnFail = context.continueOnFail();
	}

	success(itemIndex: number, json: IDataObject): void {
		this.items.push({ json, pairedItem: { item: itemIndex } });
	}

	/**
	 * Records a failure; throws it instead when the node is not set to continue on error.
	 * `kind` defaults to what the transport found for an API failure.
	 *
	 * The item holds only `error` (the message) and `details` (with `errorKind` first): n8n
	 * recognises that shape (and only that: no other top-level key) as an
	 * error item, sends it to the error output and merges the input item's fields into it, so
	 * the order arrives there whole. (An item with an `error` object attached would be cut down
	 * to the message by n8n 2.x, losing the order.)
	 */
	failure(itemIndex: number, error: ItemError | string, details: IDataObject = {}, kind?: ErrorKind): void {
		const nodeError =
			typeof error === 'string'
				? new NodeOperationError(this.context.getNode(), error, { itemIndex })
				: error;
		nodeError.context.itemIndex = itemIndex;
		if (!this.continueOnFail) throw nodeError;
		const apiFailure = failureKindOf(nodeError);
		const errorKind = kind ?? (apiFailure && KIND_OF_API_FAILURE[apiFailure]);
		const allDetails: IDataObject = errorKind ? { errorKind, ...details } : { ...details };
		if (nodeError.description) allDetails.description = nodeError.description;
		const httpCode = (nodeError as NodeApiError).httpCode;
		if (httpCode) allDetails.httpCode = httpCode;
		// n8n merges the input's fields into items it moves to the error output, not into items that
		// stay on the main output ("Continue (regular output)"): there the order is kept here.
		const order = this.context.getNode().onError === 'continueRegularOutput' ? this.context.getInputData()[itemIndex]?.json : undefined;
		const json: IDataObject = { ...order, error: nodeError.message };
		if (Object.keys(allDetails).length > 0) json.details = allDetails;
		const item = { json, pairedItem: { item: itemIndex } };
		this.items.push(item);
		this.failedItems.add(item);
		this.firstFailure ??= nodeError.message;
		const counted = errorKind ?? 'other';
		this.failuresByKind[counted] = (this.failuresByKind[counted] ?? 0) + 1;
	}

	/** How many items failed, in all and by error kind. */
	failed(): { count: number; byKind: Record<string, number> } {
		return { count: this.failedItems.size, byKind: { ...this.failuresByKind } };
	}

	/**
	 * The node's return value: one main output; n8n splits off the error output itself. With the
	 * node's option "Fail Execution When Items Fail", an error instead when any item failed.
	 * `summary` replaces the successful items by one item (failed items still come out).
	 */
	output(summary?: IDataObject): INodeExecutionData[][] {
		const failExecution = this.context.getNodeParameter('options.failExecution', 0, false) === true;
		if (failExecution && this.failedItems.size > 0) {
			const kinds = Object.entries(this.failuresByKind).map(([kind, count]) => `${count} ${kind}`).join(', ');
			throw new NodeOperationError(
				this.context.getNode(),
				`${this.failedItems.size} of ${this.context.getInputData().length} items failed (${kinds}); the first: ${this.firstFailure}`,
				{ description: 'Turn off "Fail Execution When Items Fail" to get each failed item on the error output instead.' },
			);
		}
		let items = this.items;
		if (summary) {
			const pairedItem = this.context.getInputData().map((_, item) => ({ item }));
			items = [{ json: summary, pairedItem }, ...this.failedItems];
		}
		return [[...items].sort((a, b) => itemOf(a) - itemOf(b))];
	}
}

function itemOf(item: INodeExecutionData): number {
	const paired = item.pairedItem as { item: number } | Array<{ item: number }>;
	return Array.isArray(paired) ? (paired[0]?.item ?? 0) : paired.item;
}
