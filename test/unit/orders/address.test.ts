import { joinAddress, splitAddressLine } from '../../../nodes/shared/orders/address';

describe('one-line addresses', () => {
	it.each([
		['вул. Хрещатик, 12А, кв. 5', { street: 'вул. Хрещатик', house: '12А', flat: '5' }],
		['ул. Ленина, д. 5, под. 2, эт. 3, кв. 10', { street: 'ул. Ленина', house: '5', entrance: '2', floor: '3', flat: '10' }],
		['просп. Перемоги, 45/2', { street: 'просп. Перемоги', house: '45/2' }],
		["вул. Січових Стрільців, 7, під'їзд 1, поверх 3", { street: 'вул. Січових Стрільців', house: '7', entrance: '1', floor: '3' }],
		['пр-т Мира, 10 корп. 2', { street: 'пр-т Мира', house: '10 корп. 2' }],
		['вул. Зелена, 3 (біля школи)', { street: 'вул. Зелена', house: '3' }],
		[
			'Отделение №13 (до 30 кг на одно место): ул. Оранжерейная, 3 (метро Дорогожичи)',
			{ branch: 'Отделение №13 (до 30 кг на одно место)', street: 'ул. Оранжерейная', house: '3' },
		],
	])('splits %s', (line, parts) => {
		expect(splitAddressLine(line)).toEqual(parts);
	});

	it.each([
		'Хрещатик 12',
		'ул. Ленина, 5, рядом с аптекой',
		'Поштомат №123: вул. Хрещатик, 1',
		'Київ@вул. Хрещатик@12',
		'вул. Хрещатик',
		'Самовивіз',
		'ул. Ленина, дом пять',
	])('keeps %s whole rather than guess', (line) => {
		expect(splitAddressLine(line)).toBeUndefined();
	});

	it('joins parts back into one line', () => {
		expect(joinAddress({ city: 'Київ', street: 'вул. Хрещатик', house: '12А', floor: '3', flat: '5' })).toBe(
			'Київ, вул. Хрещатик, 12А, поверх 3, кв. 5',
		);
	});
});
