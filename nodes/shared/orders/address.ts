/** The parts of a street address that can be told apart in a one-line form. */
export interface AddressParts {
	/** Set when the line names a carrier branch ("Отделение №13: ул. ..."): the part before the colon. */
	branch?: string;
	street: string;
	house: string;
	entrance?: string;
	floor?: string;
	flat?: string;
}

const HOUSE = /^(?:(?:д|буд|дом|будинок|б)\.?\s*)?(\d{1,4}(?:\s?[-/]\s?\d{1,4})?(?:\s?[а-яієґa-z])?(?:\s?(?:корп|к|стр|с)\.?\s?\d{1,3})?)$/i;
const FLAT = /^(?:кв|квартира|оф|офис|офіс|кв\.\/оф)\.?\s*(\S+)$/i;
const ENTRANCE = /^(?:под|подъезд|п|під'їзд|під’їзд|підʼїзд|пiд'їзд)\.?\s*(\d{1,3})$/i;
const FLOOR = /^(?:эт|этаж|пов|поверх)\.?\s*(\d{1,3})$/i;
const STREET_MARKER = /(^|[\s.])(вул|ул|улица|вулиця|просп|пр-т|пр|проспект|пров|пер|переулок|провулок|бульв|бул|б-р|бульвар|пл|площа|площадь|шосе|шоссе|наб|набережная|набережна|узвіз|спуск|тупик|алея|аллея|мкр|мкрн)(\.|\s|$)/i;
const NOT_A_STREET = /(№|відділ|отдел|поштомат|почтомат|склад|пункт|самовив|самовыв|@|:)/i;
const BRANCH = /^((?:відділення|отделение|пункт|склад)[^:]*№\s*\d+[^:]*):\s*(.+)$/i;
const LANDMARK = /\s*\([^()]*\)\s*$/;

/**
 * Splits a one-line address such as "вул. Хрещатик, 12А, кв. 5" or "ул. Ленина, д. 5, под. 2,
 * эт. 3, кв. 10" into street and house (and entrance, floor, flat), but only when every part is
 * recognised; anything else (extra words, parcel lockers, Ukrposhta's "@" form, which
 * splitAddressFields reads) gives undefined, and the caller keeps the line whole rather than
 * guess. A carrier branch written as "Отделение №13 (...): ул. Оранжерейная, 3 (метро
 * Дорогожичи)" gives the branch's own street address, with `branch` set so the caller can say so.
 * A trailing "(landmark)" is left out.
 */
export function splitAddressLine(line: string): AddressParts | undefined {
	const branch = BRANCH.exec(line.trim());
	if (branch) {
		const parts = splitAddressLine(branch[2]);
		return parts && !parts.branch ? { branch: branch[1].trim(), ...parts } : undefined;
	}
	if (NOT_A_STREET.test(line)) return undefined;
	// The landmark pattern is tried at every space of the line: only when there is a bracket.
	const parts = (line.includes('(') ? line.replace(LANDMARK, '') : line)
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
	if (parts.length < 2) return undefined;
	const [street, house, ...rest] = parts;
	if (!STREET_MARKER.test(street) || !/[а-яіїєґa-z]{3}/i.test(street.replace(STREET_MARKER, ' '))) return undefined;
	const houseMatch = HOUSE.exec(house);
	if (!houseMatch) return undefined;
	const result: AddressParts = { street, house: houseMatch[1].replace(/\s+/g, ' ') };
	for (const part of rest) {
		const flat = FLAT.exec(part);
		const entrance = ENTRANCE.exec(part);
		const floor = FLOOR.exec(part);
		if (flat && result.flat === undefined) result.flat = flat[1];
		else if (entrance && result.entrance === undefined) result.entrance = entrance[1];
		else if (floor && result.floor === undefined) result.floor = floor[1];
		else return undefined;
	}
	return result;
}

const FIELD_FLAT = /^(?:(?:кв|квартира|оф|офис|офіс)\.?\s*)?(\d{1,4}(?:\s?[-/]\s?\d{1,3})?(?:\s?[а-яієґa-z])?)$/i;
const NOT_A_STREET_FIELD = /(№|відділ|отдел|поштомат|почтомат|самовив|самовыв|:)/i;

/** What became of an address whose fields the shop joined with "@". */
export interface FieldsSplit {
	/** Street and house (and flat), set only when the first two fields are recognisably both. */
	parts?: Pick<AddressParts, 'street' | 'house' | 'flat'>;
	/** Non-empty fields that have no place: kept in `line`, for the caller to flag. */
	unplaced: string[];
	/** Every non-empty field on one readable line, none dropped. */
	line: string;
}

/**
 * Splits Horoshop's Ukrposhta address, whose checkout fields come joined with "@" (seed 002):
 * street@house@flat, e.g. "вул. Січових Стрільців@78@161"; the flat may be empty or missing.
 * A field that does not look like what its position means is never forced into place: without a
 * recognisable street and house there are no parts at all, and a flat that is not a flat number or
 * any field after the third is only listed in `unplaced` (and kept in `line`).
 */
export function splitAddressFields(raw: string): FieldsSplit {
	const fields = raw.split('@').map((field) => field.trim().replace(/\s+/g, ' '));
	while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
	const [street = '', house = '', flat = '', ...rest] = fields;
	const houseMatch = HOUSE.exec(house);
	const streetOk = /[а-яіїєґa-z]{3}/i.test(street) && !NOT_A_STREET_FIELD.test(street);
	if (!streetOk || !houseMatch) {
		const kept = fields.filter(Boolean);
		return { unplaced: kept, line: kept.join(', ') };
	}
	const flatMatch = FIELD_FLAT.exec(flat);
	const parts = { street, house: houseMatch[1].replace(/\s+/g, ' '), flat: flatMatch ? flatMatch[1] : undefined };
	const unplaced = [...(flat && !flatMatch ? [flat] : []), ...rest.filter(Boolean)];
	return { parts, unplaced, line: [joinAddress(parts), ...unplaced].join(', ') };
}

/** The one-line form of structured parts, in the order Ukrainian and Russian addresses are written. */
export function joinAddress(parts: {
	city?: string;
	street?: string;
	house?: string;
	entrance?: string;
	floor?: string;
	flat?: string;
}): string {
	return [
		parts.city,
		parts.street,
		parts.house,
		parts.entrance ? `під'їзд ${parts.entrance}` : undefined,
		parts.floor ? `поверх ${parts.floor}` : undefined,
		parts.flat ? `кв. ${parts.flat}` : undefined,
	]
		.filter((part) => part !== undefined && part !== '')
		.join(', ');
}
