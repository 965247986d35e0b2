import { excerptOf, parseJsonBody } from '../../../nodes/shared/transport/body';

describe('reading answers', () => {
	it('parses JSON behind a UTF-8 BOM', () => {
		expect(parseJsonBody('\uFEFF{"success":true}')).toEqual({ ok: true, value: { success: true } });
	});

	it('treats an empty body as no value', () => {
		expect(parseJsonBody('')).toEqual({ ok: true, value: undefined });
		expect(parseJsonBody(undefined)).toEqual({ ok: true, value: undefined });
	});

	it('refuses a body that is not JSON, with a short excerpt of its visible text', () => {
		const page = `<html><head><style>h1{color:red}</style><title>Error</title></head><body><h1>HTTP 500.0 - Internal Server Error</h1>${'x'.repeat(500)}</body></html>`;
		const parsed = parseJsonBody(page);
		expect(parsed.ok).toBe(false);
		const excerpt = (parsed as { excerpt: string }).excerpt;
		expect(excerpt.startsWith('Error HTTP 500.0 - Internal Server Error x')).toBe(true);
		expect(excerpt.length).toBe(201);
	});

	it('keeps plain-text errors (1C answers 500 with text) readable', () => {
		expect(excerptOf('Ошибка при вызове метода контекста (Записать)\n  по причине: ...')).toBe(
			'Ошибка при вызове метода контекста (Записать) по причине: ...',
		);
	});
});
