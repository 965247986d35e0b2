/**
 * `compute` with its last few answers kept, the least recently used one making room: for the few
 * texts that repeat from order to order among ones that never do. Every order of a day shares its
 * delivery window's two instants, and each has a creation time of its own: a bigger cache filled up
 * with creation times and cost more than it saved.
 */
export function rememberingLast<T>(size: number, compute: (text: string) => T): (text: string) => T {
	const texts: Array<string | undefined> = new Array(size).fill(undefined);
	const answers: T[] = new Array(size);
	const lastUsed: number[] = new Array(size).fill(0);
	let calls = 0;
	return (text) => {
		calls++;
		let oldest = 0;
		for (let slot = 0; slot < size; slot++) {
			if (texts[slot] === text) {
				lastUsed[slot] = calls;
				return answers[slot];
			}
			if (lastUsed[slot] < lastUsed[oldest]) oldest = slot;
		}
		const answer = compute(text);
		texts[oldest] = text;
		answers[oldest] = answer;
		lastUsed[oldest] = calls;
		return answer;
	};
}
