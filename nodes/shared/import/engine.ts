import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { Problems } from '../orders/problems';
import { isPlainObject } from '../orders/read';
import { mapWithLimit, toBatches } from '../results/batches';
import type { Batch } from '../results/batches';
import type { ErrorKind, ItemError, ItemResults } from '../results/itemResults';
import { callApi, failureKindOf } from '../transport/request';
import type { TransportSettings } from '../transport/retry';
import { describeProblems, describeRejection, orderLabel } from './describe';
import { describeLines, droppedLines } from './lines';
import type { SentLine } from './lines';
import { ImportRecord, fingerprintOf } from './record';
import type { RememberedOrder } from './record';

/** Where orders go: both Aqua-delivery and 1C take the same array and answer the same envelope. */
export interface ImportTarget {
	/** Shown in messages: "Aqua Delivery", "1C". */
	system: string;
	/** The output field with the receiver's id of the order: "aquaId", "oneCId". */
	receiverIdField: string;
	credentialType: string;
	url: string;
	/**
	 * The wire check every order must pass before it may be sent: the order as it goes on the wire,
	 * or undefined with each problem recorded (aqua/check.ts, onec/check.ts).
	 */
	check: (order: unknown, problems: Problems) => { id: string; external_id?: unknown } | undefined;
	skipSslCertificateValidation?: boolean;
	/** Advice added to a refusal with this HTTP status (see ApiCall). */
	adviceByStatus?: Record<number, string>;
}

export interface ImportSettings {
	batchSize: number;
	concurrency: number;
	/** Validate and report only; nothing is sent. */
	validateOnly: boolean;
	/** Keep sender id -> receiver id in the workflow (see ImportRecord). */
	remember: boolean;
	rememberAtMost: number;
	/** A remembered order whose wire form is the same as last accepted is not sent again. */
	skipUnchanged: boolean;
	/** An order imported without some of its lines goes to the main output with a note. */
	acceptDroppedLines: boolean;
	/** Output the receiver's whole answer per order, the client's record included. */
	fullAnswer: boolean;
	/** One summary item on the main output instead of one item per order. */
	summaryOnly: boolean;
	transport: TransportSettings;
}

/** What a run did, besides the per-order items. */
export interface ImportCounts {
	created: number;
	updated: number;
	skippedUnchanged: number;
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
	| { itemIndex: number; ok: false; error: ItemError | string; details: IDataObject; kind?: ErrorKind };

/**
 * The one order-import engine. Every input order ends in exactly one place, main output or error
 * output with the reason, and none is sent twice:
 * - each order is checked with the system's schema; a second order with an id already seen in
 *   this run is refused;
 * - the receiver's id remembered from an earlier run is sent as `external_id`, so the receiver
 *   updates the order (the only re-import the seeds promise to recognise); an order whose earlier
 *   answer was lost is held back as in doubt;
 * - updates and new orders go in separate batches, a few at a time, through the shared transport,
 *   so a batch of updates may be repeated after a lost answer while a batch of new orders is not
 *   (each of its orders is then "outcome unknown" and remembered as in doubt);
 * - the answer's per-order results are matched to input items by sender id, and each imported
 *   order's lines are compared with the ones sent.
 */
export async function importOrders(
	context: IExecuteFunctions,
	target: ImportTarget,
	inputs: ImportInput[],
	settings: ImportSettings,
	results: ItemResults,
): Promise<ImportCounts> {
	const counts: ImportCounts = { created: 0, updated: 0, skippedUnchanged: 0 };
	const record = settings.remember
		? ImportRecord.open(context, target.system, target.credentialType, settings.rememberAtMost)
		: undefined;
	const { ready, skippedUnchanged } = prepareOrders(target, inputs, record, settings.skipUnchanged, results);
	counts.skippedUnchanged = skippedUnchanged;

	if (settings.validateOnly) {
		for (const order of ready) results.success(order.itemIndex, order.wire);
		return counts;
	}

	// Without "continue on error" the first failure stops the node: later batches are not started.
	const stopOnFailure = !context.continueOnFail();
	let stopped = false;
	// A failure every later batch would meet too (a refused sign-in): asked once, not per batch.
	let cannotSend: ItemError | undefined;
	const send = async (batch: Batch<ReadyOrder>): Promise<Outcome[]> => {
		const orders = batch.entries.map((entry) => entry.value);
		if (cannotSend) return orders.map((order) => failed(order, cannotSend!));
		if (stopped) return [];
		const batchOutcomes = await sendBatch(context, target, orders, settings, record);
		const [firstOutcome] = batchOutcomes;
		if (firstOutcome && !firstOutcome.ok && failureKindOf(firstOutcome.error) === 'cannot_send') {
			cannotSend = firstOutcome.error as ItemError;
		}
		if (stopOnFailure && batchOutcomes.some((outcome) => !outcome.ok)) stopped = true;
		return batchOutcomes;
	};
	const entries = (orders: ReadyOrder[]) => orders.map((order) => ({ itemIndex: order.itemIndex, value: order }));
	const [first, ...rest] = [
		...toBatches(entries(ready.filter((order) => hasValue(order.externalId))), settings.batchSize),
		...toBatches(entries(ready.filter((order) => !hasValue(order.externalId))), settings.batchSize),
	];
	if (first) {
		// The first batch goes alone so that a token exchange (Aqua sign-in) happens once, not per batch.
		const outcomes = [await send(first), ...(await mapWithLimit(rest, settings.concurrency, send))];
		const sent = new Map(ready.map((order) => [order.itemIndex, order]));
		for (const outcome of outcomes.flat().sort((a, b) => a.itemIndex - b.itemIndex)) {
			if (!outcome.ok) {
				results.failure(outcome.itemIndex, outcome.error, outcome.details, outcome.kind);
				continue;
			}
			results.success(outcome.itemIndex, outcome.json);
			if (hasValue(sent.get(outcome.itemIndex)?.externalId)) counts.updated++;
			else counts.created++;
		}
	}
	record?.prune();
	return counts;
}

/**
 * Checks every order, fills in remembered receiver ids, holds back orders in doubt and passes
 * over orders that have not changed since the receiver accepted them.
 */
function prepareOrders(
	target: ImportTarget,
	inputs: ImportInput[],
	record: ImportRecord | undefined,
	skipUnchanged: boolean,
	results: ItemResults,
): { ready: ReadyOrder[]; skippedUnchanged: number } {
	const ready: ReadyOrder[] = [];
	let skippedUnchanged = 0;
	const firstItemOf = new Map<string, number>();
	for (const { itemIndex, order } of inputs) {
		const senderId = senderIdOf(order);
		const remembered = senderId === undefined ? undefined : record?.get(senderId);
		let toCheck = order;
		if (remembered && !hasValue((order as IDataObject).external_id)) {
			if (remembered.state === 'in_doubt') {
				results.failure(itemIndex, inDoubtMessage(target.system, senderId!, remembered), { orderId: senderId, sentAt: remembered.at }, 'in_doubt');
				continue;
			}
			toCheck = { ...(order as IDataObject), external_id: remembered.receiverId };
		}
		const found = new Problems();
		const checked = target.check(toCheck, found);
		if (!checked) {
			const problems = describeProblems(found.errors);
			results.failure(
				itemIndex,
				`${capitalize(orderLabel(order, itemIndex))} is not valid, so it was not sent to ${target.system}: ${problems.join('; ')}`,
				{ problems },
				'invalid',
			);
			continue;
		}
		const wire = checked as IDataObject & { id: string; external_id?: unknown };
		const first = firstItemOf.get(wire.id);
		if (first !== undefined) {
			results.failure(
				itemIndex,
				`Order ${wire.id} appears again in this run (first in item ${first + 1}); only the first one is sent`,
				{ orderId: wire.id, duplicateOfItem: first },
				'invalid',
			);
			continue;
		}
		firstItemOf.set(wire.id, itemIndex);
		if (skipUnchanged && remembered?.state === 'imported' && remembered.sent === fingerprintOf(wire)) {
			results.success(itemIndex, {
				orderId: wire.id,
				[target.receiverIdField]: remembered.receiverId,
				skipped: 'unchanged',
				lastSentAt: remembered.at,
				id: remembered.receiverId,
				external_id: wire.id,
			});
			skippedUnchanged++;
			continue;
		}
		ready.push({ itemIndex, id: wire.id, externalId: wire.external_id, wire });
	}
	return { ready, skippedUnchanged };
}

/** The one item "One Summary Item" puts on the main output. */
export function importSummary(system: string, counts: ImportCounts, results: ItemResults, orders: number): IDataObject {
	const failed = results.failed();
	return { system, orders, ...counts, failed: failed.count, failedByKind: failed.byKind };
}

async function sendBatch(
	context: IExecuteFunctions,
	target: ImportTarget,
	orders: ReadyOrder[],
	settings: ImportSettings,
	record: ImportRecord | undefined,
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
			settings: settings.transport,
			adviceByStatus: target.adviceByStatus,
			// Every order names the receiver's order, so sending the batch again only updates them.
			idempotent: orders.every((order) => hasValue(order.externalId)),
			itemIndex: orders[0].itemIndex,
		});
		body = response.body;
	} catch (error) {
		const apiError = error as ItemError;
		if (failureKindOf(apiError) === 'outcome_unknown') {
			for (const order of orders) record?.inDoubt(order.id, order.wire);
			apiError.description = outcomeUnknownAdvice(target.system, record !== undefined);
		}
		return orders.map((order) => failed(order, apiError));
	}

	const envelope = body as { success?: unknown; data?: unknown; message?: unknown } | undefined;
	const perOrder = isPlainObject(envelope?.data) ? envelope.data : undefined;
	if (!envelope || typeof envelope !== 'object' || (!perOrder && envelope.success !== true)) {
		const reason = envelope?.message ?? envelope?.data ?? body;
		const message = `${target.system} refused the whole batch of ${orders.length}: ${describeRejection(reason)}`;
		return orders.map((order) => failed(order, message, 'rejected'));
	}

	return orders.map((order): Outcome => {
		const result = resultFor(perOrder ?? {}, order);
		if (!isPlainObject(result)) {
			record?.inDoubt(order.id, order.wire);
			const message = `${target.system} sent no result for order ${order.id}; it may or may not have been imported. ${outcomeUnknownAdvice(target.system, record !== undefined)}`;
			return failed(order, message, 'outcome_unknown');
		}
		if (result.success !== true) {
			return {
				itemIndex: order.itemIndex,
				ok: false,
				error: `${target.system} rejected order ${order.id}: ${describeRejection(result.data)}`,
				details: { orderId: order.id, response: (result.data ?? null) as IDataObject },
				kind: 'rejected',
			};
		}
		const imported = importedOrder(result.data, order);
		const receiverId = hasValue(imported.id) ? String(imported.id) : undefined;
		const outcome = checkLines(target, order, imported, receiverId, settings);
		// An order that lost lines keeps its id but not the fingerprint: it is not "unchanged" until fixed.
		if (receiverId !== undefined) record?.imported(order.id, receiverId, outcome.ok ? order.wire : undefined);
		return outcome;
	});
}

/**
 * The receiver's answer for an imported order, with your id and its id named up front; an order
 * whose stored lines lack some sent ones is not a plain success.
 */
function checkLines(
	target: ImportTarget,
	order: ReadyOrder,
	answer: IDataObject,
	receiverId: string | undefined,
	settings: ImportSettings,
): Outcome {
	const { system } = target;
	const imported = { orderId: order.id, [target.receiverIdField]: receiverId ?? null, ...(settings.fullAnswer ? answer : trimmed(answer)) };
	const sent = order.wire.order_item_list as unknown as SentLine[];
	const dropped = droppedLines(sent, answer.order_item_list);
	if (dropped.length === 0) return { itemIndex: order.itemIndex, ok: true, json: imported };
	const message =
		`${system} imported order ${order.id}${receiverId ? ` as ${receiverId}` : ''} without ${dropped.length} of its ${sent.length} ` +
		`line${sent.length === 1 ? '' : 's'}: ${describeLines(dropped)} (${system} does not know ${dropped.length === 1 ? 'this product' : 'these products'})`;
	if (settings.acceptDroppedLines) return { itemIndex: order.itemIndex, ok: true, json: { ...imported, droppedLines: dropped as unknown as IDataObject[], note: message } };
	return {
		itemIndex: order.itemIndex,
		ok: false,
		error: `${message}. Fix the product IDs and send the order again: it goes as an update${receiverId ? ` of ${receiverId}` : ''}`,
		details: { orderId: order.id, receiverId: receiverId ?? null, droppedLines: dropped as unknown as IDataObject[], response: answer },
		kind: 'lines_dropped',
	};
}

/**
 * The answer without the client's record the receiver echoes with every order (Aqua: addresses,
 * requisites, price list, balance), which can be most of it: the client keeps only its ids.
 */
function trimmed(answer: IDataObject): IDataObject {
	const client = answer.client;
	if (!isPlainObject(client)) return answer;
	return { ...answer, client: { id: client.id ?? null, external_id: client.external_id ?? null } };
}

function failed(order: ReadyOrder, error: ItemError | string, kind?: ErrorKind): Outcome {
	return { itemIndex: order.itemIndex, ok: false, error, details: { orderId: order.id }, kind };
}

function outcomeUnknownAdvice(system: string, remembered: boolean): string {
	return remembered
		? `The order is remembered as in doubt and held back from later runs, so it is not doubled. Look it up in ${system}: ` +
				`if it is there, use the operation "Mark Order as Imported" with ${system}'s ID (or send the order with that ID as External ID); ` +
				`if it is not, use "Forget Remembered Order" and it is sent as new next time.`
		: `Look the order up in ${system} before sending it again: sent again without ${system}'s ID as External ID, it may become a second order.`;
}

function inDoubtMessage(system: string, orderId: string, remembered: RememberedOrder): string {
	return (
		`Order ${orderId} was sent to ${system} at ${remembered.at}, but the answer was lost, so ${system} may have it already; ` +
		`it is held back so that it is not doubled. Look it up in ${system}: if it is there, use the operation "Mark Order as Imported" ` +
		`with ${system}'s ID (or send the order with that ID as External ID); if it is not, use "Forget Remembered Order" and it is sent as new.`
	);
}

/** The result is keyed by the sender id; some receivers key it by the id they gave the order. */
function resultFor(perOrder: Record<string, unknown>, order: ReadyOrder): unknown {
	if (order.id in perOrder) return perOrder[order.id];
	const externalId = order.externalId;
	if (hasValue(externalId) && String(externalId) in perOrder) return perOrder[String(externalId)];
	return undefined;
}

/** The order as the receiver stored it (its `id` is the one to keep as `external_id`). */
function importedOrder(data: unknown, order: ReadyOrder): IDataObject {
	const imported = Array.isArray(data) ? data[0] : data;
	if (isPlainObject(imported)) return imported as IDataObject;
	return { external_id: order.id, result: (data ?? null) as IDataObject };
}

function senderIdOf(order: unknown): string | undefined {
	const id = (order as IDataObject | null)?.id;
	return (typeof id === 'string' && id.trim() !== '') || typeof id === 'number' ? String(id).trim() : undefined;
}

function hasValue(value: unknown): boolean {
	return value !== undefined && value !== null && String(value).trim() !== '';
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
