'use strict';
// POST /addresses/validate: checks an address against (PostNL-like) carrier limits and "washes" it, as the spec
// describes: the verdict, the reasons from the spec's list, and the washed address as the recommended result.
const { CARRIERS, FAILING_POSTAL_CODE, apiError } = require('./shipments');

const MAX_ADDRESS_LINE = 35;
const MAX_HOUSE_NUMBER = 8;
const POSTAL_CODE_FORMATS = {
	NL: /^\d{4} ?[A-Z]{2}$/,
	BE: /^\d{4}$/,
	DE: /^\d{5}$/,
	FR: /^\d{5}$/,
	US: /^\d{5}(-\d{4})?$/,
};
/** Countries whose addresses need a house number, and those that need a state or a province. */
const HOUSE_NUMBER_COUNTRIES = new Set(['NL', 'BE', 'DE']);
const STATE_COUNTRIES = new Set(['US']);
const PROVINCE_COUNTRIES = new Set(['CA', 'IT', 'ES']);

/** The washing: a house number at the end of the first line gets its own field; NL postal codes get their space. */
function wash(address) {
	const washed = { ...address };
	const changed = [];
	const trailingNumber = /^(.*\S)\s+(\d+\s?[A-Za-z]{0,3})$/.exec(washed.address_line_1 ?? '');
	if (!washed.house_number && trailingNumber) {
		[, washed.address_line_1, washed.house_number] = trailingNumber;
		changed.push('address_line_1', 'house_number');
	}
	if (washed.country_code && washed.country_code !== washed.country_code.toUpperCase()) {
		washed.country_code = washed.country_code.toUpperCase();
		changed.push('country_code');
	}
	const dutch = /^(\d{4})\s*([A-Za-z]{2})$/.exec(washed.postal_code ?? '');
	if (
		washed.country_code === 'NL' &&
		dutch &&
		washed.postal_code !== `${dutch[1]} ${dutch[2].toUpperCase()}`
	) {
		washed.postal_code = `${dutch[1]} ${dutch[2].toUpperCase()}`;
		changed.push('postal_code');
	}
	return { washed, changed };
}

function reasonsAgainst(address) {
	const reasons = [];
	const country = address.country_code;
	if (!country) reasons.push('COUNTRY_CODE_MISSING');
	if (!address.postal_code) reasons.push('POSTAL_CODE_MISSING');
	else if (
		(POSTAL_CODE_FORMATS[country] && !POSTAL_CODE_FORMATS[country].test(address.postal_code)) ||
		address.postal_code === FAILING_POSTAL_CODE
	) {
		reasons.push('ADDRESS_NOT_VALID');
	}
	if (
		[address.address_line_1, address.address_line_2].some(
			(line) => (line ?? '').length > MAX_ADDRESS_LINE,
		)
	)
		reasons.push('ADDRESS_TOO_LONG');
	if ((address.house_number ?? '').length > MAX_HOUSE_NUMBER) reasons.push('HOUSE_NUMBER_TOO_LONG');
	if (HOUSE_NUMBER_COUNTRIES.has(country) && !address.house_number)
		reasons.push('HOUSE_NUMBER_TOO_SHORT');
	if (STATE_COUNTRIES.has(country) && !address.state_province_code) reasons.push('STATE_MISSING');
	if (PROVINCE_COUNTRIES.has(country) && !address.state_province_code)
		reasons.push('PROVINCE_MISSING');
	return reasons;
}

/** Answers a validation request: {status, body}. The verdict is on the washed address; washing is no defect. */
function validateAddress({ address, carrier_code: carrier }) {
	if (!CARRIERS[carrier]) {
		return {
			status: 400,
			body: {
				errors: [
					apiError(
						400,
						'invalid',
						`Carrier "${carrier}" is not available to your account.`,
						'/carrier_code',
					),
				],
			},
		};
	}
	const { washed, changed } = wash(address);
	const reasons = reasonsAgainst(washed);
	const isValid = reasons.length === 0;
	return {
		status: 200,
		body: {
			input_address_is_valid: isValid,
			results: [
				{
					address: washed,
					recommended: isValid,
					analysis: {
						validation_result: { is_valid: isValid, reasons },
						changed_attributes: changed,
					},
				},
			],
		},
	};
}

module.exports = { validateAddress };
