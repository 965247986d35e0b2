import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { exchangeAnswer } from './exchange/answer';
import { outcomesOf } from './exchange/outcomes';
import type { InvalidOrder } from './exchange/receive';

const TRIGGER_TYPE_SUFFIX = '.orderExchangeTrigger';

/**
 * Answers the caller of the Order Exchange Trigger: one result per order it sent, built from the
 * items on the Done input (taken, with the receiver's id) and on the Failed input (with their
 * error), so the caller keeps the receiver's id of each order and sends the failed ones again.
 */
export class AnswerOrderExchange implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Answer Order Exchange',
		name: 'answerOrderExchange',
		icon: { light: 'file:orderExchange.svg', dark: 'file:orderExchange.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: 'Answer the caller',
		description: 'Sends the caller of the Order Exchange Trigger one result per order: done, with its new ID, or failed, with why',
		defaults: { name: 'Answer Order Exchange' },
		usableAsTool: true,
		inputs: [
			{ type: NodeConnectionTypes.Main, displayName: 'Done' },
			{ type: NodeConnectionTypes.Main, displayName: 'Failed' },
		],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName:
					'Connect the items of orders that went through to Done and the error output of the nodes before to Failed. An order on neither input is answered as failed, so the caller sends it again.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'ID in the Receiving System',
				name: 'receiverId',
				type: 'string',
				default: '={{ $json.saleAppId ?? $json.aquaId ?? $json.oneCId }}',
				description:
					'For each Done item, the ID the order got where the workflow put it. The caller keeps it and sends it back as external_id next time, so the order is updated instead of created twice.',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const trigger = this.getParentNodes(this.getNode().name).find((node) => node.type.endsWith(TRIGGER_TYPE_SUFFIX));
		if (!trigger) {
			throw new NodeOperationError(this.getNode(), 'Answer Order Exchange answers an Order Exchange Trigger, and there is none before it', {
				description: 'Start the workflow with the Order Exchange Trigger, or use n8n\'s Respond to Webhook node for other webhooks.',
			});
		}
		const triggerOutput = this.getWorkflowDataProxy(0).$(trigger.name) as { all(branch: number): INodeExecutionData[] };
		const orderIds = triggerOutput.all(0).map((item) => String(item.json.id));
		const invalid = triggerOutput.all(1).map((item) => item.json as unknown as InvalidOrder);

		const done = this.getInputData(0);
		const failed = this.getInputData(1);
		const receiverIds = done.map((_, itemIndex) => this.getNodeParameter('receiverId', itemIndex, '') as string | number | undefined);
		const outcomes = outcomesOf(new Set(orderIds), done, receiverIds, failed);
		const answer = exchangeAnswer(orderIds, invalid, outcomes);

		await this.sendResponse({ body: answer, headers: { 'content-type': 'application/json; charset=utf-8' }, statusCode: 200 });
		const pairedItem = [...done.map((_, item) => ({ item, input: 0 })), ...failed.map((_, item) => ({ item, input: 1 }))];
		return [[{ json: answer as unknown as INodeExecutionData['json'], pairedItem }]];
	}
}
