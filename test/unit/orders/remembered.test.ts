import { rememberingLast } from '../../../nodes/shared/orders/remembered';

describe('remembering the last few answers', () => {
	it('answers as the function does and works out again only what it has not kept', () => {
		const asked: string[] = [];
		const length = rememberingLast(3, (text: string) => {
			asked.push(text);
			return text.length;
		});
		// Two texts repeat in every order (a delivery window), a third is new each time (a creation time).
		const answers: number[] = [];
		for (let order = 0; order < 50; order++) {
			for (const text of [`created ${order}`, 'from', 'to']) answers.push(length(text));
		}
		expect(answers).toEqual(Array.from({ length: 50 }, (_, order) => [`created ${order}`.length, 4, 2]).flat());
		expect(asked.filter((text) => text === 'from' || text === 'to')).toEqual(['from', 'to']);
		expect(asked).toHaveLength(52);
	});

	it('makes room with the answer used longest ago', () => {
		const asked: string[] = [];
		const upper = rememberingLast(2, (text: string) => {
			asked.push(text);
			return text.toUpperCase();
		});
		expect([upper('a'), upper('b'), upper('a'), upper('c'), upper('a'), upper('b')]).toEqual(['A', 'B', 'A', 'C', 'A', 'B']);
		// 'c' took the place of 'b' (used longest ago), so 'a' was still kept and 'b' had to be worked out again.
		expect(asked).toEqual(['a', 'b', 'c', 'b']);
	});
});
