import { IANAZone, Info } from 'luxon';

/**
 * Wall-clock time in a time zone as ISO text, without building a luxon DateTime per order: the
 * zone's offsets are read through luxon's cached zone and kept per hour (per minute in an hour
 * with an offset change). A wall-clock time is answered when exactly one of the zone's offsets
 * around it fits; in a gap or an overlap of a change (or for a fixed-offset zone, which luxon
 * writes as "Z") it answers undefined and the caller asks luxon.
 */

export interface WallClock {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
/** Farther than the largest gap between two offsets (-12:00 to +14:00). */
const NO_CHANGE_WITHIN = 27 * HOUR;
const CACHE_LIMIT = 100_000;

interface ZoneOffsets {
	zone: IANAZone;
	/** Offset in minutes by hour since the epoch, for the hours that have a single offset. */
	byHour: Map<number, number>;
	/** The same by minute, for the minutes of an hour with a change that have a single offset. */
	byMinute: Map<number, number>;
}

const zones = new Map<string, ZoneOffsets | null>();

function offsetsOf(name: string): ZoneOffsets | null {
	let offsets = zones.get(name);
	if (offsets === undefined) {
		const zone = Info.normalizeZone(name);
		offsets = zone instanceof IANAZone && zone.isValid ? { zone, byHour: new Map(), byMinute: new Map() } : null;
		zones.set(name, offsets);
	}
	return offsets;
}

/** The zone's offset in minutes at an instant. */
function offsetAt(offsets: ZoneOffsets, millis: number): number {
	return (
		singleOffset(offsets.byHour, offsets.zone, millis, HOUR) ??
		singleOffset(offsets.byMinute, offsets.zone, millis, MINUTE) ??
		offsets.zone.offset(millis)
	);
}

/** The zone's offset over the span of `length` holding `millis`, kept in `cache`; undefined when it changes within. */
function singleOffset(cache: Map<number, number>, zone: IANAZone, millis: number, length: number): number | undefined {
	const span = Math.floor(millis / length);
	const known = cache.get(span);
	if (known !== undefined) return known;
	const first = zone.offset(span * length);
	if (first !== zone.offset(span * length + length - 1)) return undefined;
	if (cache.size >= CACHE_LIMIT) cache.clear();
	cache.set(span, first);
	return first;
}

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const DATE_PART = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * The instant an ISO date and time names, NaN when it names none. `Date.parse` alone reads a day
 * past the end of its month as a day of the next month ("2026-02-31" as 3 March).
 */
export function instantOf(iso: string): number {
	// Only a day of 29 to 31 can be past the end of its month.
	if (iso[8] === '3' || iso.startsWith('29', 8)) {
		const date = DATE_PART.exec(iso);
		if (date && Number(date[3]) > daysInMonth(Number(date[1]), Number(date[2]))) return NaN;
	}
	return Date.parse(iso);
}

const pad = (value: number) => String(value).padStart(2, '0');

/** "00" to "59": the fields of a date and time, written without building a Date (whose toISOString is slow). */
const TWO_DIGITS = Array.from({ length: 60 }, (_, value) => pad(value));

/** "2026-03-28T08:06:00" for fields already known to be in range (a four-digit year). */
function isoDateTime(year: number, month: number, day: number, hour: number, minute: number, second: number): string {
	return `${year}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}T${TWO_DIGITS[hour]}:${TWO_DIGITS[minute]}:${TWO_DIGITS[second]}`;
}

/** "2019-11-06T11:00:00Z" for an instant in whole seconds of the years 1000-9999; undefined otherwise. */
export function utcSecondsText(millis: number): string | undefined {
	if (millis % 1000 !== 0) return undefined;
	const date = new Date(millis);
	const year = date.getUTCFullYear();
	if (!(year >= 1000 && year <= 9999)) return undefined;
	return `${isoDateTime(year, date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds())}Z`;
}

/** "+02:00"; a zone has few offsets, so each is written once. */
function offsetText(minutes: number): string {
	let text = offsetTexts.get(minutes);
	if (text === undefined) {
		const absolute = Math.abs(minutes);
		text = `${minutes < 0 ? '-' : '+'}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
		offsetTexts.set(minutes, text);
	}
	return text;
}

const offsetTexts = new Map<number, string>();

/** "2026-03-28T08:06:00+02:00" for a wall-clock time in `zone`; undefined when luxon must decide. */
export function wallClockIso(wall: WallClock, zone: string): string | undefined {
	const offsets = offsetsOf(zone);
	if (!offsets) return undefined;
	const { year, month, day, hour, minute, second } = wall;
	if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
	if (hour > 23 || minute > 59 || second > 59) return undefined;
	const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
	const offset = onlyFittingOffset(offsets, asUtc);
	if (offset === undefined) return undefined;
	return isoDateTime(year, month, day, hour, minute, second) + offsetText(offset);
}

/**
 * The offset that turns the wall-clock time (written as if UTC) into its instant, when exactly
 * one does: an offset fits when the zone has it at the instant it gives. The zone's offsets a
 * day either side are the candidates (no zone changes twice within a day).
 */
function onlyFittingOffset(offsets: ZoneOffsets, asUtc: number): number | undefined {
	const fits = (offset: number) => Number.isInteger(offset) && offsetAt(offsets, asUtc - offset * MINUTE) === offset;
	const before = offsetAt(offsets, asUtc - NO_CHANGE_WITHIN);
	const after = offsetAt(offsets, asUtc + NO_CHANGE_WITHIN);
	if (before === after) return fits(before) ? before : undefined;
	const fitsBefore = fits(before);
	// Both fit: an overlap (the clock went back); neither: a gap (it went forward).
	if (fitsBefore === fits(after)) return undefined;
	return fitsBefore ? before : after;
}

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})$/;

/** The wall-clock date and time in `zone` of an ISO instant with an offset; undefined when luxon must read it. */
export function wallClockAt(iso: string, zone: string): WallClock | undefined {
	const offsets = offsetsOf(zone);
	if (!offsets || !ISO_INSTANT.test(iso)) return undefined;
	const millis = Date.parse(iso);
	if (Number.isNaN(millis)) return undefined;
	const local = new Date(millis + offsetAt(offsets, millis) * MINUTE);
	return {
		year: local.getUTCFullYear(),
		month: local.getUTCMonth() + 1,
		day: local.getUTCDate(),
		hour: local.getUTCHours(),
		minute: local.getUTCMinutes(),
		second: local.getUTCSeconds(),
	};
}
