'use strict';
// What a person does in the n8n 2.x editor, in Debian's Chromium driven by playwright-core:
// signs in, creates a "Sendcloud API" credential (a wrong secret first, then the right one),
// builds a workflow with the Sendcloud node (credential, integration picked from the searchable
// list, Execute step), and runs the bulk-orders example (245 orders on the success output, 5 on
// the error output). Every step saves a screenshot.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

// Under load (2 cores, n8n and other tests running) the editor is slow: wait for things, long.
const UI_TIMEOUT = 30_000;
const EXECUTION_TIMEOUT = 60_000;

const BULK_WORKFLOW = 'Sendcloud: bulk create or update 250 orders';

const byId = (id) => `[data-test-id="${id}"]`;
const exactly = (text) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

function chromiumPath() {
	return execFileSync(
		'bash',
		[path.join(__dirname, '../../scripts/ensure-tool.sh'), 'chromium', 'chromium'],
		{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
	)
		.trim()
		.split('\n')
		.pop();
}

/** Polls `read` until `done(value)` holds; returns the last value either way (the caller asserts). */
async function settle(page, read, done, timeout) {
	const deadline = Date.now() + timeout;
	let value = await read();
	while (!done(value) && Date.now() < deadline) {
		await page.waitForTimeout(250);
		value = await read();
	}
	return value;
}

/** Waits until one of the locators is visible (the others' waits are dropped, not left to reject). */
async function oneOf(locators, timeout = UI_TIMEOUT) {
	await Promise.any(locators.map((l) => l.waitFor({ timeout }))).catch(() => {
		throw new Error(
			`none of ${locators.map(String).join(', ')} appeared within ${timeout / 1000} s`,
		);
	});
}

function assert(condition, message) {
	if (!condition) throw new Error(message);
}

/**
 * Walks through the editor as a person would. Resolves with [{ step, screenshot }] (one per step,
 * screenshot = absolute png path); throws an Error whose message starts with the failing step's
 * name (and saves `<step>-failure.png`) when a step fails.
 */
async function walkThroughEditor({
	url,
	owner,
	sendcloudBaseUrl,
	screenshotsDir,
	log = console.log,
}) {
	url = url.replace(/\/+$/, '');
	screenshotsDir = path.resolve(screenshotsDir);
	fs.mkdirSync(screenshotsDir, { recursive: true });
	// The instance may be reused: names unique per run.
	const stamp = `${new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}-${Math.random().toString(36).slice(2, 6)}`;
	const credentialName = `Sendcloud walkthrough ${stamp}`;
	const workflowName = `Sendcloud walkthrough ${stamp}`;

	const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
	const results = [];
	try {
		const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
		context.setDefaultTimeout(UI_TIMEOUT);
		const page = await context.newPage();

		const step = async (name, action) => {
			const started = Date.now();
			let detail;
			try {
				detail = await action();
			} catch (error) {
				await page
					.screenshot({ path: path.join(screenshotsDir, `${name}-failure.png`), timeout: 15_000 })
					.catch(() => undefined);
				const wrapped = new Error(
					`${name}: ${String(error?.message ?? error)
						.split('\n')
						.slice(0, 4)
						.join('\n')}`,
				);
				wrapped.cause = error;
				throw wrapped;
			}
			const screenshot = path.join(screenshotsDir, `${name}.png`);
			await page.screenshot({ path: screenshot, timeout: 15_000 });
			results.push({ step: name, screenshot });
			log(`${name}: ${detail} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
		};

		// 1. Sign in.
		await step('01-signed-in', async () => {
			await page.goto(`${url}/signin`);
			await page.fill('input[type="email"]', owner.email);
			await page.fill('input[type="password"]', owner.password);
			await page.click(byId('form-submit-button'));
			await page.waitForURL((u) => !u.pathname.includes('signin'));
			await page.locator(byId('project-home-menu-item')).waitFor();
			return `signed in as ${owner.email}`;
		});

		// 2. A "Sendcloud API" credential: a wrong secret key first, then the right one.
		const modal = page.locator(byId('editCredential-modal'));
		// The banner above the fields: "Couldn’t connect with these settings" / "Connection tested successfully".
		const testBanner = modal
			.locator('.el-tag', { hasText: /connect with these settings|tested successfully/i })
			.first();
		await step('02-credential-test-fails', async () => {
			await page.locator(byId('project-home-menu-item')).click();
			await page.locator(byId('tab-CredentialsView')).click();
			await page.waitForURL(/\/home\/credentials/);
			await page.locator(byId('add-resource-credential')).click();
			const select = page.locator(byId('selectCredential-modal'));
			await select.locator(byId('new-credential-type-select')).click();
			await page.keyboard.type('Sendcloud API');
			await page
				.locator(byId('new-credential-type-select-option'), { hasText: exactly('Sendcloud API') })
				.click();
			await select.locator(byId('new-credential-type-button')).click();

			await modal.waitFor();
			await modal.locator(byId('credential-name')).click();
			const nameInput = modal.locator(byId('inline-edit-input'));
			await nameInput.fill(credentialName);
			await nameInput.press('Enter');
			await modal.locator(`${byId('credential-name')}`, { hasText: credentialName }).waitFor();
			await modal.locator(`${byId('parameter-input-publicKey')} input`).fill('pk_sandbox');
			await modal
				.locator(`${byId('parameter-input-secretKey')} input`)
				.fill('sk_not_the_right_one');
			await modal.locator(`${byId('parameter-input-baseUrl')} input`).fill(sendcloudBaseUrl);
			await modal.locator(byId('credential-save-button')).click();

			// Saving tests the credential (GET /integrations with these keys).
			await modal
				.getByText(/couldn.t connect with these settings/i)
				.waitFor({ timeout: EXECUTION_TIMEOUT });
			const moreDetails = testBanner.getByText(/more details/i);
			if (await moreDetails.isVisible()) await moreDetails.click();
			// The details under the heading are what tell a person what to fix.
			const heading = /couldn.t connect with these settings/i;
			const details = (t) =>
				t
					.replace(heading, '')
					.replace(/\b(Retry|More details)\b/g, '')
					.replace(/\s+/g, ' ')
					.trim();
			const text = await settle(
				page,
				() => testBanner.innerText(),
				(t) => details(t) !== '',
				10_000,
			);
			const shown = `${text.match(heading)?.[0]}: ${details(text)}`;
			// What a person can act on: which keys are wrong and where to get the right ones.
			assert(
				/did not accept these keys.*public and secret key.*Sendcloud panel/i.test(details(text)),
				`the failed credential test does not say which keys to fix; it shows: "${shown}"`,
			);
			return `"${credentialName}" saved with a wrong secret key; the test fails with: "${shown}"`;
		});

		await step('03-credential-test-succeeds', async () => {
			await modal.locator(`${byId('parameter-input-secretKey')} input`).fill('sk_sandbox');
			await modal.locator(byId('credential-save-button')).click();
			await modal
				.getByText(/connection tested successfully/i)
				.waitFor({ timeout: EXECUTION_TIMEOUT });
			const shown = (await testBanner.innerText())
				.replace(/\s+/g, ' ')
				.replace(/\bRetry\b/, '')
				.trim();
			assert(!/couldn.t connect/i.test(shown), `the credential test still fails: "${shown}"`);
			return `secret key fixed; the test shows "${shown}"`;
		});

		// 3. A new workflow with the Sendcloud node: Get an integration.
		const ndv = page.locator(byId('ndv'));
		await step('04-sendcloud-node-configured', async () => {
			await page.keyboard.press('Escape');
			await modal.waitFor({ state: 'hidden', timeout: 5_000 }).catch(async () => {
				await modal.locator('.el-dialog__headerbtn').click();
				await modal.waitFor({ state: 'hidden' });
			});
			await page.goto(`${url}/workflow/new`);
			await page.locator(byId('canvas-plus-button')).click();
			await page.keyboard.type('Sendcloud');
			await page.locator(byId('node-creator-item-name'), { hasText: exactly('Sendcloud') }).click();
			// The node's actions, grouped by resource (under "Actions" when triggers are listed too).
			const action = page.locator(byId('item-iterator-item'), {
				hasText: exactly('Get an integration'),
			});
			const actions = page.locator(byId('node-creator-category-item'), { hasText: /^\s*Actions/ });
			await oneOf([action, actions]);
			if (!(await action.isVisible())) await actions.click();
			await action.click();

			await ndv.waitFor();
			await ndv.locator(byId('node-credentials-select')).click();
			await page
				.locator('[data-test-id^="node-credentials-select-item-"]', { hasText: credentialName })
				.click();
			const chosen = await settle(
				page,
				() => ndv.locator(`${byId('node-credentials-select')} input`).inputValue(),
				(v) => v === credentialName,
				5_000,
			);
			assert(
				chosen === credentialName,
				`the credential select shows "${chosen}", not "${credentialName}"`,
			);
			const resource = await ndv.locator(`${byId('parameter-input-resource')} input`).inputValue();
			const operation = await ndv
				.locator(`${byId('parameter-input-operation')} input`)
				.inputValue();
			assert(
				resource === 'Integration' && operation === 'Get',
				`the node is set to ${resource} / ${operation}, not Integration / Get`,
			);

			// The Integration resource locator: its list is searchable.
			await ndv.locator(byId('rlc-input')).click();
			const search = page.locator(byId('rlc-search'));
			await search.fill('Amsterdam');
			const items = page.locator(byId('rlc-item'));
			const listed = await settle(
				page,
				() => items.allInnerTexts(),
				(l) => l.length > 0 && l.every((t) => /amsterdam/i.test(t)),
				UI_TIMEOUT,
			);
			assert(
				listed.length > 0 && listed.every((t) => /amsterdam/i.test(t)),
				`searching "Amsterdam" lists: ${JSON.stringify(listed)}`,
			);
			await items.filter({ hasText: 'Amsterdam Webshop' }).first().click();
			const picked = await ndv.locator(byId('rlc-input')).inputValue();
			assert(/Amsterdam Webshop/.test(picked), `the Integration field shows "${picked}"`);
			return `credential "${credentialName}", Integration → Get, searched "Amsterdam" (${listed.length} match), picked "${picked}"`;
		});

		await step('05-integration-fetched', async () => {
			await ndv.locator(byId('node-execute-button')).first().click();
			const output = ndv.locator(byId('output-panel'));
			await output.locator(byId('node-run-status-success')).waitFor({ timeout: EXECUTION_TIMEOUT });
			const count = (await output.locator(byId('ndv-items-count')).innerText()).trim();
			// The table renders a moment after the run's status.
			const data = await settle(
				page,
				() => output.locator(byId('ndv-data-container')).innerText(),
				(t) => /Amsterdam Webshop/.test(t),
				UI_TIMEOUT,
			);
			assert(/^1 item\b/.test(count), `the output shows "${count}", not 1 item`);
			assert(
				/Amsterdam Webshop/.test(data) && /\b101\b/.test(data),
				`the output does not show integration 101 "Amsterdam Webshop": ${data.slice(0, 300)}`,
			);
			return `Execute step: output shows ${count}, integration 101 "Amsterdam Webshop"`;
		});

		// 4. The bulk example: 250 orders, 5 with an invalid email.
		const sendcloudNode = page.locator(`${byId('canvas-node')}[data-node-name="Sendcloud"]`);
		await step('06-bulk-workflow-executed', async () => {
			await ndv.locator(byId('ndv-close-button')).click();
			await ndv.waitFor({ state: 'hidden' });
			// Name the (autosaved) workflow so that reruns on the same instance are told apart.
			await page.locator(byId('workflow-name-input')).click();
			const workflowNameInput = page.locator(
				`${byId('workflow-name-input')} ${byId('inline-edit-input')}`,
			);
			await workflowNameInput.fill(workflowName);
			await workflowNameInput.press('Enter');
			await page.locator(byId('workflow-name-input'), { hasText: workflowName }).waitFor();

			// Leaving a workflow with changes not yet autosaved asks "Save changes before leaving?": Save.
			await page.locator(byId('project-home-menu-item')).click();
			const leaving = page.getByRole('dialog', { name: /save changes before leaving/i });
			const workflows = page.locator(byId('tab-WorkflowsView'));
			await oneOf([workflows, leaving]);
			if (await leaving.isVisible())
				await leaving.getByRole('button', { name: 'Save', exact: true }).click();
			await page.waitForURL(/\/home\//);
			await page.locator(byId('tab-WorkflowsView')).click();
			await page.waitForURL(/\/home\/workflows/);
			await page
				.locator(`input${byId('resources-list-search')}, ${byId('resources-list-search')} input`)
				.first()
				.fill('bulk create or update');
			await page.locator(byId('workflow-card-name'), { hasText: exactly(BULK_WORKFLOW) }).click();
			await page.waitForURL(/\/workflow\//);
			await sendcloudNode.waitFor();
			// Only this run's counts: clear any shown earlier.
			const clear = page.locator(byId('clear-execution-data-button'));
			if (await clear.isVisible()) {
				await clear.click();
				await sendcloudNode
					.locator(byId('canvas-node-status-success'))
					.waitFor({ state: 'detached' });
			}
			await page.locator(byId('execute-workflow-button')).click();
			await sendcloudNode
				.locator(byId('canvas-node-status-success'))
				.waitFor({ timeout: EXECUTION_TIMEOUT });
			// Done when nothing runs any more (the stop button is gone) and the node's outputs show counts.
			await page
				.locator(byId('stop-execution-button'))
				.waitFor({ state: 'hidden', timeout: EXECUTION_TIMEOUT });
			const handles = sendcloudNode.locator(byId('canvas-node-output-handle'));
			const labels = await settle(
				page,
				() => handles.allInnerTexts(),
				(l) => l.some((t) => /Success\s*\d/.test(t)) && l.some((t) => /Error\s*\d/.test(t)),
				UI_TIMEOUT,
			);
			const onCanvas = (branch) =>
				Number(
					labels
						.join(' ')
						.replace(/\s+/g, ' ')
						.match(new RegExp(`${branch} (\\d+) items?`))?.[1],
				);
			const success = onCanvas('Success');
			const errors = onCanvas('Error');
			assert(
				success === 245 && errors === 5,
				`the canvas shows the Sendcloud node's outputs as ${JSON.stringify(labels)}, not Success 245 / Error 5`,
			);
			return `"${BULK_WORKFLOW}" executed; canvas: Sendcloud node Success ${success} items, Error ${errors} items`;
		});

		await step('07-bulk-output-branches', async () => {
			await sendcloudNode.dblclick();
			await ndv.waitFor();
			const branches = ndv.locator(`${byId('output-panel')} ${byId('branches')}`);
			const successTab = branches.locator(byId('tab-0'));
			const errorTab = branches.locator(byId('tab-1'));
			const count = async (tab) => Number((await tab.innerText()).match(/\((\d+) items?\)/)?.[1]);
			const successText = (await successTab.innerText()).trim();
			const errorText = (await errorTab.innerText()).trim();
			assert(
				/success/i.test(successText) && (await count(successTab)) === 245,
				`the output panel's first branch shows "${successText}", not 245 successes`,
			);
			assert(
				/error/i.test(errorText) && (await count(errorTab)) === 5,
				`the output panel's second branch shows "${errorText}", not 5 errors`,
			);
			await errorTab.click();
			const output = ndv.locator(`${byId('output-panel')} ${byId('ndv-data-container')}`);
			const errorsShown = await settle(
				page,
				() => output.innerText(),
				(t) => /email/i.test(t),
				UI_TIMEOUT,
			);
			assert(
				/email/i.test(errorsShown),
				`the error branch does not say what was wrong: ${errorsShown.slice(0, 300)}`,
			);
			return `output panel: "${successText}", "${errorText}" (the errors name the invalid email)`;
		});
		const { pickShippingOption } = require('./browserShippingOption');
		await pickShippingOption({ page, step, byId, exactly, settle, oneOf, assert, UI_TIMEOUT });
		return results;
	} finally {
		await browser.close();
	}
}

module.exports = { walkThroughEditor };
