'use strict';
// Validates requests against the vendored Sendcloud OpenAPI 3.1 documents with Ajv's 2020-12 build: the v2
// Integrations API (under /api/v2), the v3 Shipments and v3 Parcel documents APIs (both under /api/v3).
// Where a document contradicts itself, it is amended on loading; spec/NOTICE.md lists every amendment.
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

const UPSERT_OPERATION = 'sc-public-v2-orders-post-create_a_list_of_shipments';
const METHODS = ['get', 'put', 'patch', 'post', 'delete'];

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
// The v2 spec types money and weights as strings of `format: decimal`.
ajv.addFormat('decimal', /^-?\d+(\.\d+)?$/);

/** Replaces every `oneOf` by `anyOf` (see NOTICE.md: the v3 branches overlap where the API accepts both). */
function oneOfAsAnyOf(node) {
	if (Array.isArray(node)) return node.map(oneOfAsAnyOf);
	if (!node || typeof node !== 'object') return node;
	return Object.fromEntries(
		Object.entries(node).map(([key, value]) => [
			key === 'oneOf' ? 'anyOf' : key,
			oneOfAsAnyOf(value),
		]),
	);
}

/**
 * Loads one document: registers its components with Ajv under `id` and lists its operations with their
 * parameters (path, query and header) and body validator. `amend` corrects the parsed document.
 */
function loadSpec(id, file, amend = (doc) => doc) {
	const spec = amend(YAML.parse(fs.readFileSync(path.join(__dirname, 'spec', file), 'utf8')));
	ajv.addSchema({ $id: id, components: spec.components });
	const validatorFor = (schema) =>
		ajv.compile(JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, `"$ref":"${id}#/`)));
	const schemes = spec.components.securitySchemes ?? {};
	const operations = [];
	for (const [specPath, item] of Object.entries(spec.paths)) {
		for (const method of METHODS) {
			const op = item[method];
			if (!op) continue;
			const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) =>
				p.$ref ? spec.components.parameters[p.$ref.split('/').pop()] : p,
			);
			const bodySchema = op.requestBody?.content?.['application/json']?.schema;
			operations.push({
				method: method.toUpperCase(),
				specPath,
				operationId: op.operationId,
				regex: new RegExp(`^${specPath.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}/?$`),
				params: params.map((p) => ({ ...p, validate: validatorFor(p.schema) })),
				validateBody: bodySchema ? validatorFor(bodySchema) : undefined,
				paginated: Boolean(op['x-sendcloud-paginated']),
				// 'basic' and/or 'oauth2': the authentication schemes the operation accepts.
				authentication: (op.security ?? spec.security ?? [])
					.flatMap((s) => Object.keys(s))
					.map((name) => schemes[name]?.scheme ?? schemes[name]?.type),
				responses: op.responses,
			});
		}
	}
	// A literal segment wins over a parameter: /integrations/logs is not /integrations/{id}.
	operations.sort((a, b) => a.specPath.split('{').length - b.specPath.split('{').length);
	return { id, spec, operations, validatorFor };
}

const v2 = loadSpec('sendcloud-v2', 'sendcloud-v2-integrations.openapi.yml');

/** `format: url` is no JSON Schema format: ajv-formats' `url` refuses loopback hosts, so it is read as `uri`. */
function urlAsUri(node) {
	if (!node || typeof node !== 'object') return;
	if (node.format === 'url') node.format = 'uri';
	Object.values(node).forEach(urlAsUri);
}

/**
 * The Returns spec names its create body (and a 400 answer) by `$ref` to `components/requestBodies` and
 * `components/responses`: put them in place.
 */
function inlineRequestBodies(doc) {
	urlAsUri(doc);
	for (const item of Object.values(doc.paths)) {
		for (const method of METHODS) {
			const op = item[method];
			const ref = op?.requestBody?.$ref;
			if (ref) op.requestBody = doc.components.requestBodies[ref.split('/').pop()];
			for (const [status, response] of Object.entries(op?.responses ?? {}))
				if (response.$ref)
					op.responses[status] = doc.components.responses[response.$ref.split('/').pop()];
		}
	}
	return doc;
}

const V3_SHIPMENTS_FILE = 'sendcloud-v3-shipments.openapi.yml';
const V3_DOCUMENTS_FILE = 'sendcloud-v3-parcel-documents.openapi.yml';
const v3Shipments = loadSpec('sendcloud-v3-shipments', V3_SHIPMENTS_FILE, oneOfAsAnyOf);
const V3_SHIPPING_OPTIONS_FILE = 'sendcloud-v3-shipping-options.openapi.yml';
const v3ShippingOptions = loadSpec('sendcloud-v3-shipping-options', V3_SHIPPING_OPTIONS_FILE);
const v3Documents = loadSpec('sendcloud-v3-documents', V3_DOCUMENTS_FILE, (doc) => {
	// The bulk download answers in the same three formats but does not declare the header that picks one.
	const bulk = doc.paths['/parcel-documents/{type}'].get;
	bulk.parameters.push({ $ref: '#/components/parameters/rendering_format' });
	return doc;
});

// Account data: sender addresses, brands, contracts, parcel statuses (v3/accountData.js).
const V3_ACCOUNT_FILES = [
	['sendcloud-v3-sender-addresses', 'sendcloud-v3-sender-addresses.openapi.yml'],
	['sendcloud-v3-brands', 'sendcloud-v3-brands.openapi.yml'],
	['sendcloud-v3-contracts', 'sendcloud-v3-contracts.openapi.yml'],
	['sendcloud-v3-parcel-statuses', 'sendcloud-v3-parcel-statuses.openapi.yml'],
];
/** The parcel statuses document declares no error schema: the other v3 documents' one applies (NOTICE.md). */
function withV3ErrorSchema(doc) {
	if (!doc.components.schemas.ErrorObject) {
		const donor = YAML.parse(
			fs.readFileSync(path.join(__dirname, 'spec', V3_ACCOUNT_FILES[0][1]), 'utf8'),
		);
		doc.components.schemas.ErrorObject = donor.components.schemas.ErrorObject;
		doc.components.schemas.errors = donor.components.schemas.errors;
	}
	return doc;
}
const v3Account = V3_ACCOUNT_FILES.map(([id, file]) => loadSpec(id, file, withV3ErrorSchema));

const V3_SERVICE_POINTS_FILE = 'sendcloud-v3-service-points.openapi.yml';
const V3_PICKUPS_FILE = 'sendcloud-v3-pickups.openapi.yml';
const v3ServicePoints = loadSpec('sendcloud-v3-service-points', V3_SERVICE_POINTS_FILE);
const v3Pickups = loadSpec('sendcloud-v3-pickups', V3_PICKUPS_FILE, amendPickups);

/**
 * The pickups spec as the sandbox reads it (NOTICE.md): `oneOf` as `anyOf`, as for the Shipments spec, and pallets
 * allowed by the common item schema, which the DHL, DPD Austria and UPS item schemas extend with `allOf` (the common
 * `enum: [parcel]` would otherwise forbid the pallets they add).
 */
function amendPickups(doc) {
	doc.components.schemas['base-pickup-item'].properties.container_type.enum = ['parcel', 'pallet'];
	return oneOfAsAnyOf(doc);
}

function coerce(value, schema) {
	if (schema.type === 'integer' && /^-?\d+$/.test(value)) return Number(value);
	if (schema.type === 'number' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
	if (schema.type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
	return value;
}

// Ajv keywords → the error codes of the v3 ErrorObject enum.
const ERROR_CODES = {
	required: 'required',
	enum: 'invalid_choice',
	additionalProperties: 'unknown_field',
	minimum: 'min_value',
	type: 'invalid',
};

/** One finding: `text` reads as in the v2 sandbox's messages, `source` and `code` feed a v3 error object. */
function ajvProblems(errors, prefix, source) {
	return (errors ?? []).map((e) => {
		const pointer =
			e.keyword === 'required' ? `${e.instancePath}/${e.params.missingProperty}` : e.instancePath;
		return {
			text: `${prefix}${e.instancePath || ''} ${e.message}`.trim(),
			code: ERROR_CODES[e.keyword] ?? 'invalid',
			source: source.pointer === undefined ? source : { pointer: pointer || '/' },
		};
	});
}

/**
 * Checks one request (its path relative to the API's base path) against a list of operations. Returns the
 * matched operation, its path parameters and query, and the problems found (empty when it holds to the spec).
 */
function checkRequest(operations, { method, pathname, searchParams, headers = {}, body }) {
	const candidates = operations.filter((o) => o.regex.test(pathname));
	const op = candidates.find((o) => o.method === method);
	if (!op) {
		const text = `${method} ${pathname} is not an operation of the spec`;
		return {
			problems: [{ text, code: 'not_found', source: {} }],
			notFound: candidates.length === 0,
		};
	}
	const problems = [];
	const pathValues = op.regex.exec(pathname).groups ?? {};
	const pathParams = {};
	const query = {};
	const declared = new Set();
	for (const p of op.params) {
		if (p.in === 'path') {
			const value = coerce(decodeURIComponent(pathValues[p.name]), p.schema);
			if (!p.validate(value))
				problems.push(...ajvProblems(p.validate.errors, `path ${p.name}`, { parameter: p.name }));
			pathParams[p.name] = value;
		} else if (p.in === 'query') {
			declared.add(p.name);
			const values = searchParams.getAll(p.name);
			if (values.length === 0) {
				if (p.required)
					problems.push({
						text: `query ${p.name} is required`,
						code: 'required',
						source: { parameter: p.name },
					});
				continue;
			}
			const value =
				p.schema.type === 'array'
					? values.map((v) => coerce(v, p.schema.items ?? {}))
					: values.length === 1
						? coerce(values[0], p.schema)
						: values;
			if (!p.validate(value))
				problems.push(...ajvProblems(p.validate.errors, `query ${p.name}`, { parameter: p.name }));
			query[p.name] = value;
		} else if (p.in === 'header') {
			const value = headers[p.name.toLowerCase()];
			if (value === undefined) {
				if (p.required)
					problems.push({
						text: `header ${p.name} is required`,
						code: 'required',
						source: { header: p.name },
					});
				continue;
			}
			if (!p.validate(value))
				problems.push(...ajvProblems(p.validate.errors, `header ${p.name}`, { header: p.name }));
		}
	}
	for (const name of new Set(searchParams.keys())) {
		if (declared.has(name)) continue;
		// The v2 logs endpoints are paginated but do not declare `cursor`; their own next links use it.
		if (name === 'cursor' && op.paginated) {
			query.cursor = searchParams.get('cursor');
			continue;
		}
		problems.push({
			text: `query ${name} is not a parameter of ${op.operationId}`,
			code: 'unknown_field',
			source: { parameter: name },
		});
	}
	if (op.operationId === UPSERT_OPERATION) {
		// Sendcloud answers an upsert with one entry per order; orders are checked one by one.
		if (!Array.isArray(body))
			problems.push({
				text: 'body must be a list of orders',
				code: 'not_a_list',
				source: { pointer: '/' },
			});
	} else if (op.validateBody) {
		if (body === undefined)
			problems.push({
				text: 'a JSON body is required',
				code: 'required',
				source: { pointer: '/' },
			});
		else if (!op.validateBody(body))
			problems.push(...ajvProblems(op.validateBody.errors, 'body', { pointer: '' }));
	} else if (body !== undefined && method !== 'GET' && method !== 'DELETE') {
		problems.push({
			text: 'this operation takes no body',
			code: 'invalid',
			source: { pointer: '/' },
		});
	}
	return { op, pathParams, query, problems };
}

/** A v2 request (path relative to /api/v2); violations are messages. */
function validateRequest(request) {
	const { problems, ...check } = checkRequest(v2.operations, request);
	return { ...check, violations: problems.map((p) => p.text) };
}

const V3_EVENTS_FILE = 'sendcloud-v3-event-subscriptions.openapi.yml';
const v3Events = loadSpec('sendcloud-v3-event-subscriptions', V3_EVENTS_FILE);
// Tracking and returns (issue 20): see NOTICE.md for their amendments.
const v3AfterLabel = [
	loadSpec('sendcloud-v3-tracking', 'sendcloud-v3-parcel-tracking.openapi.yml'),
	loadSpec('sendcloud-v3-returns', 'sendcloud-v3-returns.openapi.yml', inlineRequestBodies),
];

const v3Operations = [
	...v3Shipments.operations,
	...v3Documents.operations,
	...v3ShippingOptions.operations,
	...v3Account.flatMap((s) => s.operations),
	...v3AfterLabel.flatMap((s) => s.operations),
	...v3ServicePoints.operations,
	...v3Pickups.operations,
	...v3Events.operations,
];
const validateParcelEvent = v3Events.validatorFor({
	$ref: '#/components/schemas/ParcelEventCreatedPayload',
});

/** Problems of a ParcelEventCreated payload (the spec's `webhooks` section); empty when it holds to the spec. */
function validateParcelEventPayload(payload) {
	return validateParcelEvent(payload)
		? []
		: ajvProblems(validateParcelEvent.errors, 'payload', { pointer: '' }).map((p) => p.text);
}

/** A v3 request (path relative to /api/v3, headers as Node gives them); problems also carry code and source. */
function validateV3Request(request) {
	const check = checkRequest(v3Operations, request);
	return { ...check, violations: check.problems.map((p) => p.text) };
}

// Codes the sandbox answers with that the v3 ErrorObject enum leaves out (Django REST Framework's own codes).
const SANDBOX_ERROR_CODES = [
	'method_not_allowed',
	'throttled',
	'service_unavailable',
	'server_error',
];

/** The v3 documents as the sandbox answers them: each amendment is one decision listed in NOTICE.md. */
function amendAnswers(doc) {
	const { schemas } = doc.components;
	schemas.ErrorObject.properties.code.enum.push(...SANDBOX_ERROR_CODES);
	// Every example (and the documents spec) wraps the list: {errors: [...]}.
	schemas.errors = {
		type: 'object',
		required: ['errors'],
		properties: {
			errors: {
				type: 'array',
				minItems: 1,
				items: {
					allOf: [{ $ref: '#/components/schemas/ErrorObject' }],
					required: ['status', 'code', 'detail'],
				},
			},
		},
	};
	if (schemas['shipment-common']) {
		// `null` for a shipment without customs, as in every example.
		schemas['shipment-common'].allOf[1].properties.customs_information = {
			anyOf: [{ $ref: '#/components/schemas/customs-information' }, { type: 'null' }],
		};
		// An empty list is {data: []}.
		delete doc.paths['/shipments'].get.responses['200'].content['application/json'].schema
			.properties.data.minItems;
		// A repeated external_reference_id: 409 with the existing shipment, as GET /shipments/{id} shows it.
		const existing = doc.paths['/shipments/{id}'].get.responses['200'];
		for (const create of [
			'/shipments',
			'/shipments/announce',
			'/shipments/announce-with-shipping-rules',
			'/shipments/create-with-shipping-rules',
		]) {
			doc.paths[create].post.responses['409'] = existing;
		}
	}
	return doc;
}

const v3Answers = [
	loadSpec('sendcloud-v3-shipments-answers', V3_SHIPMENTS_FILE, amendAnswers),
	loadSpec('sendcloud-v3-documents-answers', V3_DOCUMENTS_FILE, amendAnswers),
	loadSpec('sendcloud-v3-shipping-options-answers', V3_SHIPPING_OPTIONS_FILE, amendAnswers),
	...V3_ACCOUNT_FILES.map(([id, file]) =>
		loadSpec(`${id}-answers`, file, (doc) => amendAnswers(withV3ErrorSchema(doc))),
	),
	// Tracking, returns and statuses answer as declared (test/sandbox-checks/sandboxAfterLabel.test.ts).
	...v3AfterLabel,
	loadSpec('sendcloud-v3-service-points-answers', V3_SERVICE_POINTS_FILE, amendAnswers),
	loadSpec('sendcloud-v3-pickups-answers', V3_PICKUPS_FILE, (doc) =>
		amendAnswers(amendPickups(doc)),
	),
	loadSpec('sendcloud-v3-event-subscriptions-answers', V3_EVENTS_FILE, amendAnswers),
];
const answerValidators = new Map();

/**
 * Checks one v3 answer against the (amended) spec: its status, its content type, and a JSON body against the
 * schema. An error status the operation does not declare (401, 405, 429, 5xx) must still take the errors shape.
 * Returns a list of problems, empty when the answer holds to the spec.
 */
function validateV3Response({ method, pathname, status, contentType, body }) {
	const found = v3Answers
		.map((s) => [s, s.operations.find((o) => o.method === method && o.regex.test(pathname))])
		.find(([, op]) => op);
	if (!found) return [`${method} ${pathname} is not an operation of the spec`];
	const [answers, op] = found;
	const declared = op.responses[String(status)];
	if (!declared && status < 400) return [`status ${status} is not a response of ${op.operationId}`];
	// A declared answer without content (204): no body.
	if (status === 204 && declared && !declared.content)
		return body === undefined ? [] : [`status ${status} of ${op.operationId} has no body`];
	const type = (contentType ?? '').split(';')[0].trim();
	const content = declared?.content ?? {
		'application/json': { schema: { $ref: '#/components/schemas/errors' } },
	};
	if (!content[type])
		return [`content type ${type} is not among ${Object.keys(content).join(', ')}`];
	if (type !== 'application/json') return [];
	const key = `${op.operationId} ${status}`;
	if (!answerValidators.has(key))
		answerValidators.set(key, answers.validatorFor(content[type].schema));
	const validate = answerValidators.get(key);
	return validate(body)
		? []
		: ajvProblems(validate.errors, 'answer', { pointer: '' }).map((p) => p.text);
}

const validateOrder = v2.validatorFor({ $ref: '#/components/schemas/ShipmentBlobOrderCreate' });

/** Field errors of one order in the API's `{field: [messages]}` shape, or undefined when valid. */
function orderFieldErrors(order) {
	if (validateOrder(order)) return undefined;
	const errors = {};
	for (const e of validateOrder.errors) {
		const segments = e.instancePath.split('/').filter(Boolean);
		if (e.keyword === 'required') segments.push(e.params.missingProperty);
		const field = segments.join('.') || 'non_field_errors';
		const message =
			e.keyword === 'required'
				? 'This field is required.'
				: `${e.message[0].toUpperCase()}${e.message.slice(1)}.`;
		(errors[field] ??= []).includes(message) || errors[field].push(message);
	}
	return errors;
}

module.exports = {
	validateRequest,
	validateV3Request,
	validateV3Response,
	validateParcelEventPayload,
	orderFieldErrors,
	spec: v2.spec,
};
