import { DateTime, IANAZone } from 'luxon';

import type { Problems } from './problems';
import { rememberingLast } from './remembered';
import type { WallClock } from './zoneClock';
import { utcSecondsText, wallClockAt, wallClockIso } from './zoneClock';

/** A delivery window as ISO 8601 instants with the offset of the zone they were set in. */
export interface TimeWindow {
	from: string;
	to: string;
}

/** When an order has no delivery window: `days` after the order's day, between two wall-clock times. */
export interface DefaultWindow {
	days: number;
	from: string;
	to: string;
}

const ISO_NAIVE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const DOTTED_NAIVE = /^(\d{2})\.(\d{2})\.(\d{4})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;
const HOUR = 3_600_000;

export function isValidZone(zone: string): boolean {
	return IANAZone.isValidZone(zone);
}

function format(dateTime: DateTime): string {
	return dateTime.toISO({ suppressMilliseconds: true }) as string;
}

function wallClockOf(text: string): WallClock | undefined {
	const iso = ISO_NAIVE.exec(text);
	const dotted = iso ? undefined : DOTTED_NAIVE.exec(text);
	if (!iso && !dotted) return undefined;
	const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : [dotted![3], dotted![2], dotted![1]];
	const [hour, minute, second] = ((iso ?? dotted) as RegExpExecArray).slice(4, 7);
	return { year: +year, month: +month, day: +day, hour: +(hour ?? 0), minute: +(minute ?? 0), second: +(second ?? 0) };
}

/**
 * Reads a source time. A time with an offset or `Z` is an instant; a naive one ("2021-04-09
 * 12:09:01", "09.04.2021 12:09") is wall-clock time in `zone`. Returns ISO with the zone's
 * offset, or undefined with an error recorded. A wall-clock time that does not exist (skipped
 * when the clocks go forward) is read as the first instant after the change, and noted; one that
 * happens twice (clocks going back) is read as the first, and noted.
 */
export function readTime(value: unknown, zone: string, field: string, problems: Problems): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value !== 'string') {
		problems.error(field, `${JSON.stringify(value)} is not a date and time`);
		return undefined;
	}
	const text = value.trim();
	if (HAS_ZONE.test(text)) {
		const instant = DateTime.fromISO(text.replace(' ', 'T'), { zone });
		if (!instant.isValid) {
			problems.error(field, `"${value}" is not a date and time`);
			return undefined;
		}
		return format(instant);
	}
	const wall = wallClockOf(text);
	const quick = wall && wallClockIso(wall, zone);
	if (quick) return quick;
	const local = wall && DateTime.fromObject(wall, { zone });
	if (!wall || !local || !local.isValid) {
		problems.error(field, `"${value}" is not a date and time (expected e.g. 2021-04-09 12:09:01)`);
		return undefined;
	}
	if (local.hour !== wall.hour || local.minute !== wall.minute || local.day !== wall.day) {
		const next = format(endOfGap(local, zone));
		problems.note(field, `"${value}" does not exist in ${zone} (the clocks skip it at a DST change); read as ${next}, the first time after the change`);
		return next;
	}
	const offsets = IANAZone.create(zone);
	const millis = local.toMillis();
	if (offsets.offset(millis - HOUR) === local.offset && offsets.offset(millis + HOUR) === local.offset) return format(local);
	// Near a DST change: the same wall-clock time may also exist an hour earlier or later.
	const sameWall = (other: DateTime) => other.hour === local.hour && other.minute === local.minute && other.day === local.day;
	const earlier = local.minus({ hours: 1 });
	const first = sameWall(earlier) ? earlier : local;
	if (first !== local || sameWall(local.plus({ hours: 1 }))) {
		problems.note(field, `"${value}" happens twice in ${zone} (clocks go back at a DST change); read as the first, ${format(first)}`);
	}
	return format(first);
}

/**
 * The instant the clocks jumped forward over a skipped wall-clock time. Luxon moves a skipped time
 * forward by the gap (03:30 -> 04:30); the change itself happened at most that gap earlier.
 */
function endOfGap(shifted: DateTime, zone: string): DateTime {
	const offsets = IANAZone.create(zone);
	const after = shifted.toMillis();
	let before = after - HOUR * 2;
	let later = after;
	// Find, to the second, the first instant that has the new offset.
	while (later - before > 1000) {
		const middle = Math.floor((before + later) / 2);
		if (offsets.offset(middle) === shifted.offset) later = middle;
		else before = middle;
	}
	return DateTime.fromMillis(Math.ceil(later / 1000) * 1000, { zone });
}

/** An ISO instant as UTC with `Z` ("2019-11-06T11:00:00Z"), the form Aqua and 1C examples use. */
export const toUtc = rememberingLast(4, (iso: string): string => {
	const millis = Date.parse(iso);
	const quick = utcSecondsText(millis);
	if (quick) return quick;
	const text = new Date(millis).toISOString();
	return text.endsWith('.000Z') ? `${text.slice(0, -5)}Z` : text;
});

/** An ISO instant as naive wall-clock text in `zone` ("2021-04-09 12:09:01"), as Horoshop writes times. */
export function toLocalText(iso: string, zone: string): string {
	return DateTime.fromISO(iso, { setZone: true }).setZone(zone).toFormat('yyyy-MM-dd HH:mm:ss');
}

const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)$/;

export function isClockTime(text: string): boolean {
	return CLOCK.test(text.trim());
}

/**
 * The default window for an order: `days` after the day the order was placed (in `zone`), from
 * and to the given wall-clock times. Built in the zone, so a DST change between the order and
 * the delivery day still gives 09:00 local time.
 */
export function defaultWindow(placedAt: string | undefined, now: string, zone: string, window: DefaultWindow): TimeWindow {
	const placed = wallClockAt(placedAt ?? now, zone) ?? DateTime.fromISO(placedAt ?? now, { zone });
	// Orders placed on the same day share their window: worked out once per day, zone and setting.
	const windows = windowsFor(zone, window);
	const key = placed.year * 10_000 + placed.month * 100 + placed.day;
	let known = windows.get(key);
	if (!known) {
		// Calendar arithmetic on the zone's date, then each time built on that day in the zone.
		const day = new Date(Date.UTC(placed.year, placed.month - 1, placed.day + window.days));
		const at = (clock: string) => {
			const [, hour, minute] = CLOCK.exec(clock.trim()) as RegExpExecArray;
			const wall = { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour: Number(hour), minute: Number(minute), second: 0 };
			return wallClockIso(wall, zone) ?? format(DateTime.fromObject(wall, { zone }));
		};
		known = { from: at(window.from), to: at(window.to) };
		if (windows.size >= WINDOW_CACHE_LIMIT) windows.clear();
		windows.set(key, known);
	}
	return { from: known.from, to: known.to };
}

const WINDOW_CACHE_LIMIT = 10_000;

/** The windows worked out for the zone and setting asked last, by the order's day (a node asks for one). */
let windowsByDay = { zone: '', days: NaN, from: '', to: '', windows: new Map<number, TimeWindow>() };

function windowsFor(zone: string, window: DefaultWindow): Map<number, TimeWindow> {
	const last = windowsByDay;
	if (last.zone !== zone || last.days !== window.days || last.from !== window.from || last.to !== window.to) {
		windowsByDay = { zone, days: window.days, from: window.from, to: window.to, windows: new Map() };
	}
	return windowsByDay.windows;
}
