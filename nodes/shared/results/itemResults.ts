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
 * With "On Error: Continue" a failed item is emitted with its error attached, so n8n moves it
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

	/** Records a failure; throws it instead when the node is not set to continue on error. */
	failure(itemIndex: number, error: ItemError | string, details: IDataObject = {}): void {
		const nodeError =
			typeof error === 'string'
				? new NodeOperationError(this.context.getNode(), error, { itemIndex })
				: error;
		nodeError.context.itemIndex = itemIndex;
		if (!this.continueOnFail) throw nodeError;
		this.items.push({
			json: { ...details, error: nodeError.message },
			error: nodeError,
			pairedItem: { item: itemIndex },
		});
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
