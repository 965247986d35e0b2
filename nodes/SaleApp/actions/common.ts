import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { ZodError } from 'zod';

import { issueMessage } from '../../shared/orders/zodProblems';
import { mapWithLimit } from '../../shared/results/batches';
import type { ItemError, ItemResults } from '../../shared/results/itemResults';
import { failExecutionOption } from '../../shared/results/itemResults';
import { redact } from '../../shared/transport/redact';
import { transportOptions, transportSettings } from '../../shared/transport/retry';
import type { SaleAppSession } from '../transport';
import { openSession } from '../transport';

/** Requests in flight at once: quick on a long list, gentle on one organisation's server. */
const CONCURRENCY = 4;

/**
 * Mirrors the credential's key kind so the form can show or hide client, currency and warehouse
 * (n8n cannot hide node fields by a credential's value). The credential stays the truth: a
 * mismatch stops the node with a message saying which to change.
 */
export const keyKindProperty: INodeProperties = {
	displayName: 'Key Kind',
	name: 'keyKind',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Organisation Key', value: 'organisation' },
		{ name: 'Counterparty Key', value: 'counterparty' },
	],
	default: 'organisation',
	description:
		"The kind of key in the selected credential. An organisation key needs client, currency and warehouse IDs; a counterparty key brings its own.",
};

/** The "Options" collection of an operation: its own options plus timeout and retry. */
export function optionsProperty(operation: string, own: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['order'], operation: [operation] } },
		options: [...own, failExecutionOption, ...transportOptions],
	};
}

/** Opens the session; checks that the node's "Key Kind" matches the credential's. */
export async function startOperation(context: IExecuteFunctions, checkKeyKind: boolean): Promise<SaleAppSession> {
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	const session = await openSession(context, transportSettings(options));
	if (checkKeyKind) {
		const chosen = context.getNodeParameter('keyKind', 0, 'organisation') as string;
		if (chosen !== session.kind) {
			throw new NodeOperationError(
				context.getNode(),
				`The credential holds ${article(session.kind)} key but the node's "Key Kind" is "${chosen}"`,
				{ description: `Set "Key Kind" to "${session.kind}" so that the node asks for the right fields.` },
			);
		}
	}
	return session;
}

/**
 * Runs `task` for every input item, a few at a time. A failed item goes to the error output
 * (or stops the node, naming the item, when the node does not continue on error); once the node
 * has stopped, no further item is sent.
 */
export async function forEachItem(
	context: IExecuteFunctions,
	results: ItemResults,
	task: (itemIndex: number) => Promise<void>,
	secrets: readonly string[] = [],
): Promise<void> {
	const indexes = context.getInputData().map((_, index) => index);
	let stopped: unknown;
	await mapWithLimit(indexes, CONCURRENCY, async (itemIndex) => {
		if (stopped !== undefined) return;
		try {
			await task(itemIndex);
		} catch (error) {
			try {
				results.failure(itemIndex, itemErrorOf(context, error, itemIndex, secrets));
			} catch (thrown) {
				stopped ??= thrown;
			}
		}
	});
	if (stopped !== undefined) throw stopped;
}

function itemErrorOf(context: IExecuteFunctions, error: unknown, itemIndex: number, secrets: readonly string[]): ItemError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	const message = redact(error instanceof Error ? error.message : String(error), secrets);
	return new NodeOperationError(context.getNode(), message, { itemIndex });
}

/** A bad-input error naming the order and the item. */
export function inputError(context: IExecuteFunctions, itemIndex: number, order: string, message: string) {
	return new NodeOperationError(context.getNode(), `${order}: ${message}`, {
		itemIndex,
		description: `Input item ${itemIndex + 1}`,
	});
}

/** Zod issues as one line: "city_ref: city_ref is required ...; products.0.qty: is required". */
export function issuesText(error: ZodError): string {
	return error.issues
		.map((issue) => {
			const path = issue.path.join('.');
			const message = issueMessage(issue);
			return path && !message.startsWith(path) ? `${path}: ${message}` : message;
		})
		.join('; ');
}

/** "Order 74", "Order with external ID "A-1"", or "Order in item 3" when it has neither. */
export function orderLabel(itemIndex: number, id?: number, externalId?: string): string {
	if (id !== undefined) return `Order ${id}`;
	if (externalId) return `Order with external ID "${externalId}"`;
	return `Order in item ${itemIndex + 1}`;
}

/** A copy without undefined values (n8n items hold JSON). */
export function plain<T extends object>(value: T): IDataObject {
	return JSON.parse(JSON.stringify(value)) as IDataObject;
}

function article(kind: string): string {
	return kind === 'organisation' ? 'an organisation' : 'a counterparty';
}
