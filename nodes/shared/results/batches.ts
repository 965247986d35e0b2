/** One batch of input items, each with the index of the input item it came from. */
export interface Batch<T> {
	index: number;
	entries: Array<{ itemIndex: number; value: T }>;
}

/** Splits values into batches of `size`, keeping each value's input item index. */
export function toBatches<T>(
	values: Array<{ itemIndex: number; value: T }>,
	size: number,
): Array<Batch<T>> {
	if (!Number.isInteger(size) || size < 1) throw new RangeError(`Batch size must be 1 or more, got ${size}`);
	const batches: Array<Batch<T>> = [];
	for (let start = 0; start < values.length; start += size) {
		batches.push({ index: batches.length, entries: values.slice(start, start + size) });
	}
	return batches;
}

/**
 * Runs `task` over `inputs` with at most `limit` running at once; results keep the inputs' order.
 * A task that rejects rejects the whole run, so tasks should settle their own failures.
 */
export async function mapWithLimit<I, O>(
	inputs: readonly I[],
	limit: number,
	task: (input: I, index: number) => Promise<O>,
): Promise<O[]> {
	const results = new Array<O>(inputs.length);
	let next = 0;
	const worker = async () => {
		while (next < inputs.length) {
			const index = next++;
			results[index] = await task(inputs[index], index);
		}
	};
	const workers = Array.from({ length: Math.max(1, Math.min(limit, inputs.length)) }, worker);
	await Promise.all(workers);
	return results;
}
