import { makeNode } from '../../helpers/engine';
import type { Sandbox } from '../../helpers/sandbox';

export const shippingOptionNode = (
	operation: 'getAll' | 'getBest',
	parameters: Record<string, unknown> = {},
	settings = {},
) =>
	makeNode(
		'sendcloud',
		{
			resource: 'shippingOption',
			operation,
			fromCountryCode: 'NL',
			fromPostalCode: '1012AB',
			toCountryCode: 'NL',
			toPostalCode: '2000AB',
			parcels: { parcel: [{ weight: 1 }] },
			...parameters,
		} as never,
		settings,
	);

/** The POST /shipping-options requests the sandbox received. */
export const optionRequests = (box: Sandbox) =>
	box.requests.filter((r) => r.method === 'POST' && r.path === '/api/v3/shipping-options');
