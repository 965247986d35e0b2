import { hash } from 'node:crypto';

import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/** What the record knows of one order, by the sender's order id. */
export interface RememberedOrder {
	/** `imported`: the receiver confirmed it; `in_doubt`: it was sent, but the answer was lost. */
	state: 'imported' | 'in_doubt';
	/** The receiver's id of the order (sent back as `external_id`); absent while in doubt. */
	receiverId?: string;
	/** A fingerprint of the order as it was last sent, without its `external_id`. */
	sent: string;
	/** When it was last sent, as an ISO time. */
	at: string;
}

export const DEFAULT_REMEMBER_AT_MOST = 50_000;

/**
 * The record of imported orders that an import node keeps in the workflow's static data (sender
 * id -> receiver id), so that a later run sends the receiver's id back as `external_id` and the
 * receiver updates the order instead of creating a second one (seeds 000 and 001), also after a
 * run that stopped on an error. It lives in the workflow, one per system and credential, and
 * nowhere else: every n8n process (queue-mode workers too) reads it from the database. n8n saves
 * static data after production runs (trigger, webhook, schedule), not after a manual run in the
 * editor.
 */
export class ImportRecord {
	private constructor(
		private readonly orders: Record<string, RememberedOrder>,
		private readonly atMost: number,
	) {}

	/** The record of this system and credential in the workflow, created when missing. */
	static open(context: IExecuteFunctions, system: string, credentialType: string, atMost = DEFAULT_REMEMBER_AT_MOST): ImportRecord {
		refuseBesidePollingTrigger(context);
		const credentialId = context.getNode().credentials?.[credentialType]?.id ?? 'default';
		const key = `orderSync:${system}:${credentialId}`;
		const staticData = context.getWorkflowStaticData('global');
		staticData[key] ??= { orders: {} };
		return new ImportRecord((staticData[key] as IDataObject).orders as Record<string, RememberedOrder>, atMost);
	}

	get(senderId: string): RememberedOrder | undefined {
		return this.orders[senderId];
	}

	/** Every remembered order, oldest first. */
	list(): Array<RememberedOrder & { orderId: string }> {
		return Object.entries(this.orders)
			.map(([orderId, order]) => ({ orderId, ...order }))
			.sort((a, b) => a.at.localeCompare(b.at));
	}

	/** Without `wire` no fingerprint is kept, so the order is not taken as unchanged next time. */
	imported(senderId: string, receiverId: string, wire?: IDataObject): void {
		const sent = wire ? fingerprintOf(wire) : '';
		this.orders[senderId] = { state: 'imported', receiverId, sent, at: new Date().toISOString() };
	}

	inDoubt(senderId: string, wire: IDataObject): void {
		this.orders[senderId] = { state: 'in_doubt', sent: fingerprintOf(wire), at: new Date().toISOString() };
	}

	/** Records the receiver's id found by the user (an order in doubt that did arrive). */
	markImported(senderId: string, receiverId: string): void {
		const sent = this.orders[senderId]?.sent ?? '';
		this.orders[senderId] = { state: 'imported', receiverId, sent, at: new Date().toISOString() };
	}

	/** Forgets an order, so that it is sent as a new one next time; false when it was not remembered. */
	forget(senderId: string): boolean {
		if (!(senderId in this.orders)) return false;
		delete this.orders[senderId];
		return true;
	}

	/**
	 * Drops the oldest imported orders past the size limit (orders in doubt stay until resolved).
	 * Runs once per execution, after the sends.
	 */
	prune(): void {
		const ids = Object.keys(this.orders);
		if (ids.length <= this.atMost) return;
		const oldestFirst = ids
			.filter((id) => this.orders[id].state === 'imported')
			.sort((a, b) => this.orders[a].at.localeCompare(this.orders[b].at));
		for (const id of oldestFirst.slice(0, ids.length - this.atMost)) delete this.orders[id];
	}
}

/** The order as sent, minus the receiver id that a later send adds: unchanged orders match. */
export function fingerprintOf(wire: IDataObject): string {
	// JSON leaves out a field whose value is undefined: the same text as the order without the field,
	// and no copy reshaped by a delete (that copy and the hash object cost more than the hash).
	const text = JSON.stringify('external_id' in wire ? { ...wire, external_id: undefined } : wire);
	return hash('sha1', text, 'base64').slice(0, 16);
}

/**
 * A polling trigger (one with Poll Times) keeps its own copy of the workflow's static data from
 * the moment the workflow was published and saves that copy whole after its polls, while each
 * execution saves its own: the two overwrite each other in n8n's database, so the record (or the
 * trigger's memory) would be undone between runs and orders imported twice. The record therefore
 * lives in a sub-workflow the trigger's workflow calls, never beside such a trigger.
 */
function refuseBesidePollingTrigger(context: IExecuteFunctions): void {
	const node = context.getNode();
	const poller = context
		.getParentNodes(node.name, { includeNodeParameters: true })
		.find((parent) => !parent.disabled && parent.parameters?.pollTimes !== undefined);
	if (!poller) return;
	throw new NodeOperationError(
		node,
		`"Remember Imported Orders" cannot be used in a workflow started by the polling trigger "${poller.name}"`,
		{
			description:
				"n8n saves a workflow's memory whole, and a polling trigger saves its own copy after each poll, which would undo the record of imported orders, so orders could be created twice. Put this node in a sub-workflow (started by \"When Executed by Another Workflow\") and call it with an Execute Workflow node from the trigger's workflow, as the template horoshop-trigger-to-aqua does; or turn Remember Imported Orders off.",
		},
	);
}
