export interface LoggedRequest {
	at: number;
	/** The name of the route that answered, e.g. "aqua.import"; undefined when none matched. */
	route?: string;
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	body: unknown;
	/** How the caller authenticated: "Bearer <token>", "Basic <user>", "secret_key", ... */
	auth?: string;
	status?: number;
	fault?: string;
}

export class RequestLog {
	readonly entries: LoggedRequest[] = [];

	add(entry: LoggedRequest): void {
		this.entries.push(entry);
	}

	forRoute(route: string): LoggedRequest[] {
		return this.entries.filter((entry) => entry.route === route);
	}

	clear(): void {
		this.entries.length = 0;
	}
}
