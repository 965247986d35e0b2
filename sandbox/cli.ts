import { startSandbox } from './server';

/** `npm run sandbox -- --port 4010 [--seed 7]`: runs the fakes until Ctrl-C. */
async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const option = (name: string) => {
		const at = args.indexOf(`--${name}`);
		return at >= 0 ? Number(args[at + 1]) : undefined;
	};
	const sandbox = await startSandbox({ port: option('port') ?? 4010, seed: option('seed') });
	console.log(`Sandbox listening on ${sandbox.url} (control: ${sandbox.url}/__sandbox/log)`);
	const stop = () => void sandbox.stop().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main();
