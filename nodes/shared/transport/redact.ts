const MASK = '***';

/** Patterns that carry a secret whatever its value: auth headers, query keys, JSON fields. */
const SECRET_PATTERNS: Array<[RegExp, string]> = [
	[/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${MASK}`],
	[/([?&]secret_key=)[^&\s"'#]*/gi, `$1${MASK}`],
	[/("(?:token|password|auth_key|secret_key|access_token)"\s*:\s*)"[^"]*"/gi, `$1"${MASK}"`],
	[/\b((?:token|password|secret_key|auth_key)=)[^&\s"']+/gi, `$1${MASK}`],
];

/** Removes every secret from a text: the known values first, then anything shaped like one. */
export function redact(text: string, secrets: readonly string[] = []): string {
	let result = text;
	for (const secret of secrets) {
		if (secret.length >= 4) result = result.split(secret).join(MASK);
		const encoded = encodeURIComponent(secret);
		if (encoded !== secret && encoded.length >= 4) result = result.split(encoded).join(MASK);
	}
	for (const [pattern, replacement] of SECRET_PATTERNS) {
		result = result.replace(pattern, replacement);
	}
	return result;
}

/** Field names that hold a secret: password, apiToken, sessionToken, secretKey, ... (not keyKind or authMethod). */
const SECRET_FIELD = /(password|token|secret|secretkey|apikey|authkey)$/i;

/** The string values of credential fields whose names say they are secret. */
export function secretsOf(credentials: Record<string, unknown> | undefined): string[] {
	if (!credentials) return [];
	return Object.entries(credentials)
		.filter(([name, value]) => SECRET_FIELD.test(name) && typeof value === 'string' && value !== '')
		.map(([, value]) => value as string);
}
