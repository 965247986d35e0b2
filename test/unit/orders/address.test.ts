import { joinAddress, splitAddressFields, splitAddressLine } from '../../../nodes/shared/orders/address';

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

describe("Horoshop's Ukrposhta address, fields joined with @ (seed 002)", () => {
	it('reads street@house@flat', () => {
		expect(splitAddressFields('вул. Січових Стрільців@78@161')).toEqual({
			parts: { street: 'вул. Січових Стрільців', house: '78', flat: '161' },
			unplaced: [],
			line: 'вул. Січових Стрільців, 78, кв. 161',
		});
	});

	it.each(['вул. Січових Стрільців@78', 'вул. Січових Стрільців@78@', 'вул. Січових Стрільців@78@ '])(
		'reads %s as a house without a flat',
		(raw) => {
			expect(splitAddressFields(raw)).toEqual({
				parts: { street: 'вул. Січових Стрільців', house: '78', flat: undefined },
				unplaced: [],
				line: 'вул. Січових Стрільців, 78',
			});
		},
	);

	it('trims spaces around @ and inside fields', () => {
		expect(splitAddressFields('  просп.  Перемоги @ 45/2 @ кв. 12А ')).toEqual({
			parts: { street: 'просп. Перемоги', house: '45/2', flat: '12А' },
			unplaced: [],
			line: 'просп. Перемоги, 45/2, кв. 12А',
		});
	});

	it('places what it recognises and lists a flat that is not one, and fields past the third', () => {
		expect(splitAddressFields('вул. Зелена@3@біля магазину@01001')).toEqual({
			parts: { street: 'вул. Зелена', house: '3', flat: undefined },
			unplaced: ['біля магазину', '01001'],
			line: 'вул. Зелена, 3, біля магазину, 01001',
		});
		// A five-digit postcode is not taken for a flat.
		expect(splitAddressFields('вул. Зелена@3@01001').unplaced).toEqual(['01001']);
	});

	it.each([
		['Київ@вул. Хрещатик@12', 'Київ, вул. Хрещатик, 12'], // city first: "вул. Хрещатик" is no house number
		['01001@вул. Хрещатик@12@5', '01001, вул. Хрещатик, 12, 5'], // a postcode where the street belongs
		['@вул. Хрещатик@12', 'вул. Хрещатик, 12'], // an empty first field shifts every position
		['вул. Хрещатик@@5', 'вул. Хрещатик, 5'], // no house
		['Відділення №5@12', 'Відділення №5, 12'],
		['ivan@gmail.com', 'ivan, gmail.com'],
	])('places nothing in the malformed %s and keeps every field', (raw, line) => {
		const split = splitAddressFields(raw);
		expect(split.parts).toBeUndefined();
		expect(split.line).toBe(line);
		expect(split.unplaced).toEqual(line.split(', '));
	});
});
