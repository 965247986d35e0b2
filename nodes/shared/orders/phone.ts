/** Country assumed for numbers written without a country code. */
export type HomeCountry = 'UA' | 'RU';

export type PhoneResult = { ok: true; phone: string } | { ok: false; reason: string };

/**
 * Normalises a phone to international form: +380XXXXXXXXX (Ukraine), +7XXXXXXXXXX (Russia,
 * Kazakhstan), or any other +<country><number> written with its code. Accepts the ways people
 * type them: "+38 (055) 555-55-55", "067 123 45 67", "8 919 199-19-19", "380678976756".
 */
export function normalizePhone(raw: string, home: HomeCountry = 'UA'): PhoneResult {
	const text = raw.trim();
	if (!text) return { ok: false, reason: 'is empty' };
	if (/[^\d\s()+\-./]/.test(text.replace(/^tel:/i, ''))) {
		return { ok: false, reason: `"${raw}" contains characters a phone number cannot have` };
	}
	const plus = /^\s*(tel:)?\s*\+/i.test(text);
	let digits = text.replace(/\D/g, '');
	if (!plus && digits.startsWith('00')) digits = digits.slice(2);

	let international: string | undefined;
	if (digits.startsWith('380')) international = digits;
	else if (!plus && digits.length === 10 && digits.startsWith('0')) international = `38${digits}`;
	else if (!plus && digits.length === 11 && digits.startsWith('80') && home === 'UA') international = `3${digits}`;
	else if (digits.startsWith('7') && (plus || digits.length === 11)) international = digits;
	else if (!plus && digits.length === 11 && digits.startsWith('8')) international = `7${digits.slice(1)}`;
	else if (!plus && digits.length === 10 && home === 'RU') international = `7${digits}`;
	else if (plus) international = digits;

	if (international === undefined) {
		return { ok: false, reason: `"${raw}" has no country code and is not a ${home === 'UA' ? 'Ukrainian' : 'Russian'} number` };
	}
	if (international.startsWith('380')) {
		return /^380[1-9]\d{8}$/.test(international)
			? { ok: true, phone: `+${international}` }
			: { ok: false, reason: `"${raw}" is not a valid Ukrainian number (+380 and 9 digits)` };
	}
	if (international.startsWith('7')) {
		return /^7[3-9]\d{9}$/.test(international)
			? { ok: true, phone: `+${international}` }
			: { ok: false, reason: `"${raw}" is not a valid Russian number (+7 and 10 digits)` };
	}
	return /^[1-9]\d{7,14}$/.test(international)
		? { ok: true, phone: `+${international}` }
		: { ok: false, reason: `"${raw}" is not a valid international number` };
}
