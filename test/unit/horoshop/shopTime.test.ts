import { DateTime } from 'luxon';

import { toShopTime } from '../../../nodes/Horoshop/shopTime';

const KYIV = 'Europe/Kyiv';

describe('toShopTime: date pickers to the shop\'s YYYY-MM-DD HH:mm:ss, in the shop\'s time', () => {
	it.each([
		// a picker value has no offset: wall-clock time in the workflow's timezone, sent in the shop's
		['2026-11-01T08:30:00', KYIV, '2026-11-01 08:30:00'],
		['2026-11-01T08:30:00', 'UTC', '2026-11-01 10:30:00'],
		// n8n's default workflow timezone: 08:30 in New York is 15:30 in Kyiv
		['2026-11-20T08:30:00', 'America/New_York', '2026-11-20 15:30:00'],
		// an expression's value with an offset is converted to the shop's time, whatever the workflow's
		['2026-11-01T06:30:00.000Z', 'America/New_York', '2026-11-01 08:30:00'],
		['2026-07-01T06:30:00.000Z', KYIV, '2026-07-01 09:30:00'],
		// the shop's own formats are the shop's time already: passed as typed, a date alone a whole day
		['2026-11-01 08:30:00', 'America/New_York', '2026-11-01 08:30:00'],
		['01.11.2026 08:30:00', KYIV, '2026-11-01 08:30:00'],
		['2026-11-01', KYIV, '2026-11-01'],
		['01.11.2026', KYIV, '2026-11-01'],
	])('%s with the workflow in %s -> %s in Kyiv', (value, workflowZone, expected) => {
		expect(toShopTime(value, workflowZone, KYIV)).toBe(expected);
	});

	it('takes Luxon DateTimes and JS Dates from expressions, converted to the shop\'s time', () => {
		expect(toShopTime(DateTime.fromISO('2026-11-01T06:30:00Z', { zone: 'America/New_York' }), 'America/New_York', KYIV)).toBe('2026-11-01 08:30:00');
		expect(toShopTime(new Date('2026-11-01T06:30:00Z'), 'America/New_York', KYIV)).toBe('2026-11-01 08:30:00');
		expect(toShopTime(new Date('2026-11-01T06:30:00Z'), KYIV, 'Europe/Moscow')).toBe('2026-11-01 09:30:00');
	});

	it('gives nothing for an empty value', () => {
		expect(toShopTime('', KYIV, KYIV)).toBeUndefined();
		expect(toShopTime(undefined, KYIV, KYIV)).toBeUndefined();
	});

	it.each(['yesterday', '2026-13-01T00:00:00', '31.02.2026', 42])('refuses %p with the reason', (value) => {
		expect(() => toShopTime(value, KYIV, KYIV)).toThrow(`${JSON.stringify(value)} is not a date and time`);
	});
});
