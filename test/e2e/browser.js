'use strict';
// What a person sees: the n8n editor in Debian's Chromium, driven by playwright-core. Logs in,
// finds "Sendcloud" in the nodes panel, adds it to a workflow, and saves a screenshot.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function nodesPanelOffersSendcloud(url, owner, screenshotFile) {
	const executablePath = execFileSync('bash', [path.join(__dirname, '../../scripts/ensure-chromium.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop();
	const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
	fs.mkdirSync(path.dirname(screenshotFile), { recursive: true });
	let page;
	try {
		page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
		await page.goto(`${url}/signin`);
		await page.fill('input[type="email"]', owner.email);
		await page.fill('input[type="password"]', owner.password);
		await page.click('[data-test-id="form-submit-button"]');
		await page.waitForURL((u) => !u.pathname.includes('signin'), { timeout: 30_000 });
		await page.goto(`${url}/workflow/new`);
		await page.click('[data-test-id="canvas-plus-button"]', { timeout: 30_000 });
		await page.keyboard.type('Sendcloud');
		const entry = page.locator('[data-test-id="node-creator-item-name"]', { hasText: 'Sendcloud' }).first();
		await entry.waitFor({ timeout: 15_000 });
		await entry.click();
		// The trigger's events ("On new order", …): pick the first.
		await page.locator('[data-test-id="item-iterator-item"]', { hasText: 'new order' }).first().click({ timeout: 15_000 });
		// The node lands on the canvas behind its settings panel; close the panel only then (Escape
		// while the nodes panel is still open would cancel adding it).
		const node = page.locator('[data-test-id="canvas-node"]', { hasText: 'Sendcloud Trigger' });
		await node.waitFor({ state: 'attached', timeout: 30_000 });
		await page.keyboard.press('Escape');
		await node.waitFor({ state: 'visible', timeout: 15_000 });
		await page.screenshot({ path: screenshotFile });
		return await node.textContent();
	} catch (error) {
		await page?.screenshot({ path: screenshotFile.replace(/\.png$/, '-failure.png') }).catch(() => undefined);
		throw error;
	} finally {
		await browser.close();
	}
}

module.exports = { nodesPanelOffersSendcloud };
