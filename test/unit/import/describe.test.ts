import { describeRejection, orderLabel } from '../../../nodes/shared/import/describe';

describe('messages of the import engine', () => {
	it('reads the shapes a rejection comes in', () => {
		expect(describeRejection({ coins: ['Недостаточно баллов.'], 'client.phone': ['Необходимо заполнить «client.phone».'] })).toBe(
			'coins: Недостаточно баллов.; client.phone: Необходимо заполнить «client.phone».',
		);
		expect(describeRejection('Заказ заблокирован')).toBe('Заказ заблокирован');
		expect(describeRejection({ message: 'Товар не найден' })).toBe('Товар не найден');
		expect(describeRejection([{ field: 'total', message: 'bad' }])).toBe('field: total; bad');
		expect(describeRejection(null)).toBe('no reason given');
		expect(describeRejection({})).toBe('no reason given');
	});

	it('keeps a long rejection to one short line', () => {
		expect(describeRejection({ comment: ['x'.repeat(500)] }).length).toBeLessThanOrEqual(201);
	});

	it('names an order by its id, or by its item when it has none', () => {
		expect(orderLabel({ id: ' SO-1 ' }, 0)).toBe('order SO-1');
		expect(orderLabel({ id: 17 }, 0)).toBe('order 17');
		expect(orderLabel({ id: '' }, 4)).toBe('the order of item 5 (it has no id)');
		expect(orderLabel('not an object', 0)).toBe('the order of item 1 (it has no id)');
	});
});
