import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { sendcloudV3ApiRequest } from '../../transport';
import { canonicalJson } from './question';

/** What Sendcloud answered: its options, and its message (given when there are none). */
export interface Answer {
	options: IDataObject[];
	message?: string;
}

/**
 * Asks Sendcloud for shipping options, each distinct question once per run: answers (and failures) are kept by
 * the canonical request body, so 1,000 orders to 5 destinations in 3 weight classes send at most 15 requests.
 * Items asking the same question wait for the same request. The cache lives as long as the node's run.
 */
export function shippingOptionAsker(ctx: IExecuteFunctions) {
	const asked = new Map<string, Promise<Answer>>();
	return {
		get requests() {
			return asked.size;
		},
		async ask(body: IDataObject, itemIndex: number): Promise<Answer> {
			const key = canonicalJson(body);
			let answer = asked.get(key);
			if (!answer) {
				answer = sendcloudV3ApiRequest
					.call(ctx, 'POST', '/shipping-options', { body, itemIndex })
					.then((response) => ({
						options: Array.isArray(response.data) ? (response.data as IDataObject[]) : [],
						message: typeof response.message === 'string' ? response.message : undefined,
					}));
				asked.set(key, answer);
			}
			return await answer;
		},
	};
}
