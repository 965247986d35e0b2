type Json = Record<string, unknown>;

/**
 * The orders a receiver of the exchange (Aqua-delivery, 1C) holds, by the receiver's own id.
 *
 * Seeds 000 and 001 promise one way to find an order again: the `external_id` the sender stored
 * (the receiver's id). Nothing says the receiver looks at the sender's `id`, so by default an
 * import without `external_id` is a new order every time, even when the same sender id was
 * imported before: the worst case a real system may show. `dedupBySenderId` turns on the kinder
 * reading for tests that want it.
 */
export class ExchangeOrders {
	/** Find an order again by the sender's id when no `external_id` comes (not promised by the seeds). */
	dedupBySenderId = false;

	private readonly byId = new Map<string, Json>();

	private readonly idsOfSender = new Map<string, string[]>();

	/** The stored order an import updates: by `external_id`, else by sender id when dedup is on. */
	target(senderId: string, externalId: unknown): { found?: Json; unknownExternalId?: string } {
		if (externalId !== undefined && externalId !== null && String(externalId).trim() !== '') {
			const found = this.byId.get(String(externalId).trim());
			return found ? { found } : { unknownExternalId: String(externalId) };
		}
		return this.dedupBySenderId ? { found: this.get(senderId) } : {};
	}

	/** Stores an order under its receiver id (`id`) for the sender id it came with. */
	store(senderId: string, order: Json): void {
		const id = String(order.id);
		if (!this.byId.has(id)) this.idsOfSender.set(senderId, [...(this.idsOfSender.get(senderId) ?? []), id]);
		this.byId.set(id, order);
	}

	/** The newest order stored for a sender id. */
	get(senderId: string): Json | undefined {
		const ids = this.idsOfSender.get(senderId);
		return ids ? this.byId.get(ids[ids.length - 1]) : undefined;
	}

	has(senderId: string): boolean {
		return this.idsOfSender.has(senderId);
	}

	/** Every order stored for a sender id; more than one means the order was doubled. */
	ofSender(senderId: string): Json[] {
		return (this.idsOfSender.get(senderId) ?? []).map((id) => this.byId.get(id)!);
	}

	/** How many orders the receiver holds, duplicates included. */
	get size(): number {
		return this.byId.size;
	}

	/** How many stored orders are second (or later) copies of a sender's order. */
	duplicates(): number {
		let extra = 0;
		for (const ids of this.idsOfSender.values()) extra += ids.length - 1;
		return extra;
	}

	/** The sender ids that were stored more than once. */
	doubledSenderIds(): string[] {
		return [...this.idsOfSender].filter(([, ids]) => ids.length > 1).map(([senderId]) => senderId);
	}

	values(): Json[] {
		return [...this.byId.values()];
	}

	clear(): void {
		this.byId.clear();
		this.idsOfSender.clear();
		this.dedupBySenderId = false;
	}
}
