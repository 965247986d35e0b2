import { DateTime } from 'luxon';

/** The format `orders/get` takes for `from`/`to` since v3.30 (seed 002). */
export const SHOP_TIME_FORMAT = 'yyyy-MM-dd HH:mm:ss';

/** The shop's own formats, passed on as typed (a date alone means the whole day to Horoshop). */
const SHOP_FORMATS = ['yyyy-MM-dd HH:mm:ss', 'dd.MM.yyyy HH:mm:ss', 'yyyy-MM-dd', 'dd.MM.yyyy'];

/**
 * Turns a date-time picker value (or an expression's Date / Luxon DateTime / ISO text) into the
 * shop's `YYYY-MM-DD HH:mm:ss` in `shopZone`. Text in one of the shop's own formats is the shop's
 * time already and passes as typed; ISO text without an offset (the date picker's) is read in
 * `workflowZone`; anything with a zone is converted. Returns undefined for an empty value and
 * throws with the reason for one that is not a date.
 */
export function toShopTime(value: unknown, workflowZone: string, shopZone: string): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let dateTime: DateTime | undefined;
	if (DateTime.isDateTime(value)) dateTime = value;
	else if (value instanceof Date) dateTime = DateTime.fromJSDate(value);
	else if (typeof value === 'string') {
		const text = value.trim();
		for (const format of SHOP_FORMATS) {
			const parsed = DateTime.fromFormat(text, format, { zone: shopZone });
			if (parsed.isValid) return parsed.toFormat(format.includes('HH') ? SHOP_TIME_FORMAT : 'yyyy-MM-dd');
		}
		dateTime = DateTime.fromISO(text, { zone: workflowZone });
	}
	if (!dateTime?.isValid) {
		throw new Error(`${JSON.stringify(value)} is not a date and time (use the date picker, an ISO date or YYYY-MM-DD HH:mm:ss)`);
	}
	return dateTime.setZone(shopZone).toFormat(SHOP_TIME_FORMAT);
}
