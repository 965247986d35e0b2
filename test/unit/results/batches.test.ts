import { mapWithLimit, toBatches } from '../../../nodes/shared/results/batches';

const values = (count: number) => Array.from({ length: count }, (_, itemIndex) => ({ itemIndex, value: `order-${itemIndex}` }));

describe('batches', () => {
	it.each([
		[1, 50, [1]],
		[50, 50, [50]],
		[51, 50, [50, 1]],
		[120, 50, [50, 50, 20]],
		[0, 50, []],
	])('splits %i orders into batches of %i', (count, size, sizes) => {
		const batches = toBatches(values(count), size);
		expect(batches.map((batch) => batch.entries.length)).toEqual(sizes);
		expect(batches.flatMap((batch) => batch.entries.map((entry) => entry.itemIndex))).toEqual(
			values(count).map((entry) => entry.itemIndex),
		);
	});

	it('refuses a batch size below 1', () => {
		expect(() => toBatches(values(3), 0)).toThrow('Batch size must be 1 or more, got 0');
	});

	it('runs at most `limit` tasks at once and keeps results in input order', async () => {
		let running = 0;
		let peak = 0;
		const results = await mapWithLimit([30, 10, 20, 5, 15], 2, async (delayMs, index) => {
			running++;
			peak = Math.max(peak, running);
			await new Promise((resolve) => setTimeout(resolve, delayMs));
			running--;
			return index * 10;
		});
		expect(results).toEqual([0, 10, 20, 30, 40]);
		expect(peak).toBe(2);
	});
});
