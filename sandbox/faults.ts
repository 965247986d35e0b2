import type { Random } from './random';

/**
 * What can go wrong on a route. A fault fires on the next `times` calls, or on each call with
 * probability `rate` (rolled on the sandbox's seeded PRNG), or on every call when neither is set.
 */
export type FaultKind =
	| 'latency' // wait latencyMs, then answer normally
	| 'status' // answer `status` (default 503) with Retry-After when `retryAfter` is set
	| 'reset' // drop the connection without an answer
	| 'stall' // never answer (longer than any client timeout)
	| 'html' // answer an HTML error page with `status` (default 502)
	| 'bom' // answer normally, with a UTF-8 BOM before the JSON
	| 'invalidJson' // answer 200 with a body that is not JSON
	| 'tokenExpired' // answer the way this system says "your token expired"
	| 'commitThenStall' // do the work, then never answer
	| 'commitThenReset'; // do the work, then drop the connection

export interface FaultPlan {
	/** A route name ("aqua.import") or "*" for every route. */
	route: string;
	kind: FaultKind;
	times?: number;
	rate?: number;
	status?: number;
	/** Seconds, or an HTTP date. */
	retryAfter?: string | number;
	latencyMs?: number;
	/** Let this many calls of the route through before the fault starts. */
	after?: number;
}

interface ActiveFault extends FaultPlan {
	remaining?: number;
	passed: number;
}

export class FaultPlans {
	private plans: ActiveFault[] = [];

	constructor(private readonly random: Random) {}

	add(plan: FaultPlan): void {
		this.plans.push({ ...plan, remaining: plan.times, passed: 0 });
	}

	clear(): void {
		this.plans = [];
	}

	/** The fault to apply to this call of `route`, if any; counted faults are used up. */
	take(route: string): FaultPlan | undefined {
		for (const plan of this.plans) {
			if (plan.route !== route && plan.route !== '*') continue;
			if (plan.after !== undefined && plan.passed < plan.after) {
				plan.passed++;
				continue;
			}
			if (plan.remaining !== undefined) {
				if (plan.remaining <= 0) continue;
				plan.remaining--;
				return plan;
			}
			if (plan.rate !== undefined && !this.random.chance(plan.rate)) continue;
			return plan;
		}
		return undefined;
	}
}
