import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';

import { ROOT } from './n8n/paths';
import { freePort } from './n8n/ports';
import { say, step } from './n8n/run';
import { loadTemplates } from './n8n/templates';

/**
 * `npm run screenshots`: starts `scripts/demo.ts` on free ports, signs in as its owner in Debian's
 * chromium (installed with apt-get when missing) and writes into docs/screenshots/: every
 * template's canvas, Horoshop -> Aqua after one run in the editor, the node panel searched for
 * "1С" and for "order", and the settings of the Aqua Delivery node (in the import sub-workflow)
 * and of the Order Exchange Trigger.
 */
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const OUT = join(ROOT, 'docs', 'screenshots');
const MAIN_TEMPLATE = 'horoshopToAqua';
const IMPORT_SUBWORKFLOW = 'aquaImportSubworkflow';

interface Demo {
	url: string;
	email: string;
	password: string;
	process: ChildProcess;
}

async function main(): Promise<void> {
	if (!existsSync(CHROMIUM)) {
		await step('Updating the apt package lists', 'apt-get', ['update']);
		await step('Installing chromium', 'apt-get', ['install', '-y', 'chromium']);
	}
	mkdirSync(OUT, { recursive: true });
	const demo = await startDemo();
	try {
		const browser = await chromium.launch({ executablePath: CHROMIUM });
		try {
			const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
			await signIn(page, demo);
			await shootTemplates(page, demo.url);
			await shootNodePanel(page, demo.url);
			await openWorkflow(page, demo.url, 'aquaToSaleapp');
			await shootSettings(page, 'Orders from Aqua', 'order-exchange-trigger-settings');
		} finally {
			await browser.close();
		}
	} finally {
		await stopDemo(demo);
	}
}

/** Runs the demo on free ports (beside the e2e tests' n8n) and reads its address and owner login from what it prints. */
async function startDemo(): Promise<Demo> {
	const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(ROOT, 'scripts', 'demo.ts')], {
		cwd: ROOT,
		env: { ...process.env, DEMO_N8N_PORT: String(await freePort()), DEMO_SANDBOX_PORT: String(await freePort()) },
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	return await new Promise((resolve, reject) => {
		let url = '';
		child.once('exit', (code) => reject(new Error(`the demo stopped before n8n was ready (exit ${code})`)));
		createInterface({ input: child.stdout! }).on('line', (line) => {
			if (line.startsWith('[order-sync]')) process.stdout.write(`${line}\n`);
			url ||= /n8n is running: open (\S+)/.exec(line)?.[1] ?? '';
			const login = /sign in as (\S+) \/ (\S+)/.exec(line);
			if (url && login) resolve({ url, email: login[1], password: login[2], process: child });
		});
	});
}

async function stopDemo(demo: Demo): Promise<void> {
	if (demo.process.exitCode !== null) return;
	const exited = new Promise((resolve) => demo.process.once('exit', resolve));
	demo.process.kill('SIGTERM');
	await exited;
}

async function signIn(page: Page, demo: Demo): Promise<void> {
	await page.goto(`${demo.url}/signin`);
	await page.locator('input[type="email"]').fill(demo.email);
	await page.locator('input[type="password"]').fill(demo.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
}

async function openWorkflow(page: Page, url: string, id: string): Promise<void> {
	await page.goto(`${url}/workflow/${id}`);
	await page.locator('.vue-flow__node').first().waitFor({ timeout: 60_000 });
	await page.keyboard.press('Escape');
	// "Zoom to fit" once the canvas has settled, so every node and sticky note is in the picture.
	await page.waitForTimeout(1500);
	await page.keyboard.press('1');
	await page.waitForTimeout(800);
}

async function save(page: Page, name: string): Promise<void> {
	const file = join(OUT, `${name}.png`);
	await page.screenshot({ path: file });
	say(`Saved ${file}`);
}

async function shootTemplates(page: Page, url: string): Promise<void> {
	for (const template of loadTemplates()) {
		await openWorkflow(page, url, template.id);
		const name = template.file.replace(/\.json$/, '');
		await save(page, name);
		if (template.id !== MAIN_TEMPLATE) continue;
		// The scheduled template is not published, so this first run imports the demo orders.
		await page.keyboard.press('Control+Enter');
		await page.getByText(/^\d+ items?$/).first().waitFor({ timeout: 120_000 });
		await page.waitForTimeout(3000);
		await save(page, `${name}-executed`);
	}
	// The Aqua Delivery node itself is in the template's import sub-workflow.
	await openWorkflow(page, url, IMPORT_SUBWORKFLOW);
	await shootSettings(page, 'Import into Aqua', 'aqua-delivery-settings');
}

/** The node panel ("+" on the canvas) searched for this package's nodes by a Cyrillic and a Latin word. */
async function shootNodePanel(page: Page, url: string): Promise<void> {
	for (const [word, name] of [
		['1С', 'node-search-1c'],
		['order', 'node-search-order'],
	]) {
		await openWorkflow(page, url, MAIN_TEMPLATE);
		await page.locator('[data-test-id="node-creator-plus-button"]').click();
		const search = page.locator('input[data-test-id="node-creator-search-bar"]');
		await search.fill(word);
		await page.locator('[data-test-id="node-creator-item-name"]').first().waitFor();
		await page.waitForTimeout(800);
		await save(page, name);
	}
}

/** A node's settings panel, opened with a double click on the canvas. */
async function shootSettings(page: Page, node: string, name: string): Promise<void> {
	await page.locator(`[data-node-name="${node}"]`).first().dblclick();
	await page.locator('[data-test-id="ndv"]').waitFor();
	await page.waitForTimeout(1500);
	await save(page, name);
}

main().catch((error: Error) => {
	process.stderr.write(`${error.stack ?? error.message}\n`);
	process.exit(1);
});
