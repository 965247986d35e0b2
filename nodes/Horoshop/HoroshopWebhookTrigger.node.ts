import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { includeDeliveryDetails } from './actions/order/common';
import { fetchOrders } from './paging';
import { CREDENTIAL_TYPE, HoroshopSession } from './session';
import { transportOptions, transportSettings } from '../shared/transport/retry';
import type { TriggerEvent } from './trigger/changes';
import { shopNow } from './trigger/changes';
import { eventProperty } from './trigger/description';
import { readOrder } from './trigger/orders';
import { HOOK_EVENT, orderIdOfPayload, subscribe, unsubscribe } from './trigger/hooks';
import type { StoredSubscription } from './trigger/hooks';

interface WebhookOptions {
	additionalData?: boolean;
}

/**
 * Horoshop's webhooks (Pro plan): subscribes this workflow's URL with `hooks/subscribe` on
 * activation and unsubscribes on deactivation. Horoshop sends its events in batches about every
 * 5 minutes; each one names an order, which is read fresh with `orders/get` and emitted in the
 * same shape as Horoshop Get Many and the Horoshop Trigger.
 */
export class HoroshopWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Horoshop Webhook Trigger',
		name: 'horoshopWebhookTrigger',
		icon: { light: 'file:horoshop.svg', dark: 'file:horoshop.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ {"newOrder": "New Order", "statusChanged": "Order Status Changed", "paid": "Order Paid"}[$parameter["event"]] || $parameter["event"] }}',
		description: "Starts the workflow when Horoshop's webhook reports a new, changed or paid order (Horoshop Pro plan)",
		defaults: { name: 'Horoshop Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		webhooks: [
			{
				name: 'default',
				// Horoshop sends JSON PUTs (order_paid at least); POST is taken too. DELETE: the shop
				// dropped the subscription on its side.
				httpMethod: 'POST,PUT,DELETE',
				responseMode: 'onReceived',
				path: 'webhook',
				ndvHideMethod: true,
			},
		],
		properties: [
			{
				displayName:
					'Horoshop subscribes this workflow when it is activated and sends its events in batches about every 5 minutes (webhooks need the Pro plan). Horoshop allows 5 subscriptions per event.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			eventProperty,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [includeDeliveryDetails, ...transportOptions],
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const stored = this.getWorkflowStaticData('node').subscription as StoredSubscription | undefined;
				const event = HOOK_EVENT[this.getNodeParameter('event') as TriggerEvent];
				return stored !== undefined && stored.url === this.getNodeWebhookUrl('default') && stored.event === event;
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const staticData = this.getWorkflowStaticData('node');
				const session = await HoroshopSession.open(this, transportSettings(this.getNodeParameter('options', {}) as object));
				const old = staticData.subscription as StoredSubscription | undefined;
				// A subscription for another URL or event would keep one of the five places taken.
				if (old) {
					await unsubscribe(this, session, old);
					delete staticData.subscription;
				}
				const event = HOOK_EVENT[this.getNodeParameter('event') as TriggerEvent];
				const subscription = await subscribe(this, session, event, this.getNodeWebhookUrl('default')!);
				staticData.subscription = subscription as unknown as IDataObject;
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const staticData = this.getWorkflowStaticData('node');
				const stored = staticData.subscription as StoredSubscription | undefined;
				if (stored) {
					const session = await HoroshopSession.open(this, transportSettings(this.getNodeParameter('options', {}) as object));
					await unsubscribe(this, session, stored);
					delete staticData.subscription;
				}
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		if (request.method === 'DELETE') {
			// Horoshop removed the subscription: the next activation subscribes again.
			delete this.getWorkflowStaticData('node').subscription;
			return { webhookResponse: { received: true } };
		}
		const payload = this.getBodyData();
		const orderId = orderIdOfPayload(payload);
		if (orderId === undefined) {
			const error = 'The Horoshop webhook carried no order number (order_id); the payload is in details.payload';
			return { workflowData: [[{ json: { error, details: { payload } } }]] };
		}
		const options = this.getNodeParameter('options', {}) as WebhookOptions & object;
		const session = await HoroshopSession.open(this, transportSettings(options));
		const orders = await fetchOrders(
			this,
			session,
			{ ids: [orderId], additionalData: options.additionalData === true },
			{ pageSize: 1, limit: 1 },
		);
		const order = orders.length > 0 ? readOrder(orders[0], shopNow(session.timezone)) : undefined;
		const item: INodeExecutionData = order?.item ?? {
			json: {
				error: `Order ${orderId} named by the Horoshop webhook was not found in the shop`,
				details: { order_id: orderId, payload },
			},
		};
		return { workflowData: [[item]] };
	}
}
