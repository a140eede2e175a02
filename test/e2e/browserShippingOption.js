'use strict';
// Editor walk-through, shipping options: in the "label for new orders" example, whose Create and Announce node was
// saved when the shipping option was a text field ("postnl:standard" as plain text), the field still shows that
// code; its "From List" mode lists Sendcloud's shipping options; searching "dpd" and picking DPD Classic sets it.

const LABEL_WORKFLOW = 'Sendcloud: a label PDF for each new paid order';

/**
 * Runs as one step of test/e2e/browser.js's walk-through: `step(name, action)`, `page`, and that file's helpers
 * (`byId`, `exactly`, `settle`, `oneOf`, `assert`, `UI_TIMEOUT`).
 */
async function pickShippingOption({
	page,
	step,
	byId,
	exactly,
	settle,
	oneOf,
	assert,
	UI_TIMEOUT,
}) {
	const ndv = page.locator(byId('ndv'));
	await step('08-shipping-option-picked', async () => {
		if (await ndv.isVisible()) {
			await ndv.locator(byId('ndv-close-button')).click();
			await ndv.waitFor({ state: 'hidden' });
		}
		await page.locator(byId('project-home-menu-item')).click();
		const leaving = page.getByRole('dialog', { name: /save changes before leaving/i });
		const workflows = page.locator(byId('tab-WorkflowsView'));
		await oneOf([workflows, leaving]);
		if (await leaving.isVisible())
			await leaving.getByRole('button', { name: /leave without saving/i }).click();
		await page.locator(byId('tab-WorkflowsView')).click();
		await page.waitForURL(/\/home\/workflows/);
		await page
			.locator(`input${byId('resources-list-search')}, ${byId('resources-list-search')} input`)
			.first()
			.fill('label PDF for each new paid order');
		await page.locator(byId('workflow-card-name'), { hasText: exactly(LABEL_WORKFLOW) }).click();
		await page.waitForURL(/\/workflow\//);
		const labelNode = page.locator(`${byId('canvas-node')}[data-node-name="Create label"]`);
		await labelNode.dblclick();
		await ndv.waitFor();

		const field = ndv.locator(byId('parameter-input-shippingOptionCode'));
		await field.scrollIntoViewIfNeeded();
		const input = field.locator(byId('rlc-input'));
		const saved = await settle(
			page,
			() => input.inputValue(),
			(v) => v !== '',
			UI_TIMEOUT,
		);
		assert(/postnl:standard/.test(saved), `the saved plain-text code shows as "${saved}"`);

		// Switch to "From List" when the saved text opened in another mode.
		const modeSelector = field.locator(`${byId('rlc-mode-selector')} input`);
		const mode = await modeSelector.inputValue().catch(() => '');
		if (!/from list/i.test(mode)) {
			await field.locator(byId('rlc-mode-selector')).click();
			// Element Plus keeps every mode menu opened earlier in the page (hidden); only the open one is an option.
			await page.getByRole('option', { name: /^\s*From list\s*$/i }).click();
		}
		await field.locator(byId('rlc-input')).click();
		const search = page.locator(byId('rlc-search'));
		await search.fill('dpd');
		const items = page.locator(byId('rlc-item'));
		const listed = await settle(
			page,
			() => items.allInnerTexts(),
			(l) => l.length > 0 && l.every((t) => /dpd/i.test(t)),
			UI_TIMEOUT,
		);
		assert(
			listed.length > 0 && listed.every((t) => /dpd/i.test(t)),
			`searching "dpd" lists: ${JSON.stringify(listed)}`,
		);
		await items.filter({ hasText: 'DPD Classic' }).first().click();
		const picked = await settle(
			page,
			() => field.locator(byId('rlc-input')).inputValue(),
			(v) => /DPD Classic|dpd:classic/.test(v),
			UI_TIMEOUT,
		);
		assert(/DPD Classic|dpd:classic/.test(picked), `the Shipping Option field shows "${picked}"`);
		return `"${LABEL_WORKFLOW}" → Create label: the code saved as text showed as "${saved}"; From List, searched "dpd" (${listed.length} listed), picked "${picked}"`;
	});
}

module.exports = { pickShippingOption };
