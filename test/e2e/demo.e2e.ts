import { join } from 'node:path';

import { capture } from '../../scripts/n8n/run';
import { freePort } from '../../scripts/n8n/ports';

const ROOT = join(__dirname, '..', '..');

describe('npm run demo -- --once', () => {
	it('runs Horoshop -> Aqua once on the real n8n and prints what happened to every order', async () => {
		const env: NodeJS.ProcessEnv = { ...process.env, DEMO_SANDBOX_PORT: String(await freePort()) };
		delete env.NODE_ENV;
		const run = await capture(
			join(ROOT, 'node_modules', '.bin', 'ts-node'),
			['--transpile-only', 'scripts/demo.ts', '--once'],
			{ cwd: ROOT, env },
		);
		expect([run.code, run.output.slice(-3000)]).toEqual([0, expect.any(String)]);

		const count = (label: string) => Number(new RegExp(`${label}:\\s+(\\d+)`).exec(run.stdout)?.[1]);
		const read = count('read from Horoshop');
		const converted = count('converted to Aqua');
		const imported = count('imported into Aqua');
		const failed = count('failed');
		expect(read).toBe(13);
		expect(converted).toBeLessThan(read);
		expect(imported).toBe(converted);
		expect(failed).toBe(read - imported);
		expect(run.stdout.match(/shop order \d+ -> Aqua order \d+/g)).toHaveLength(imported);
		expect(run.stdout).toMatch(/order 13: .*FLT-07/);
		expect(run.stdout).toContain(`Aqua (sandbox) now holds ${imported} orders.`);
	});
});
