import { newObject } from './newObject';
import type { HomeCountry } from './phone';
import { normalizePhone } from './phone';
import type { Problems } from './problems';

/** What a toCanonical mapping needs to know beyond the wire order itself. */
export interface ReadContext {
	/** IANA zone for times the source writes without an offset. */
	timezone: string;
	/** Country assumed for phones written without a country code. */
	homeCountry: HomeCountry;
}

/** A JSON object (not null, not a list). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A number as zod takes it: NaN is not one. */
export function isNumber(value: unknown): value is number {
	return typeof value === 'number' && !Number.isNaN(value);
}

/** A wire value as trimmed text; numbers become their decimal text; empty becomes undefined. */
export function textOf(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const result = typeof value === 'string' ? value.trim() : String(value);
	return result === '' ? undefined : result;
}

export function readPhones(
	values: unknown[],
	field: string,
	home: HomeCountry,
	problems: Problems,
): string[] {
	const phones: string[] = [];
	values.forEach((value, index) => {
		const raw = textOf(value);
		if (raw === undefined) return;
		const result = normalizePhone(raw, home);
		const name = values.length > 1 ? `${field}[${index}]` : field;
		if (result.ok) {
			if (!phones.includes(result.phone)) phones.push(result.phone);
		} else problems.error(name, result.reason);
	});
	return phones;
}

/** A quantity: a positive number with at most 3 decimals. */
export function readQuantity(value: unknown, field: string, problems: Problems): number | undefined {
	const number = typeof value === 'string' ? Number(value.trim().replace(',', '.')) : value;
	if (typeof number !== 'number' || !Number.isFinite(number) || number <= 0) {
		problems.error(field, `${JSON.stringify(value)} is not a positive quantity`);
		return undefined;
	}
	if (Math.abs(number * 1000 - Math.round(number * 1000)) > 1e-6) {
		problems.error(field, `${JSON.stringify(value)} has more than 3 decimals`);
		return undefined;
	}
	return number;
}

export function readPercent(value: unknown, field: string, problems: Problems): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const number = typeof value === 'string' ? Number(value.trim().replace(',', '.')) : value;
	if (typeof number !== 'number' || !Number.isFinite(number) || number < 0 || number > 100) {
		problems.error(field, `${JSON.stringify(value)} is not a percentage between 0 and 100`);
		return undefined;
	}
	return number || undefined;
}

/** Drops keys whose value is undefined, so outputs carry no `"x": undefined` noise. */
export function compact<T extends object>(value: T): T {
	const result = newObject();
	for (const key in value) if (value[key] !== undefined) result[key] = value[key];
	return result as T;
}

/** Drops keys whose value is undefined, null or '': fields a user left empty stay optional. */
export function withoutEmpty<T extends object>(value: T): T {
	const result = newObject();
	for (const key of Object.keys(value)) {
		const entry = (value as Record<string, unknown>)[key];
		if (entry !== undefined && entry !== null && entry !== '') result[key] = entry;
	}
	return result as T;
}
