import { DateTime, IANAZone } from 'luxon';

import type { Problems } from './problems';

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

const NAIVE_FORMATS = ['yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm', 'yyyy-MM-dd', 'dd.MM.yyyy HH:mm:ss', 'dd.MM.yyyy HH:mm', 'dd.MM.yyyy'];
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;

export function isValidZone(zone: string): boolean {
	return IANAZone.isValidZone(zone);
}

function format(dateTime: DateTime): string {
	return dateTime.toISO({ suppressMilliseconds: true }) as string;
}

/**
 * Reads a source time. A time with an offset or `Z` is an instant; a naive one ("2021-04-09
 * 12:09:01") is wall-clock time in `zone`. Returns ISO with the zone's offset, or undefined with
 * an error recorded. Wall-clock times that do not exist (skipped by a DST change) are errors,
 * because no instant can be chosen without guessing.
 */
export function readTime(value: unknown, zone: string, field: string, problems: Problems): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value !== 'string') {
		problems.error(field, `${JSON.stringify(value)} is not a date and time`);
		return undefined;
	}
	const text = value.trim();
	if (HAS_ZONE.test(text)) {
		const instant = DateTime.fromISO(text.replace(' ', 'T'), { setZone: true });
		if (!instant.isValid) {
			problems.error(field, `"${value}" is not a date and time`);
			return undefined;
		}
		return format(instant.setZone(zone));
	}
	for (const pattern of NAIVE_FORMATS) {
		const local = DateTime.fromFormat(text.replace('T', ' '), pattern, { zone });
		if (!local.isValid) continue;
		const wall = DateTime.fromFormat(text.replace('T', ' '), pattern, { zone: 'utc' });
		if (local.hour !== wall.hour || local.minute !== wall.minute) {
			problems.error(field, `"${value}" does not exist in ${zone} (the clocks skip it at a DST change)`);
			return undefined;
		}
		const wallClock = (dateTime: DateTime) => dateTime.toFormat('yyyy-MM-dd HH:mm:ss');
		const earlier = local.minus({ hours: 1 });
		const first = wallClock(earlier) === wallClock(local) ? earlier : local;
		if (first !== local || wallClock(local.plus({ hours: 1 })) === wallClock(local)) {
			problems.note(field, `"${value}" happens twice in ${zone} (clocks go back at a DST change); read as the first, ${format(first)}`);
		}
		return format(first);
	}
	problems.error(field, `"${value}" is not a date and time (expected e.g. 2021-04-09 12:09:01)`);
	return undefined;
}

/** An ISO instant as UTC with `Z` ("2019-11-06T11:00:00Z"), the form Aqua and 1C examples use. */
export function toUtc(iso: string): string {
	return format(DateTime.fromISO(iso, { setZone: true }).toUTC());
}

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
	const base = DateTime.fromISO(placedAt ?? now, { setZone: true }).setZone(zone).startOf('day').plus({ days: window.days });
	const at = (clock: string) => {
		const [, hours, minutes] = CLOCK.exec(clock.trim()) as RegExpExecArray;
		return base.set({ hour: Number(hours), minute: Number(minutes), second: 0, millisecond: 0 });
	};
	return { from: format(at(window.from)), to: format(at(window.to)) };
}

export function isBefore(a: string, b: string): boolean {
	return DateTime.fromISO(a, { setZone: true }).toMillis() < DateTime.fromISO(b, { setZone: true }).toMillis();
}
