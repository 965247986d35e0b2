import { readFileSync } from 'node:fs';

import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import { N8nInstance, delay } from '../../scripts/n8n/instance';
import type { CredentialToImport, RawExecution, RunOfNode } from '../../scripts/n8n/instance';
import { packedTarball } from '../../scripts/n8n/pack';
import { freePort } from '../../scripts/n8n/ports';
import { sandboxCredentials } from '../../scripts/n8n/sandboxCredentials';
import { forImport, loadTemplate } from '../../scripts/n8n/templates';
import type { Template } from '../../scripts/n8n/templates';

export interface E2eEnvironment {
	sandbox: Sandbox;
	n8n: N8nInstance;
	credentials: CredentialToImport[];
	templates: Record<string, Template>;
	close(): Promise<void>;
}

/**
 * A sandbox on a free port and a fresh real n8n with this package installed from its tarball,
 * the sandbox credentials imported, and the given templates imported (inactive).
 */
export async function openEnvironment(templateFiles: string[] = [], seed = 7): Promise<E2eEnvironment> {
	const sandbox = await startSandbox({ seed });
	const n8n = new N8nInstance({ port: await freePort(), brokerPort: await freePort() });
	const close = async () => {
		await n8n.dispose();
		await sandbox.stop();
	};
	try {
		n8n.installPackage(packedTarball());
		const templates: Record<string, Template> = {};
		for (const file of templateFiles) templates[file] = loadTemplate(file);
		const credentials = await importTemplates(n8n, sandbox, Object.values(templates));
		return { sandbox, n8n, credentials, templates, close };
	} catch (error) {
		await close();
		throw error;
	}
}

/** Imports the sandbox credentials and the templates (inactive, credentials pointed at the sandbox's). */
export async function importTemplates(n8n: N8nInstance, sandbox: Sandbox, templates: Template[]): Promise<CredentialToImport[]> {
	const credentials = sandboxCredentials(sandbox);
	await n8n.importCredentials(credentials);
	if (templates.length > 0) await n8n.importWorkflows(templates.map((template) => forImport(template, credentials)));
	return credentials;
}

/**
 * POSTs to a production webhook; right after activation n8n may still answer 404 for a moment.
 * A string body is sent as it is (e.g. after a BOM), anything else as JSON.
 */
export async function postToWebhook<T>(
	n8n: N8nInstance,
	path: string,
	body: unknown,
	headers: Record<string, string> = {},
): Promise<{ status: number; answer: T }> {
	for (let attempt = 0; attempt < 60; attempt++) {
		const response = await fetch(`${n8n.url}/webhook/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body: typeof body === 'string' ? body : JSON.stringify(body),
		});
		if (response.status !== 404) {
			const text = await response.text();
			return { status: response.status, answer: (text ? JSON.parse(text) : undefined) as T };
		}
		await delay(500);
	}
	throw new Error(`/webhook/${path} was never registered:\n${serverLog(n8n).slice(-3000)}`);
}

/** Waits until `done()` holds, showing the server's log when it never does. */
export async function waitFor(n8n: N8nInstance, what: string, done: () => boolean, timeoutMs = 45_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!done()) {
		if (Date.now() > deadline) throw new Error(`Waited in vain for ${what}:\n${serverLog(n8n).slice(-3000)}`);
		await delay(250);
	}
}

/** Every order the sandbox's Aqua import route received, in the order they came. */
export function ordersSentToAqua(sandbox: Sandbox): Array<Record<string, unknown>> {
	return sandbox.log.forRoute('aqua.import').flatMap((entry) => entry.body as Array<Record<string, unknown>>);
}

/** The runs of one node in an execution (empty when it did not run). */
export function runsOf(execution: RawExecution | undefined, node: string): RunOfNode[] {
	return execution?.data?.resultData.runData[node] ?? [];
}

/** The JSON of the items a node put on one of its outputs (0 = main, 1 = error output), over all its runs. */
export function itemsOf(execution: RawExecution | undefined, node: string, output = 0): Array<Record<string, unknown>> {
	return runsOf(execution, node).flatMap((run) => (run.data?.main?.[output] ?? []).map((item) => item.json));
}

/** The server's log so far, to show when an assertion about the server fails. */
export function serverLog(n8n: N8nInstance): string {
	try {
		return readFileSync(n8n.logFile, 'utf8');
	} catch {
		return '';
	}
}
