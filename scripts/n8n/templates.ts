import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import type { CredentialToImport } from './instance';
import { ROOT } from './paths';

export const TEMPLATES_DIR = join(ROOT, 'templates');

export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id?: string; name: string }>;
	webhookId?: string;
	onError?: string;
	[key: string]: unknown;
}

export interface Template {
	file: string;
	/** The workflow id the demo and the tests import it under (n8n allows at most 21 characters). */
	id: string;
	workflow: {
		name: string;
		nodes: WorkflowNode[];
		connections: Record<string, unknown>;
		settings?: Record<string, unknown>;
		[key: string]: unknown;
	};
}

/** Every `templates/*.json`, in file-name order. */
export function loadTemplates(): Template[] {
	return readdirSync(TEMPLATES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map(loadTemplate);
}

export function loadTemplate(file: string): Template {
	const name = basename(file, '.json');
	const workflow = JSON.parse(readFileSync(join(TEMPLATES_DIR, `${name}.json`), 'utf8')) as Template['workflow'];
	const id = name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase()).slice(0, 21);
	return { file: `${name}.json`, id, workflow };
}

/**
 * The template as n8n's `import:workflow` takes it: with its id, inactive, and each node's
 * credential (referenced by type and name in the file) pointed at the imported credential of
 * that type.
 */
export function forImport(template: Template, credentials: CredentialToImport[]): Record<string, unknown> {
	const nodes = template.workflow.nodes.map((node) => {
		if (!node.credentials) return node;
		const resolved: WorkflowNode['credentials'] = {};
		for (const type of Object.keys(node.credentials)) {
			const credential = credentials.find((c) => c.type === type);
			if (!credential) throw new Error(`${template.file}: node "${node.name}" needs a ${type} credential`);
			resolved[type] = { id: credential.id, name: credential.name };
		}
		return { ...node, credentials: resolved };
	});
	return { ...template.workflow, id: template.id, active: false, nodes };
}

/**
 * Whether the template is a sub-workflow (started by "When Executed by Another Workflow"). n8n calls
 * only its published version from a run that is not a manual one (`n8n execute`, schedules,
 * webhooks), so the demo and the tests publish it first.
 */
export function isSubworkflow(template: Template): boolean {
	return template.workflow.nodes.some((node) => node.type === 'n8n-nodes-base.executeWorkflowTrigger');
}

/** The node of a template by its name. */
export function nodeOf(template: Template, name: string): WorkflowNode {
	const node = template.workflow.nodes.find((n) => n.name === name);
	if (!node) throw new Error(`${template.file} has no node "${name}"`);
	return node;
}
