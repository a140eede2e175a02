import { describeFieldErrors, parsePythonLiteral } from '../../nodes/shared/pythonLiteral';
import { sendcloudErrorDetail } from '../../nodes/Sendcloud/transport';

describe('Sendcloud error bodies become text a person can act on', () => {
	test.each([
		[
			"a Python dict of field errors (the spec's 400 example)",
			{
				error: {
					code: 400,
					request: 'api/v2/integrations/',
					message:
						"{'settings': ['webhook_active: This field may not be null.', 'webhook_url: This field may not be null.']}",
				},
			},
			'settings: webhook_active: This field may not be null.; settings: webhook_url: This field may not be null.',
		],
		[
			"a dict with a trailing comma (the spec's log example)",
			{
				error: {
					code: 400,
					request: 'api/v2/integrations/12/logs',
					message: "{'exception': ['This field may not be null.', ]}",
				},
			},
			'exception: This field may not be null.',
		],
		[
			'double quotes and apostrophes inside',
			{ error: { message: `{"name": ["Can't be blank."]}` } },
			"name: Can't be blank.",
		],
		[
			'a plain message',
			{ error: { code: 404, message: 'No Integration matches the given query.' } },
			'No Integration matches the given query.',
		],
		[
			'nested field errors without a message',
			{ error: { checkout_payload: { delivery_date: ['This field is required.'] } } },
			'checkout_payload.delivery_date: This field is required.',
		],
		['a text body (a proxy page)', '  <html>Bad Gateway</html> ', '<html>Bad Gateway</html>'],
		['no body', undefined, undefined],
	])('%s', (_name, body, expected) => {
		expect(sendcloudErrorDetail(body)).toBe(expected);
	});

	test('Python literals: None, True, numbers and tuples; anything else is not one', () => {
		expect(parsePythonLiteral("{'a': None, 'b': True, 'c': (1, -2.5)}")).toEqual({
			a: null,
			b: true,
			c: [1, -2.5],
		});
		expect(parsePythonLiteral('Not found.')).toBeUndefined();
		expect(parsePythonLiteral("{'a': [")).toBeUndefined();
	});

	test('non_field_errors read as plain messages', () => {
		expect(
			describeFieldErrors({
				non_field_errors: ['Invalid data.'],
				email: ['Enter a valid email address.'],
			}),
		).toEqual(['Invalid data.', 'email: Enter a valid email address.']);
	});
});
