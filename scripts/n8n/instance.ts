import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import { CACHE, HOST_DIR, N8N_BIN, NODE_BIN } from './paths';
import { capture, node24Env } from './run';
import { PACKAGE_NAME, PACKAGE_VERSION, unpackInto } from './pack';

export interface CredentialToImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface InstanceOptions {
	/** HTTP port of `n8n start` (5678 in the demo). */
	port: number;
	/** Port of the task-runner broker; every n8n process on the machine needs its own. */
	brokerPort: number;
	/** A folder to keep; by default a fresh one under .cache/n8n/instances, removed by `dispose()`. */
	userFolder?: string;
	env?: Record<string, string>;
	/** What `start()` runs: `n8n start` by default; e.g. `['worker']` for a queue-mode worker. */
	command?: string[];
	/** Name of the server's log file; by default the user folder's (processes sharing a folder need their own). */
	logName?: string;
}

export interface Owner {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

export interface ExecuteResult {
	exitCode: number;
	/** The execution's data as `n8n execute --rawOutput` prints it, when it printed any. */
	data?: RawExecution;
	output: string;
}

export interface RawExecution {
	data?: {
		resultData: {
			error?: { message: string; node?: { name: string } };
			runData: Record<string, Array<RunOfNode>>;
			lastNodeExecuted?: string;
		};
	};
	status?: string;
	[key: string]: unknown;
}

export interface RunOfNode {
	executionStatus?: string;
	/** An Execute Workflow node's run names the execution of the sub-workflow it started. */
	metadata?: { subExecution?: { executionId: string; workflowId: string } };
	error?: { message: string; description?: string };
	data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> };
}

/**
 * One throwaway n8n: its own user folder (SQLite database, encryption key, installed community
 * packages), driven through n8n's CLI and, once started, its HTTP server.
 */
export class N8nInstance {
	readonly userFolder: string;

	readonly url: string;

	private server?: ChildProcess;

	private cookie?: string;

	private readonly ownsFolder: boolean;

	private readonly env: NodeJS.ProcessEnv;

	private readonly command: string[];

	private readonly logName?: string;

	constructor(options: InstanceOptions) {
		this.command = options.command ?? ['start'];
		this.logName = options.logName;
		this.ownsFolder = !options.userFolder;
		if (options.userFolder) {
			mkdirSync(options.userFolder, { recursive: true });
			this.userFolder = options.userFolder;
		} else {
			mkdirSync(join(CACHE, 'instances'), { recursive: true });
			this.userFolder = mkdtempSync(join(CACHE, 'instances', 'n8n-'));
		}
		this.url = `http://127.0.0.1:${options.port}`;
		this.env = node24Env({
			// `n8n execute` prints the execution JSON to a pipe and then calls process.exit(); Node
			// writes to a full pipe asynchronously, so a large JSON lost its end (2 runs in 6 at 500
			// orders). A blocking stdout keeps it whole.
			NODE_OPTIONS: [process.env.NODE_OPTIONS, BLOCKING_STDOUT].filter(Boolean).join(' '),
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: options.env?.N8N_ENCRYPTION_KEY ?? randomBytes(24).toString('hex'),
			N8N_PORT: String(options.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			WEBHOOK_URL: `http://127.0.0.1:${options.port}/`,
			N8N_RUNNERS_BROKER_PORT: String(options.brokerPort),
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_SECURE_COOKIE: 'false',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_LOG_LEVEL: 'info',
			DB_SQLITE_POOL_SIZE: '2',
			GENERIC_TIMEZONE: 'Europe/Kyiv',
			...options.env,
		});
	}

	/** Installs the packed package the way n8n's community-package installer lays it out. */
	installPackage(tarball: string): void {
		const nodesDir = join(this.userFolder, '.n8n', 'nodes');
		mkdirSync(nodesDir, { recursive: true });
		writeFileSync(
			join(nodesDir, 'package.json'),
			JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: PACKAGE_VERSION } }, null, 2),
		);
		unpackInto(tarball, join(nodesDir, 'node_modules', PACKAGE_NAME));
	}

	/** Runs one n8n CLI command to its end (each start costs about 5 s). */
	async cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; output: string; stdout: string }> {
		return await capture(NODE_BIN, [N8N_BIN, ...args], { env: { ...this.env, ...env }, cwd: this.userFolder });
	}

	private async cliOrThrow(args: string[]): Promise<string> {
		const result = await this.cli(args);
		if (result.code !== 0) throw new Error(`n8n ${args.join(' ')} failed (exit ${result.code}):\n${result.output}`);
		return result.stdout;
	}

	async importCredentials(credentials: CredentialToImport[]): Promise<void> {
		const file = join(this.userFolder, 'credentials-to-import.json');
		writeFileSync(file, JSON.stringify(credentials));
		try {
			await this.cliOrThrow(['import:credentials', `--input=${file}`]);
		} finally {
			rmSync(file, { force: true });
		}
	}

	/** Imports workflows (each with an `id`) in one CLI call. */
	async importWorkflows(workflows: Array<Record<string, unknown>>): Promise<void> {
		const dir = join(this.userFolder, 'workflows-to-import');
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(dir, { recursive: true });
		workflows.forEach((workflow, index) => writeFileSync(join(dir, `${index}.json`), JSON.stringify(workflow)));
		await this.cliOrThrow(['import:workflow', '--separate', `--input=${dir}`]);
		rmSync(dir, { recursive: true, force: true });
	}

	/** Marks a workflow active, so `n8n start` registers its webhooks and schedules. */
	async publish(workflowId: string): Promise<void> {
		await this.cliOrThrow(['publish:workflow', `--id=${workflowId}`]);
	}

	/**
	 * `n8n execute --id --rawOutput`: exit code 1 when a node failed; the JSON follows the log lines.
	 * A sub-workflow it calls must be published. n8n 2.40 reads a published workflow from the
	 * versions its publication service records, and only a running `n8n start` records them (not
	 * `publish:workflow`): without that service, which `n8n execute` does not run, n8n reads the
	 * version `publish:workflow` marked active instead.
	 */
	async execute(workflowId: string): Promise<ExecuteResult> {
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], { N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'false' });
		return { exitCode: result.code, data: parseRawOutput(result.stdout), output: result.output };
	}

	/**
	 * An execution as n8n stored it, run data unflattened, read from this instance's SQLite
	 * database with n8n's own sqlite3 and flatted: e.g. the run of a sub-workflow that a workflow
	 * run by `execute()` called, which `n8n execute` does not print.
	 */
	async storedExecution(executionId: string): Promise<RawExecution & { id: string }> {
		const database = join(this.userFolder, '.n8n', 'database.sqlite');
		const result = await capture(NODE_BIN, ['-e', READ_EXECUTION, database, executionId], { env: this.env, cwd: HOST_DIR });
		if (result.code !== 0) throw new Error(`execution ${executionId} could not be read from ${database}:\n${result.output}`);
		return JSON.parse(result.stdout) as RawExecution & { id: string };
	}

	/** Where the server's output goes; kept after `dispose()`. */
	get logFile(): string {
		return join(CACHE, 'logs', `${this.logName ?? basename(this.userFolder)}.log`);
	}

	/** Starts `n8n start` (or the instance's command) and waits until it is ready; its output goes to `logFile`. */
	async start(timeoutMs = 120_000): Promise<void> {
		const logFile = this.logFile;
		mkdirSync(join(CACHE, 'logs'), { recursive: true });
		const log = createWriteStream(logFile);
		const child = spawn(NODE_BIN, [N8N_BIN, ...this.command], {
			env: this.env,
			cwd: this.userFolder,
			stdio: ['ignore', 'pipe', 'pipe'],
			// Its own process group, so stopping it also stops the task runners it spawns.
			detached: true,
		});
		this.server = child;
		const killGroup = () => signalGroup(child, 'SIGKILL');
		process.once('exit', killGroup);
		child.once('exit', () => process.removeListener('exit', killGroup));
		child.stdout!.pipe(log);
		child.stderr!.pipe(log);
		let exited: number | null | undefined;
		child.on('exit', (code) => (exited = code));
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (exited !== undefined) throw new Error(`n8n ${this.command[0]} exited with ${exited}; see ${logFile}`);
			try {
				const response = await fetch(`${this.url}/healthz/readiness`);
				if (response.ok) return;
			} catch {
				// not listening yet
			}
			await delay(500);
		}
		throw new Error(`n8n did not become ready within ${timeoutMs / 1000} s; see ${logFile}`);
	}

	/**
	 * Stops the server: SIGTERM to n8n alone, so that it shuts down in its own order (a worker
	 * finishes its running executions, which still need its task runner), then SIGKILL to the whole
	 * group once it exits or after `graceMs`.
	 */
	async stop(graceMs = 15_000): Promise<void> {
		const child = this.server;
		this.server = undefined;
		if (!child || child.exitCode !== null || child.signalCode !== null) return;
		await new Promise<void>((resolve) => {
			const kill = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
			child.once('exit', () => {
				clearTimeout(kill);
				signalGroup(child, 'SIGKILL');
				resolve();
			});
			child.kill('SIGTERM');
		});
	}

	/** Creates the instance owner (`POST /rest/owner/setup`) and returns the session cookie. */
	async setupOwner(owner: Owner): Promise<string> {
		const response = await fetch(`${this.url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(owner),
		});
		const cookie = response.headers.get('set-cookie')?.split(';')[0];
		if (!response.ok || !cookie) throw new Error(`Owner setup failed: HTTP ${response.status} ${await response.text()}`);
		this.cookie = cookie;
		return cookie;
	}

	/** GET on the server with the owner's session. */
	async get<T>(path: string): Promise<T> {
		const response = await fetch(`${this.url}${path}`, { headers: this.cookie ? { cookie: this.cookie } : {} });
		if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
		return (await response.json()) as T;
	}

	/** POST of JSON on the server with the owner's session. */
	async post<T>(path: string, body: unknown): Promise<T> {
		const response = await fetch(`${this.url}${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}) },
			body: JSON.stringify(body),
		});
		if (!response.ok) throw new Error(`POST ${path}: HTTP ${response.status} ${await response.text()}`);
		return (await response.json()) as T;
	}

	/** The server's process id while it runs. */
	get pid(): number | undefined {
		return this.running ? this.server!.pid : undefined;
	}

	get running(): boolean {
		return this.server !== undefined && this.server.exitCode === null && this.server.signalCode === null;
	}

	/** Stops the server and removes a folder this instance created. */
	async dispose(): Promise<void> {
		await this.stop();
		if (this.ownsFolder) rmSync(this.userFolder, { recursive: true, force: true });
	}
}

/** Prints one execution of n8n's SQLite database (argv: file, id) as JSON, its data unflattened. */
const READ_EXECUTION = `
const sqlite3 = require('sqlite3');
const { parse } = require('flatted');
const [file, id] = process.argv.slice(1);
const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
const query = 'SELECT e.id, e.workflowId, e.mode, e.status, e.startedAt, e.stoppedAt, e.storedAt, d.data FROM execution_entity e LEFT JOIN execution_data d ON d.executionId = e.id WHERE e.id = ?';
db.get(query, [id], (error, row) => {
	db.close();
	if (error || !row || row.storedAt !== 'db' || !row.data) {
		process.stderr.write(error ? error.message : row ? 'its data is not stored in the database (' + row.storedAt + ')' : 'no such execution');
		process.exit(1);
	}
	const { data, storedAt, ...execution } = row;
	process.stdout.write(JSON.stringify({ ...execution, id: String(execution.id), data: parse(data) }));
});
`;

const BLOCKING_STDOUT = `--import=data:text/javascript,${encodeURIComponent('process.stdout._handle.setBlocking(true)')}`;

/** The sub-workflow execution (its id and its workflow's) that an Execute Workflow node started in this execution. */
export function subExecutionOf(execution: RawExecution | undefined, node: string): { executionId: string; workflowId: string } {
	const started = (execution?.data?.resultData.runData[node] ?? []).flatMap((run) => (run.metadata?.subExecution ? [run.metadata.subExecution] : []));
	if (started.length !== 1) throw new Error(`"${node}" started ${started.length} sub-workflow executions, not 1`);
	return { executionId: String(started[0].executionId), workflowId: started[0].workflowId };
}

/**
 * The JSON `n8n execute --rawOutput` prints among its log lines: from the first line that is `{`
 * to the last that is `}` (the task runner may log "Registered runner ..." after the JSON).
 */
export function parseRawOutput(stdout: string): RawExecution | undefined {
	const lines = stdout.split('\n');
	const start = lines.findIndex((line) => line === '{');
	const end = lines.lastIndexOf('}');
	if (start < 0 || end < start) return undefined;
	try {
		return JSON.parse(lines.slice(start, end + 1).join('\n')) as RawExecution;
	} catch {
		return undefined;
	}
}

export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	try {
		process.kill(-child.pid!, signal);
	} catch {
		// the group is gone already
	}
}

export function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
