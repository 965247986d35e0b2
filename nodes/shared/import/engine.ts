import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { ZodType, ZodTypeDef } from 'zod';

import { mapWithLimit, toBatches } from '../results/batches';
import type { Batch } from '../results/batches';
import type { ItemError, ItemResults } from '../results/itemResults';
import { callApi } from '../transport/request';
import type { TransportSettings } from '../transport/retry';
import { describeIssues, describeRejection, orderLabel } from './describe';

/** Where orders go: both Aqua-delivery and 1C take the same array and answer the same envelope. */
export interface ImportTarget {
	/** Shown in messages: "Aqua Delivery", "1C". */
	system: string;
	credentialType: string;
	url: string;
	/** The wire schema every order must pass before it may be sent. */
	schema: ZodType<{ id: string; external_id?: unknown }, ZodTypeDef, unknown>;
	/** The receiver upserts by the sender's id, so repeating a batch after a lost answer is safe. */
	upserts: boolean;
	skipSslCertificateValidation?: boolean;
}

export interface ImportSettings {
	batchSize: number;
	concurrency: number;
	/** Validate and report only; nothing is sent. */
	validateOnly: boolean;
	transport: TransportSettings;
}

export interface ImportInput {
	itemIndex: number;
	/** The order as the user gave it, not yet validated. */
	order: unknown;
}

interface ReadyOrder {
	itemIndex: number;
	id: string;
	externalId?: unknown;
	wire: IDataObject;
}

type Outcome =
	| { itemIndex: number; ok: true; json: IDataObject }
	| { itemIndex: number; ok: false; error: ItemError | string; details: IDataObject };

/**
 * The one order-import engine: validate every order with the system's schema, refuse a second
 * order with an id already seen in this run, send the rest in batches (a few at a time) through
 * the shared transport, and match the answer's per-order results to input items by sender id.
 * Every input order ends in exactly one place: main output, or error output with the reason.
 */
export async function importOrders(
	context: IExecuteFunctions,
	target: ImportTarget,
	inputs: ImportInput[],
	settings: ImportSettings,
	results: ItemResults,
): Promise<void> {
	const ready: ReadyOrder[] = [];
	const firstItemOf = new Map<string, number>();
	for (const { itemIndex, order } of inputs) {
		const parsed = target.schema.safeParse(order);
		if (!parsed.success) {
			const problems = describeIssues(parsed.error.issues);
			results.failure(
				itemIndex,
				`${capitalize(orderLabel(order, itemIndex))} is not valid, so it was not sent to ${target.system}: ${problems.join('; ')}`,
				{ problems },
			);
			continue;
		}
		const wire = parsed.data as IDataObject & { id: string; external_id?: unknown };
		const first = firstItemOf.get(wire.id);
		if (first !== undefined) {
			results.failure(
				itemIndex,
				`Order ${wire.id} appears again in this run (first in item ${first + 1}); only the first one is sent`,
				{ orderId: wire.id, duplicateOfItem: first },
			);
			continue;
		}
		firstItemOf.set(wire.id, itemIndex);
		ready.push({ itemIndex, id: wire.id, externalId: wire.external_id, wire });
	}

	if (settings.validateOnly) {
		for (const order of ready) results.success(order.itemIndex, order.wire);
		return;
	}

	// Without "continue on error" the first failure stops the node: later batches are not started.
	const stopOnFailure = !context.continueOnFail();
	let stopped = false;
	const send = async (batch: Batch<ReadyOrder>): Promise<Outcome[]> => {
		if (stopped) return [];
		const orders = batch.entries.map((entry) => entry.value);
		const batchOutcomes = await sendBatch(context, target, orders, settings.transport);
		if (stopOnFailure && batchOutcomes.some((outcome) => !outcome.ok)) stopped = true;
		return batchOutcomes;
	};
	const [first, ...rest] = toBatches(
		ready.map((order) => ({ itemIndex: order.itemIndex, value: order })),
		settings.batchSize,
	);
	if (!first) return;
	// The first batch goes alone so that a token exchange (Aqua sign-in) happens once, not per batch.
	const outcomes = [await send(first), ...(await mapWithLimit(rest, settings.concurrency, send))];
	for (const outcome of outcomes.flat().sort((a, b) => a.itemIndex - b.itemIndex)) {
		if (outcome.ok) results.success(outcome.itemIndex, outcome.json);
		else results.failure(outcome.itemIndex, outcome.error, outcome.details);
	}
}

async function sendBatch(
	context: IExecuteFunctions,
	target: ImportTarget,
	orders: ReadyOrder[],
	transport: TransportSettings,
): Promise<Outcome[]> {
	let body: unknown;
	try {
		const response = await callApi(context, {
			system: target.system,
			operation: `import ${orders.length} order${orders.length === 1 ? '' : 's'}`,
			credentialType: target.credentialType,
			request: {
				method: 'POST',
				url: target.url,
				body: orders.map((order) => order.wire),
				skipSslCertificateValidation: target.skipSslCertificateValidation,
			},
			settings: transport,
			idempotent: target.upserts,
			itemIndex: orders[0].itemIndex,
		});
		body = response.body;
	} catch (error) {
		return orders.map((order) => ({
			itemIndex: order.itemIndex,
			ok: false,
			error: error as ItemError,
			details: { orderId: order.id },
		}));
	}

	const envelope = body as { success?: unknown; data?: unknown; message?: unknown } | undefined;
	const perOrder = isRecord(envelope?.data) ? envelope.data : undefined;
	if (!envelope || typeof envelope !== 'object' || (!perOrder && envelope.success !== true)) {
		const reason = envelope?.message ?? envelope?.data ?? body;
		const message = `${target.system} refused the whole batch of ${orders.length}: ${describeRejection(reason)}`;
		return orders.map((order) => ({ itemIndex: order.itemIndex, ok: false, error: message, details: { orderId: order.id } }));
	}

	return orders.map((order): Outcome => {
		const result = resultFor(perOrder ?? {}, order);
		if (!isRecord(result)) {
			return {
				itemIndex: order.itemIndex,
				ok: false,
				error: `${target.system} sent no result for order ${order.id}; it may or may not have been imported, check it there before sending it again`,
				details: { orderId: order.id },
			};
		}
		if (result.success !== true) {
			return {
				itemIndex: order.itemIndex,
				ok: false,
				error: `${target.system} rejected order ${order.id}: ${describeRejection(result.data)}`,
				details: { orderId: order.id, response: (result.data ?? null) as IDataObject },
			};
		}
		return { itemIndex: order.itemIndex, ok: true, json: importedOrder(result.data, order) };
	});
}

/** The result is keyed by the sender id; some receivers key it by the id they gave the order. */
function resultFor(perOrder: Record<string, unknown>, order: ReadyOrder): unknown {
	if (order.id in perOrder) return perOrder[order.id];
	const externalId = order.externalId;
	if (externalId !== undefined && externalId !== null && String(externalId) in perOrder) {
		return perOrder[String(externalId)];
	}
	return undefined;
}

/** The order as the receiver stored it (its `id` is the one to keep as `external_id`). */
function importedOrder(data: unknown, order: ReadyOrder): IDataObject {
	const imported = Array.isArray(data) ? data[0] : data;
	if (isRecord(imported)) return imported as IDataObject;
	return { external_id: order.id, result: (data ?? null) as IDataObject };
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
