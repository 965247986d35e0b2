import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { capture } from '../run';
import { freePort } from '../ports';
import { ensureDebianPackages } from './debian';
import { Service } from './service';

/** Superuser initdb creates; the cluster trusts local connections, so it has no password. */
const USER = 'n8n';

/** Debian's newest PostgreSQL server programs under `root`, e.g. /usr/lib/postgresql/15/bin. */
function binDir(root: string): string | undefined {
	const versions = join(root, 'usr/lib/postgresql');
	if (!existsSync(versions)) return undefined;
	const version = readdirSync(versions)
		.filter((entry) => existsSync(join(versions, entry, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a))[0];
	return version && join(versions, version, 'bin');
}

/**
 * PostgreSQL refuses to run as root: as root, the cluster belongs to Debian's `postgres` account
 * (or `nobody`) and its programs run through runuser.
 */
function asServerUser(): { uid: number; gid: number; wrap: (program: string, args: string[]) => [string, string[]] } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const accounts = readFileSync('/etc/passwd', 'utf8').split('\n').map((line) => line.split(':'));
	const account = accounts.find((fields) => fields[0] === 'postgres') ?? accounts.find((fields) => fields[0] === 'nobody');
	if (!account) throw new Error('PostgreSQL cannot run as root, and there is no postgres or nobody account to run it as');
	return {
		uid: Number(account[2]),
		gid: Number(account[3]),
		wrap: (program, args) => ['runuser', ['-u', account[0], '--', program, ...args]],
	};
}

/** A throwaway PostgreSQL cluster on 127.0.0.1 (n8n's database in queue mode), on a free port. */
export class PostgresServer {
	readonly user = USER;

	readonly database = 'postgres';

	private constructor(
		readonly port: number,
		private readonly service: Service,
		private readonly dataDir: string,
	) {}

	static async start(): Promise<PostgresServer> {
		// postgresql-client: pg_isready.
		const programs = await ensureDebianPackages(['postgresql', 'postgresql-client'], (root) => binDir(root) !== undefined);
		const bin = binDir(programs.root)!;
		const options = { env: programs.env };
		const owner = asServerUser();
		const run = (program: string, args: string[]): [string, string[]] =>
			owner ? owner.wrap(join(bin, program), args) : [join(bin, program), args];

		const dataDir = mkdtempSync(join(tmpdir(), 'order-sync-postgres-'));
		if (owner) chownSync(dataDir, owner.uid, owner.gid);
		const initdb = await capture(...run('initdb', ['-D', dataDir, '-U', USER, '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync']), options);
		if (initdb.code !== 0) throw new Error(`initdb failed (exit ${initdb.code}):\n${initdb.output}`);

		const port = await freePort();
		// A test database: durability traded for speed.
		const service = Service.spawn(
			`postgres-${port}`,
			...run('postgres', [
				'-D', dataDir,
				'-p', String(port),
				'-h', '127.0.0.1',
				'-k', dataDir,
				'-c', 'fsync=off',
				'-c', 'synchronous_commit=off',
				'-c', 'full_page_writes=off',
				'-c', 'max_connections=200',
			]),
			options,
		);
		const postgres = new PostgresServer(port, service, dataDir);
		const isReady = join(bin, 'pg_isready');
		await service.waitUntil(
			async () => (await capture(isReady, ['-h', '127.0.0.1', '-p', String(port), '-U', USER], options)).code === 0,
			`PostgreSQL on port ${port}`,
		);
		return postgres;
	}

	get pid(): number {
		return this.service.pid;
	}

	/** n8n's settings for this database. */
	get n8nEnv(): Record<string, string> {
		return {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(this.port),
			DB_POSTGRESDB_DATABASE: this.database,
			DB_POSTGRESDB_USER: this.user,
			DB_POSTGRESDB_PASSWORD: '',
		};
	}

	/** Fast shutdown (SIGINT), then the data directory goes. */
	async stop(): Promise<void> {
		await this.service.stop('SIGINT', 10_000);
		rmSync(this.dataDir, { recursive: true, force: true });
	}
}
