import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { getStatuses } from './methods/loadOptions';
import { CREDENTIAL_TYPE } from './session';
import { eventProperty, optionsProperty } from './trigger/description';
import { pollOrders } from './trigger/poll';

export class HoroshopTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Horoshop Trigger',
		name: 'horoshopTrigger',
		icon: { light: 'file:horoshop.svg', dark: 'file:horoshop.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ {"newOrder": "New Order", "statusChanged": "Order Status Changed", "paid": "Order Paid"}[$parameter["event"]] || $parameter["event"] }}',
		description: 'Starts the workflow when an order is placed, changes status or is paid in a Horoshop shop',
		defaults: { name: 'Horoshop Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [eventProperty, optionsProperty],
	};

	methods = { loadOptions: { getStatuses } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollOrders.call(this);
	}
}
