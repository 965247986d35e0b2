import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
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
		const json: IDataObject = { error: nodeError.message };
		if (Object.keys(allDetails).length > 0) json.details = allDetails;
		this.items.push({ json, pairedItem: { item: itemIndex } });
	}

	/** The node's return value: one main output; n8n splits off the error output itself. */
	output(): INodeExecutionData[][] {
		const inOrder = [...this.items].sort((a, b) => itemOf(a) - itemOf(b));
		return [inOrder];
	}
}

function itemOf(item: INodeExecutionData): number {
	return (item.pairedItem as { item: number }).item;
}
