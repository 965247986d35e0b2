import { ensureN8n } from '../../scripts/n8n/install';
import { buildAndPack } from '../../scripts/n8n/pack';

/** Once per run: the pinned n8n (cached after the first run) and this package, built and packed. */
export default async function globalSetup(): Promise<void> {
	await ensureN8n();
	await buildAndPack();
}
