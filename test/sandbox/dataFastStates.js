'use strict';
// Test helpers for the DataFast Trigger: change a seeded website's payment integrations between polls,
// as DataFast would when a provider disconnects, reconnects or a Paddle key is renewed. They act on the
// sandbox's current state (a reset brings the seed back).

/** DataFast's provider keys in the integrations answer. */
const PROVIDER_KEYS = ['stripe', 'lemonsqueezy', 'polar', 'paddle', 'shopify', 'woocommerce'];

function dataFastStates(state) {
	const website = (websiteId) => {
		const found = state.websites[websiteId];
		if (!found) throw new Error(`The sandbox has no DataFast website ${websiteId}`);
		return found;
	};
	return {
		/** The website's integrations record, as GET …/integrations returns it in `data[0]`. */
		website,
		/** Connects or disconnects one provider (`stripe`, `lemonsqueezy`, `polar`, `paddle`, `shopify`, `woocommerce`). */
		setConnected(websiteId, provider, connected) {
			if (!PROVIDER_KEYS.includes(provider))
				throw new Error(`Unknown DataFast provider ${provider}`);
			website(websiteId)[provider] = { ...website(websiteId)[provider], connected };
		},
		/** Sets the Paddle key's expiry: a time in ms, an ISO string, or null (none known). */
		setPaddleKeyExpiry(websiteId, expiresAt) {
			const keyExpiresAt =
				typeof expiresAt === 'number' ? new Date(expiresAt).toISOString() : expiresAt;
			website(websiteId).paddle = { ...website(websiteId).paddle, keyExpiresAt };
		},
	};
}

module.exports = { dataFastStates, PROVIDER_KEYS };
