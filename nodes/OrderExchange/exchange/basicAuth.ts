import { timingSafeEqual } from 'node:crypto';

export interface Login {
	user: string;
	password: string;
}

/** Whether an `Authorization: Basic ...` header carries exactly this user and password (UTF-8, as 1C sends Cyrillic users). */
export function basicAuthMatches(header: string | undefined, login: Login): boolean {
	const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
	if (!match) return false;
	const given = Buffer.from(match[1], 'base64');
	const expected = Buffer.from(`${login.user}:${login.password}`, 'utf8');
	return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Why a login cannot be checked over HTTP Basic, or undefined when it can. */
export function loginProblem(login: Partial<Login>): string | undefined {
	if (!login.user) return 'User is empty: the caller must send a user name';
	if (login.user.includes(':')) return 'User contains ":", which HTTP Basic cannot carry in a user name';
	if (!login.password) return 'Password is empty: anyone who knows the URL could send orders';
	return undefined;
}
