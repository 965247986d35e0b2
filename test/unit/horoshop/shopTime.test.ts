import { DateTime } from 'luxon';

import { toShopTime } from '../../../nodes/Horoshop/shopTime';

describe('toShopTime: date pickers to the shop\'s YYYY-MM-DD HH:mm:ss', () => {
	it.each([
		// a picker value has no offset: wall-clock time in the workflow's timezone
		['2026-11-01T08:30:00', 'Europe/Kyiv', '2026-11-01 08:30:00'],
		['2026-11-01T08:30:00', 'UTC', '2026-11-01 08:30:00'],
		// an expression's value with an offset is converted to the workflow's timezone
		['2026-11-01T06:30:00.000Z', 'Europe/Kyiv', '2026-11-01 08:30:00'],
		['2026-07-01T06:30:00.000Z', 'Europe/Kyiv', '2026-07-01 09:30:00'],
		['2026-11-01T08:30:00+02:00', 'America/New_York', '2026-11-01 01:30:00'],
		// the shop's own formats pass through, a date alone staying a whole day
		['2026-11-01 08:30:00', 'Europe/Kyiv', '2026-11-01 08:30:00'],
		['01.11.2026 08:30:00', 'Europe/Kyiv', '2026-11-01 08:30:00'],
		['2026-11-01', 'Europe/Kyiv', '2026-11-01'],
		['01.11.2026', 'Europe/Kyiv', '2026-11-01'],
	])('%s in %s -> %s', (value, zone, expected) => {
		expect(toShopTime(value, zone)).toBe(expected);
	});

	it('takes Luxon DateTimes and JS Dates from expressions', () => {
		expect(toShopTime(DateTime.fromISO('2026-11-01T06:30:00Z'), 'Europe/Kyiv')).toBe('2026-11-01 08:30:00');
		expect(toShopTime(new Date('2026-11-01T06:30:00Z'), 'Europe/Kyiv')).toBe('2026-11-01 08:30:00');
	});

	it('gives nothing for an empty value', () => {
		expect(toShopTime('', 'Europe/Kyiv')).toBeUndefined();
		expect(toShopTime(undefined, 'Europe/Kyiv')).toBeUndefined();
	});

	it.each(['yesterday', '2026-13-01T00:00:00', '31.02.2026', 42])('refuses %p with the reason', (value) => {
		expect(() => toShopTime(value, 'Europe/Kyiv')).toThrow(`${JSON.stringify(value)} is not a date and time`);
	});
});
