import { normalizePhone } from '../../../nodes/shared/orders/phone';

describe('phones to international form', () => {
	it.each([
		['+38 (055) 555-55-55', 'UA', '+380555555555'],
		['380678976756', 'UA', '+380678976756'],
		['067 123 45 67', 'UA', '+380671234567'],
		['8 067 123 45 67', 'UA', '+380671234567'],
		['0038 067 123-45-67', 'UA', '+380671234567'],
		['+7 (919) 199-19-19', 'UA', '+79191991919'],
		['8 919 199-19-19', 'RU', '+79191991919'],
		['89191991919', 'UA', '+79191991919'],
		['9083280832', 'RU', '+79083280832'],
		['tel:+380501112233', 'UA', '+380501112233'],
		['+48 601 234 567', 'UA', '+48601234567'],
	] as const)('%s (local numbers: %s) -> %s', (raw, home, expected) => {
		expect(normalizePhone(raw, home)).toEqual({ ok: true, phone: expected });
	});

	it.each([
		['12345', 'UA', 'has no country code'],
		['', 'UA', 'is empty'],
		['9083280832', 'UA', 'has no country code and is not a Ukrainian number'],
		['+380 67 123 45', 'UA', 'is not a valid Ukrainian number'],
		['+380 0671234567', 'UA', 'is not a valid Ukrainian number'],
		['+7 123 456 78 90', 'UA', 'is not a valid Russian number'],
		['067-ABC-45-67', 'UA', 'contains characters a phone number cannot have'],
		['+1234', 'UA', 'is not a valid international number'],
	] as const)('refuses %j (local numbers: %s)', (raw, home, reason) => {
		const result = normalizePhone(raw, home);
		expect(result.ok).toBe(false);
		expect(result.ok ? '' : result.reason).toContain(reason);
	});
});
