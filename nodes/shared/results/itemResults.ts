import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	NodeApiError,
} from 'n8n-workflow';

export type ItemError = NodeApiError | NodeOperationError;

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
	 *
	 * The item holds only `error` (the message) and `details`: n8n recognises that shape as an
	 * error item, sends it to the error output and merges the input item's fields into it, so
	 * the order arrives there whole. (An item with an `error` object attached would be cut down
	 * to the message by n8n 2.x, losing the order.)
	 */
	failure(itemIndex: number, error: ItemError | string, details: IDataObject = {}): void {
		const nodeError =
			typeof error === 'string'
				? new NodeOperationError(this.context.getNode(), error, { itemIndex })
				: error;
		nodeError.context.itemIndex = itemIndex;
		if (!this.continueOnFail) throw nodeError;
		const allDetails: IDataObject = { ...details };
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
