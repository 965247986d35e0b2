import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { describeOrderProblems, describeProblem } from '../shared/orders/problems';
import { transformOrder } from '../shared/orders/transform';
import { ItemResults } from '../shared/results/itemResults';
import { transformerProperties } from './description';
import { readSettings } from './settings';

export class OrderTransformer implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Order Transformer',
		name: 'orderTransformer',
		icon: { light: 'file:orderTransformer.svg', dark: 'file:orderTransformer.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ ({"onec": "1C", "aqua": "Aqua Delivery", "canonical": "Canonical", "horoshop": "Horoshop", "saleapp": "SaleApp"})[$parameter["from"]] + " → " + ({"onec": "1C", "aqua": "Aqua Delivery", "canonical": "Canonical", "horoshop": "Horoshop", "saleapp": "SaleApp"})[$parameter["to"]] }}',
		description: 'Convert orders between Horoshop, SaleApp, Aqua-delivery and 1C formats',
		defaults: { name: 'Order Transformer' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		properties: transformerProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const settings = readSettings(this);
		const results = new ItemResults(this);
		// The only setting that differs per order: read per item only when it is used.
		const perOrderId = (this.getNodeParameter('options', 0, {}) as IDataObject).receiverOrderId !== undefined;
		items.forEach((item, itemIndex) => {
			const receiverOrderId = perOrderId
				? String(this.getNodeParameter('options.receiverOrderId', itemIndex, '') ?? '')
				: undefined;
			const result = transformOrder(item.json, settings, { receiverOrderId });
			const notes = result.notes.map(describeProblem);
			if (result.ok) {
				// The output is the writer's own new object: no copy needed to add the notes.
				const json = result.output as IDataObject;
				if (notes.length > 0) json.transformNotes = notes;
				results.success(itemIndex, json);
				return;
			}
			const message = describeOrderProblems(result.orderId, result.errors);
			const details: IDataObject = { orderId: result.orderId, problems: result.errors as unknown as IDataObject[] };
			if (notes.length > 0) details.notes = notes;
			results.failure(itemIndex, message, details, 'invalid');
		});
		return results.output();
	}
}
