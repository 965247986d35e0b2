import fc from 'fast-check';
import { DateTime } from 'luxon';

import { instantOf, wallClockAt, wallClockIso } from '../../../nodes/shared/orders/zoneClock';

// Zones with DST both ways, half- and quarter-hour offsets, a day skipped (Apia 2011), a 30-minute
// DST shift (Lord Howe), offsets that changed for good (Moscow), and UTC under its names.
const ZONES = [
	'Europe/Kyiv',
	'Europe/Moscow',
	'America/New_York',
	'America/St_Johns',
	'Australia/Lord_Howe',
	'Asia/Kathmandu',
	'Asia/Tehran',
	'Pacific/Apia',
	'Europe/London',
	'Etc/UTC',
	'UTC',
	'Asia/Kolkata',
];

const wallClocks = fc.record({
	year: fc.integer({ min: 1900, max: 2045 }),
	month: fc.integer({ min: 1, max: 12 }),
	day: fc.integer({ min: 1, max: 31 }),
	hour: fc.integer({ min: 0, max: 23 }),
	minute: fc.integer({ min: 0, max: 59 }),
	second: fc.integer({ min: 0, max: 59 }),
});

/** What luxon makes of the same wall-clock time, as time.ts wrote it before. */
function luxonIso(wall: Parameters<typeof wallClockIso>[0], zone: string): string | undefined {
	const local = DateTime.fromObject(wall, { zone });
	return local.isValid ? (local.toISO({ suppressMilliseconds: true }) as string) : undefined;
}

describe('wall-clock times in a zone without a DateTime per order', () => {
	it('gives what luxon gives for every wall-clock time it answers, in 20,000 random ones', () => {
		let answered = 0;
		fc.assert(
			fc.property(wallClocks, fc.constantFrom(...ZONES), (wall, zone) => {
				const quick = wallClockIso(wall, zone);
				if (quick === undefined) return;
				answered++;
				expect(quick).toBe(luxonIso(wall, zone));
			}),
			{ numRuns: 20_000, seed: 13 },
		);
		// Most times are far from any change: the quick way must really be taken.
		expect(answered).toBeGreaterThan(10_000);
	});

	it('gives what luxon gives for wall-clock times within two days of a change, answering all but the gaps and overlaps', () => {
		// Kyiv's changes of 2026 (the bench's orders span the first), and others' with odd offsets and shifts.
		const changes: Array<[string, number]> = [
			['Europe/Kyiv', Date.UTC(2026, 2, 29, 1)],
			['Europe/Kyiv', Date.UTC(2026, 9, 25, 1)],
			['America/New_York', Date.UTC(2026, 2, 8, 7)],
			['Australia/Lord_Howe', Date.UTC(2026, 3, 4, 15)],
			['America/St_Johns', Date.UTC(2026, 10, 1, 4, 30)],
			['Pacific/Apia', Date.UTC(2011, 11, 30, 10)],
		];
		let answered = 0;
		fc.assert(
			fc.property(fc.constantFrom(...changes), fc.integer({ min: -2 * 24 * 60, max: 2 * 24 * 60 }), ([zone, change], minutes) => {
				const at = DateTime.fromMillis(change + minutes * 60_000, { zone });
				const wall = { year: at.year, month: at.month, day: at.day, hour: at.hour, minute: at.minute, second: 0 };
				const quick = wallClockIso(wall, zone);
				if (quick === undefined) return;
				answered++;
				expect(quick).toBe(luxonIso(wall, zone));
			}),
			{ numRuns: 5_000, seed: 13 },
		);
		expect(answered).toBeGreaterThan(4_500);
	});

	it('leaves the gaps and overlaps of a DST change, and dates that do not exist, to luxon', () => {
		expect(wallClockIso({ year: 2026, month: 3, day: 29, hour: 3, minute: 30, second: 0 }, 'Europe/Kyiv')).toBeUndefined();
		expect(wallClockIso({ year: 2026, month: 10, day: 25, hour: 3, minute: 30, second: 0 }, 'Europe/Kyiv')).toBeUndefined();
		expect(wallClockIso({ year: 2026, month: 3, day: 29, hour: 4, minute: 0, second: 0 }, 'Europe/Kyiv')).toBe('2026-03-29T04:00:00+03:00');
		expect(wallClockIso({ year: 2026, month: 3, day: 28, hour: 12, minute: 0, second: 0 }, 'Europe/Kyiv')).toBe('2026-03-28T12:00:00+02:00');
		expect(wallClockIso({ year: 2026, month: 2, day: 30, hour: 12, minute: 0, second: 0 }, 'Europe/Kyiv')).toBeUndefined();
		expect(wallClockIso({ year: 2026, month: 1, day: 15, hour: 12, minute: 0, second: 0 }, 'UTC')).toBeUndefined();
		expect(wallClockIso({ year: 2026, month: 1, day: 15, hour: 12, minute: 0, second: 0 }, 'Mars/Olympus')).toBeUndefined();
		expect(wallClockIso({ year: 2026, month: 1, day: 15, hour: 12, minute: 0, second: 0 }, 'Europe/Kyiv')).toBe('2026-01-15T12:00:00+02:00');
	});

	it("reads an instant's wall-clock date and time in a zone as luxon does", () => {
		fc.assert(
			fc.property(fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2045, 0, 1) }), fc.constantFrom(...ZONES), (millis, zone) => {
				const iso = new Date(Math.floor(millis / 1000) * 1000).toISOString().replace('.000Z', 'Z');
				const wall = wallClockAt(iso, zone);
				if (wall === undefined) return;
				const luxon = DateTime.fromISO(iso, { zone });
				expect(wall).toEqual({ year: luxon.year, month: luxon.month, day: luxon.day, hour: luxon.hour, minute: luxon.minute, second: luxon.second });
			}),
			{ numRuns: 10_000, seed: 13 },
		);
	});
});

describe('instantOf', () => {
	it('names no instant for a day past the end of its month, which Date.parse moves into the next', () => {
		expect(Date.parse('2026-02-31T10:00:00Z')).toBe(Date.parse('2026-03-03T10:00:00Z'));
		for (const iso of ['2026-02-31T10:00:00Z', '2026-02-29T10:00:00Z', '2100-02-29T00:00:00Z', '2026-04-31T10:00:00+03:00', '2026-11-31T23:59:59']) {
			expect(instantOf(iso)).toBeNaN();
		}
		expect(instantOf('2024-02-29T10:00:00Z')).toBe(Date.UTC(2024, 1, 29, 10));
		expect(instantOf('2000-02-29T10:00:00Z')).toBe(Date.UTC(2000, 1, 29, 10));
		expect(instantOf('2026-13-01T10:00:00Z')).toBeNaN();
		expect(instantOf('not a date')).toBeNaN();
	});

	it('is Date.parse for every real date and time, and for text that is not ISO', () => {
		fc.assert(
			fc.property(fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31) }), fc.constantFrom('Z', '+02:00', '-05:30', ''), (millis, zone) => {
				const iso = new Date(millis).toISOString().replace('Z', zone);
				expect(instantOf(iso)).toBe(Date.parse(iso));
			}),
			{ numRuns: 10_000, seed: 13 },
		);
		for (const text of ['06.11.2019', 'Nov 6 2019 10:00', '2019/11/06 10:00']) expect(instantOf(text)).toBe(Date.parse(text));
	});
});
