import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { ROOT } from './n8n/paths';
import { loadTemplates } from './n8n/templates';

/**
 * Screenshots of every template on the n8n canvas, taken from a running `npm run demo` with
 * Debian's chromium (`apt-get install -y chromium`), into docs/screenshots/.
 * `npx ts-node --transpile-only scripts/screenshots.ts [--execute]`: with `--execute`, the main
 * template is run in the editor first, so its screenshot shows the item counts on the connections.
 */
const BASE = process.env.DEMO_URL ?? 'http://127.0.0.1:5678';
const OUT = join(ROOT, 'docs', 'screenshots');

async function main(): Promise<void> {
	mkdirSync(OUT, { recursive: true });
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	try {
		const page = await browser.newPage({ viewport: { width: 1600, height: 900 }, deviceScaleFactor: 1 });
		await page.goto(`${BASE}/signin`);
		await page.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]').first().fill('demo@example.com');
		await page.locator('input[type="password"]').first().fill('OrderSync-demo-1');
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });

		for (const template of loadTemplates()) {
			await page.goto(`${BASE}/workflow/${template.id}`);
			await page.locator('.vue-flow__node').first().waitFor({ timeout: 30_000 });
			await page.keyboard.press('Escape');
			await page.waitForTimeout(1500);
			// "Zoom to fit" so the whole workflow and its sticky notes are in the picture.
			await page.keyboard.press('1');
			await page.waitForTimeout(800);
			const file = join(OUT, template.file.replace(/\.json$/, '.png'));
			await page.screenshot({ path: file });
			process.stdout.write(`${file}\n`);
			if (process.argv.includes('--execute') && template.id === 'horoshopToAqua') {
				await page.getByRole('button', { name: /Execute workflow/i }).first().click({ force: true });
				await page.getByText(/items?/).first().waitFor({ timeout: 60_000 });
				await page.waitForTimeout(2000);
				const ran = join(OUT, template.file.replace(/\.json$/, '-executed.png'));
				await page.screenshot({ path: ran });
				process.stdout.write(`${ran}\n`);
			}
		}
	} finally {
		await browser.close();
	}
}

main().catch((error: Error) => {
	process.stderr.write(`${error.stack ?? error.message}\n`);
	process.exit(1);
});
