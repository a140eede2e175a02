import {
	judgeShipment,
	labelledParcelIds,
	withoutLabelFiles,
} from '../../../nodes/Sendcloud/actions/parcel/announcement';
import { sendcloudV3Base } from '../../../nodes/shared/baseUrl';
import { nextFromLinkHeader } from '../../../nodes/shared/transport';
import { sendcloudErrorDetail, sendcloudV3Profile } from '../../../nodes/Sendcloud/transport';

// The rules that keep a label from being bought twice, and the v3 plumbing they rely on.
const describeErrors = (errors: unknown[]) => sendcloudErrorDetail({ errors });
const parcel = (id: number, code: string, extra = {}) => ({
	id,
	status: { code, message: code },
	...extra,
});

describe('judging an announcement', () => {
	test('announced parcels: created, or existing when a 409 returned it', () => {
		const shipment = { id: 's1', parcels: [parcel(1, 'READY_TO_SEND')], errors: [] };
		expect(judgeShipment(shipment, 'created', describeErrors)).toEqual({
			outcome: 'created',
			shipment,
		});
		expect(judgeShipment(shipment, 'existing', describeErrors)).toEqual({
			outcome: 'existing',
			shipment,
		});
	});

	test('a 201 with a failed parcel is a failure, with the carrier’s reason and the field it names', () => {
		const shipment = {
			id: 's2',
			parcels: [
				parcel(1, 'ANNOUNCEMENT_FAILED', {
					errors: [
						{
							status: '400',
							code: 'parcel_announcement_error',
							detail: 'Postal code is not valid',
							source: { pointer: '/data/to_address/postal_code' },
						},
					],
				}),
			],
		};
		expect(judgeShipment(shipment, 'created', describeErrors)).toEqual({
			outcome: 'failed',
			shipment,
			reasons: ['to_address.postal_code: Postal code is not valid'],
		});
	});

	test('errors on the shipment alone fail it too; no reason given is said so', () => {
		const withErrors = {
			id: 's3',
			parcels: [parcel(1, 'READY_TO_SEND')],
			errors: [{ code: 'invalid', detail: 'Contract expired' }],
		};
		expect(judgeShipment(withErrors, 'created', describeErrors)).toMatchObject({
			outcome: 'failed',
			reasons: ['Contract expired'],
		});
		const silent = { id: 's4', parcels: [parcel(1, 'ANNOUNCEMENT_FAILED')] };
		expect(judgeShipment(silent, 'existing', describeErrors)).toMatchObject({
			outcome: 'failed',
			reasons: ['Sendcloud gave no reason'],
		});
	});

	test('only announced parcels have labels; label files leave the JSON', () => {
		const shipment = {
			parcels: [
				parcel(7, 'READY_TO_SEND', { label_file: 'JVBERi0=' }),
				parcel(8, 'ANNOUNCEMENT_FAILED'),
			],
		};
		expect(labelledParcelIds(shipment)).toEqual([7]);
		expect(withoutLabelFiles(shipment)).toEqual({
			parcels: [parcel(7, 'READY_TO_SEND'), parcel(8, 'ANNOUNCEMENT_FAILED')],
		});
	});
});

describe('repeating v3 requests', () => {
	test.each([
		['GET', '/shipments', undefined, true],
		['POST', '/shipments/s1/cancel', undefined, true],
		['POST', '/addresses/validate', {}, true],
		['POST', '/shipments/announce', { external_reference_id: 'order-1' }, true],
		['POST', '/shipments/announce-with-shipping-rules', { external_reference_id: 'order-1' }, true],
		['POST', '/shipments/announce', { external_reference_id: '  ' }, false],
		['POST', '/shipments/announce', { external_reference_id: null }, false],
		['POST', '/shipments/announce', {}, false],
	])('%s %s with %j: safe to repeat = %s', (method, url, body, safe) => {
		expect(sendcloudV3Profile.safeToRepeat(method as 'GET', url, body)).toBe(safe);
	});
});

describe('v3 base URL and pages', () => {
	test.each([
		['https://panel.sendcloud.sc/api/v2', 'https://panel.sendcloud.sc/api/v3'],
		['https://panel.sendcloud.sc/api/v2/', 'https://panel.sendcloud.sc/api/v3'],
		['https://panel.sendcloud.sc/api/v3', 'https://panel.sendcloud.sc/api/v3'],
		['http://127.0.0.1:8787/api/v2', 'http://127.0.0.1:8787/api/v3'],
		['https://proxy.example.com/sendcloud', undefined],
		['https://panel.sendcloud.sc/api/v20', undefined],
	])('%s → %s', (base, v3) => {
		expect(sendcloudV3Base(base)).toBe(v3);
	});

	test.each([
		[
			'<https://x/api/v3/shipments/?cursor=b>; rel="prev", <https://x/api/v3/shipments/?cursor=c>; rel="next"',
			'https://x/api/v3/shipments/?cursor=c',
		],
		['<https://x/?cursor=c>; rel=next', 'https://x/?cursor=c'],
		['<https://x/?a=1,2>; title="a, b"; rel="last next"', 'https://x/?a=1,2'],
		['<https://x/?cursor=b>; rel="prev"', undefined],
		['', undefined],
		[undefined, undefined],
	])('Link %j → next %s', (header, next) => {
		expect(nextFromLinkHeader(header)).toBe(next);
	});
});
