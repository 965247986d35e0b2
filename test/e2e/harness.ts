import { openEnvironment } from './environment';
import type { E2eEnvironment } from './environment';
import { subExecutionOf } from '../../scripts/n8n/instance';
import type { ExecuteResult, RawExecution } from '../../scripts/n8n/instance';
import { isSubworkflow } from '../../scripts/n8n/templates';

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
	 * A fresh sandbox and n8n with the package, the sandbox credentials and these templates imported
	 * (the sub-workflows among them published, as n8n calls only those from a production run).
	 */
	open(templateFiles: string[], options?: OpenOptions): Promise<E2eEnvironment>;
	/** One production run of a scheduled template (so its static data is kept), as n8n recorded it. */
	run(env: E2eEnvironment, templateId: string): Promise<ExecuteResult>;
	/** The run of the sub-workflow that the Execute Workflow node `node` started in `run`, as n8n recorded it. */
	subRun(env: E2eEnvironment, run: ExecuteResult, node: string): Promise<RawExecution>;
}

/** One n8n process: scheduled templates run with `n8n execute`, webhook ones served by `n8n start`. */
export const singleProcess: TemplateHarness = {
	name: 'the real n8n',
	async open(templateFiles, { seed = 7, serve = false } = {}) {
		const env = await openEnvironment(templateFiles, seed);
		try {
			for (const file of templateFiles) {
				if (serve || isSubworkflow(env.templates[file])) await env.n8n.publish(env.templates[file].id);
			}
			if (serve) await env.n8n.start();
			return env;
		} catch (error) {
			await env.close();
			throw error;
		}
	},
	run: async (env, templateId) => await env.n8n.execute(templateId),
	subRun: async (env, run, node) => await env.n8n.storedExecution(subExecutionOf(run.data, node).executionId),
};
