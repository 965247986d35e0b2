import { DateTime } from 'luxon';

/** The format `orders/get` takes for `from`/`to` since v3.30 (seed 002). */
export const SHOP_TIME_FORMAT = 'yyyy-MM-dd HH:mm:ss';

/** The shop's own formats, passed on as typed (a date alone means the whole day to Horoshop). */
const SHOP_FORMATS = ['yyyy-MM-dd HH:mm:ss', 'dd.MM.yyyy HH:mm:ss', 'yyyy-MM-dd', 'dd.MM.yyyy'];

/**
 * Turns a date-time picker value (or an expression's Date / Luxon DateTime / ISO text) into the
 * shop's `YYYY-MM-DD HH:mm:ss`, in `zone` (the workflow's timezone). A value without an offset is
 * read as wall-clock time in `zone`; one with an offset is converted to `zone`. Returns undefined
 * for an empty value and throws with the reason for one that is not a date.
 */
export function toShopTime(value: unknown, zone: string): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let dateTime: DateTime | undefined;
	if (DateTime.isDateTime(value)) dateTime = value.setZone(zone);
	else if (value instanceof Date) dateTime = DateTime.fromJSDate(value, { zone });
	else if (typeof value === 'string') {
		const text = value.trim();
		for (const format of SHOP_FORMATS) {
			const parsed = DateTime.fromFormat(text, format, { zone });
			if (parsed.isValid) return parsed.toFormat(format.includes('HH') ? SHOP_TIME_FORMAT : 'yyyy-MM-dd');
		}
		dateTime = DateTime.fromISO(text, { zone });
	}
	if (!dateTime?.isValid) {
		throw new Error(`${JSON.stringify(value)} is not a date and time (use the date picker, an ISO date or YYYY-MM-DD HH:mm:ss)`);
	}
	return dateTime.toFormat(SHOP_TIME_FORMAT);
}
