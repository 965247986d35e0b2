import fc from 'fast-check';
import { DateTime, FixedOffsetZone } from 'luxon';

import { Problems } from '../../../nodes/shared/orders/problems';
import { defaultWindow, readTime, toUtc } from '../../../nodes/shared/orders/time';

function read(value: string, zone: string) {
	const problems = new Problems();
	const time = readTime(value, zone, 'stat_created', problems);
	return { time, errors: problems.errors, notes: problems.notes };
}

describe('source times and their zone', () => {
	it('reads naive shop times in the given zone, with the offset that day had', () => {
		expect(read('2026-01-15 12:00:00', 'Europe/Kyiv').time).toBe('2026-01-15T12:00:00+02:00');
		expect(read('2026-07-15 12:00:00', 'Europe/Kyiv').time).toBe('2026-07-15T12:00:00+03:00');
		// Moscow has kept UTC+3 all year since 2014; before that it was UTC+4 (2011-2014).
		expect(read('2026-01-15 12:00:00', 'Europe/Moscow').time).toBe('2026-01-15T12:00:00+03:00');
		expect(read('2026-07-15 12:00:00', 'Europe/Moscow').time).toBe('2026-07-15T12:00:00+03:00');
		expect(read('2013-01-15 12:00:00', 'Europe/Moscow').time).toBe('2013-01-15T12:00:00+04:00');
		expect(read('15.01.2026 12:00', 'Europe/Kyiv').time).toBe('2026-01-15T12:00:00+02:00');
	});

	it('keeps an instant with an offset as that instant', () => {
		expect(read('2019-11-06T11:00:00Z', 'Europe/Moscow').time).toBe('2019-11-06T14:00:00+03:00');
		expect(toUtc(read('2019-11-06T11:00:00Z', 'Europe/Moscow').time as string)).toBe('2019-11-06T11:00:00Z');
	});

	it('gives each instant its own UTC time, also when a few instants repeat in turn', () => {
		const instants = ['2026-03-28T09:00:00+02:00', '2026-03-28T18:00:00+02:00', '2026-03-29T09:00:00+03:00', '2026-03-27T23:30:05+02:00', '2026-03-28T09:00:00.250+02:00'];
		const expected = ['2026-03-28T07:00:00Z', '2026-03-28T16:00:00Z', '2026-03-29T06:00:00Z', '2026-03-27T21:30:05Z', '2026-03-28T07:00:00.250Z'];
		for (let round = 0; round < 3; round++) {
			instants.forEach((instant, index) => expect(toUtc(instant)).toBe(expected[index]));
			expect(toUtc(instants[1])).toBe(expected[1]);
		}
	});

	it('writes every instant as the UTC time Date gives, milliseconds only when there are some, in 20,000 random ones', () => {
		const instants = fc.record({
			millis: fc.oneof(
				fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31) }),
				fc.integer({ min: Date.UTC(2020, 0, 1) / 1000, max: Date.UTC(2030, 0, 1) / 1000 }).map((seconds) => seconds * 1000),
				fc.integer({ min: Date.UTC(-50, 0, 1), max: Date.UTC(1100, 0, 1) }).map((millis) => millis - (millis % 1000)),
			),
			offset: fc.integer({ min: -12 * 60, max: 14 * 60 }),
		});
		fc.assert(
			fc.property(instants, ({ millis, offset }) => {
				const iso = DateTime.fromMillis(millis, { zone: FixedOffsetZone.instance(offset) }).toISO() as string;
				expect(toUtc(iso)).toBe(new Date(millis).toISOString().replace(/\.000Z$/, 'Z'));
			}),
			{ numRuns: 20_000 },
		);
	});

	it('reads a wall-clock time the spring DST change skips as the first instant after the change, and says so', () => {
		// Kyiv: 2026-03-29 03:00 EET jumps to 04:00 EEST.
		const { time, errors, notes } = read('2026-03-29 03:30:00', 'Europe/Kyiv');
		expect(time).toBe('2026-03-29T04:00:00+03:00');
		expect(toUtc(time as string)).toBe('2026-03-29T01:00:00Z');
		expect(errors).toEqual([]);
		expect(notes).toEqual([
			{
				field: 'stat_created',
				message:
					'"2026-03-29 03:30:00" does not exist in Europe/Kyiv (the clocks skip it at a DST change); read as 2026-03-29T04:00:00+03:00, the first time after the change',
			},
		]);
		// Moscow has no DST since 2014; New York skips 02:00-03:00 on 2026-03-08.
		expect(read('2026-03-08 02:15', 'America/New_York').time).toBe('2026-03-08T03:00:00-04:00');
		expect(read('2026-03-29 04:30:00', 'Europe/Kyiv').time).toBe('2026-03-29T04:30:00+03:00');
		expect(read('2026-03-29 02:30:00', 'Europe/Kyiv').time).toBe('2026-03-29T02:30:00+02:00');
	});

	it('reads a wall-clock time the autumn change repeats as its first occurrence and says so', () => {
		// Kyiv: 2026-10-25 04:00 EEST goes back to 03:00 EET, so 03:30 happens twice.
		const { time, notes } = read('2026-10-25 03:30:00', 'Europe/Kyiv');
		expect(time).toBe('2026-10-25T03:30:00+03:00');
		expect(notes[0].message).toContain('happens twice in Europe/Kyiv');
		expect(read('2026-10-25 05:30:00', 'Europe/Kyiv').notes).toEqual([]);
	});

	it('puts the default window on local wall-clock hours across a DST change', () => {
		const window = { days: 1, from: '09:00', to: '18:00' };
		// Placed the day before the spring change: the window is in summer time.
		expect(defaultWindow('2026-03-28T12:00:00+02:00', '2000-01-01T00:00:00Z', 'Europe/Kyiv', window)).toEqual({
			from: '2026-03-29T09:00:00+03:00',
			to: '2026-03-29T18:00:00+03:00',
		});
		// Placed the day before the autumn change: the window is in winter time.
		expect(defaultWindow('2026-10-24T23:30:00+03:00', '2000-01-01T00:00:00Z', 'Europe/Kyiv', window)).toEqual({
			from: '2026-10-25T09:00:00+02:00',
			to: '2026-10-25T18:00:00+02:00',
		});
		// An order placed at 00:30 Kyiv is still the previous day in UTC: the day is the zone's.
		expect(defaultWindow('2026-07-14T21:30:00Z', '2000-01-01T00:00:00Z', 'Europe/Kyiv', { days: 0, from: '10:00', to: '12:00' })).toEqual({
			from: '2026-07-15T10:00:00+03:00',
			to: '2026-07-15T12:00:00+03:00',
		});
		// Without a creation time the window counts from "now".
		expect(defaultWindow(undefined, '2026-01-10T08:00:00Z', 'Europe/Moscow', window).from).toBe('2026-01-11T09:00:00+03:00');
	});
});
