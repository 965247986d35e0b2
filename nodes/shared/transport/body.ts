const BOM = '\uFEFF';
const EXCERPT_LENGTH = 200;

export type ParsedBody = { ok: true; value: unknown } | { ok: false; excerpt: string };

/** Parses a JSON answer, tolerant of the UTF-8 BOM that 1C and some proxies put first. */
export function parseJsonBody(raw: unknown): ParsedBody {
	if (raw === undefined || raw === null) return { ok: true, value: undefined };
	if (typeof raw !== 'string') return { ok: true, value: raw };
	const text = raw.startsWith(BOM) ? raw.slice(1) : raw;
	if (text.trim() === '') return { ok: true, value: undefined };
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false, excerpt: excerptOf(text) };
	}
}

/**
 * A short, single-line look at a body: the visible text of an HTML page, each piece once (error
 * pages repeat their title as a heading), or the start of anything else.
 */
export function excerptOf(text: string): string {
	const visible = /<\s*(html|body|!doctype)/i.test(text)
		? [
				...new Set(
					text
						.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
						.split(/<[^>]+>/)
						.map((piece) => piece.replace(/\s+/g, ' ').trim())
						.filter((piece) => piece !== ''),
				),
			].join(' ')
		: text;
	const line = visible.replace(/\s+/g, ' ').trim();
	return line.length > EXCERPT_LENGTH ? `${line.slice(0, EXCERPT_LENGTH)}…` : line;
}
