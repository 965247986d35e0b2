import { openEnvironment } from './environment';
import type { E2eEnvironment } from './environment';
import type { ExecuteResult } from '../../scripts/n8n/instance';

export interface OpenOptions {
	/** The sandbox's seed (7 unless told). */
	seed?: number;
	/** Publish the templates and start the server (webhooks answer). */
	serve?: boolean;
}

/** How the template checks get n8n: one process driven by its CLI, or queue mode. */
export interface TemplateHarness {
	/** For the tests' names: "the real n8n", "n8n in queue mode (2 workers)". */
	readonly name: string;
	/**
	 * Whether a run sees the static data (record of imported orders) the previous run saved. Not in
	 * n8n 2.40.7's queue mode: its workers start every production execution without it (see
	 * docs/queue-mode.md), so the checks that need it are expected to fail there.
	 */
	readonly keepsStaticData: boolean;
	/** A fresh sandbox and n8n with the package, the sandbox credentials and these templates imported. */
	open(templateFiles: string[], options?: OpenOptions): Promise<E2eEnvironment>;
	/** One production run of a scheduled template (so its static data is kept), as n8n recorded it. */
	run(env: E2eEnvironment, templateId: string): Promise<ExecuteResult>;
}

/** One n8n process: scheduled templates run with `n8n execute`, webhook ones served by `n8n start`. */
export const singleProcess: TemplateHarness = {
	name: 'the real n8n',
	keepsStaticData: true,
	async open(templateFiles, { seed = 7, serve = false } = {}) {
		const env = await openEnvironment(templateFiles, seed);
		if (!serve) return env;
		try {
			for (const file of templateFiles) await env.n8n.publish(env.templates[file].id);
			await env.n8n.start();
			return env;
		} catch (error) {
			await env.close();
			throw error;
		}
	},
	run: async (env, templateId) => await env.n8n.execute(templateId),
};
