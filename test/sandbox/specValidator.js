'use strict';
// Validates requests against the vendored Sendcloud OpenAPI 3.1 document with Ajv's 2020-12 build.
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

const SPEC_ID = 'sendcloud-v2';
const UPSERT_OPERATION = 'sc-public-v2-orders-post-create_a_list_of_shipments';
const spec = YAML.parse(fs.readFileSync(path.join(__dirname, 'spec/sendcloud-v2-integrations.openapi.yml'), 'utf8'));

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
// The spec types money and weights as strings of `format: decimal`.
ajv.addFormat('decimal', /^-?\d+(\.\d+)?$/);
ajv.addSchema({ $id: SPEC_ID, components: spec.components });

function validatorFor(schema) {
	return ajv.compile(JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, `"$ref":"${SPEC_ID}#/`)));
}

/** Every operation of the spec: method, a path regex, its declared parameters and body validator. */
const operations = [];
for (const [specPath, item] of Object.entries(spec.paths)) {
	const pathParams = item.parameters ?? [];
	for (const method of ['get', 'put', 'patch', 'post', 'delete']) {
		const op = item[method];
		if (!op) continue;
		const params = [...pathParams, ...(op.parameters ?? [])].map((p) =>
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
		});
	}
}

// A literal segment wins over a parameter: /integrations/logs is not /integrations/{id}.
operations.sort((a, b) => a.specPath.split('{').length - b.specPath.split('{').length);

function coerce(value, schema) {
	if (schema.type === 'integer' && /^-?\d+$/.test(value)) return Number(value);
	if (schema.type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
	return value;
}

function describeAjvErrors(errors, prefix) {
	return (errors ?? []).map((e) => `${prefix}${e.instancePath || ''} ${e.message}`.trim());
}

/**
 * Checks one request. Returns the matched operation, its path parameters and a list of
 * violations (empty when the request holds to the spec).
 */
function validateRequest({ method, pathname, searchParams, body }) {
	const candidates = operations.filter((o) => o.regex.test(pathname));
	const op = candidates.find((o) => o.method === method);
	if (!op) {
		return { violations: [`${method} ${pathname} is not an operation of the spec`], notFound: candidates.length === 0 };
	}
	const violations = [];
	const pathValues = op.regex.exec(pathname).groups ?? {};
	const pathParams = {};
	const query = {};
	const declared = new Set();
	for (const p of op.params) {
		if (p.in === 'path') {
			const value = coerce(decodeURIComponent(pathValues[p.name]), p.schema);
			if (!p.validate(value)) violations.push(...describeAjvErrors(p.validate.errors, `path ${p.name}`));
			pathParams[p.name] = value;
		} else if (p.in === 'query') {
			declared.add(p.name);
			const values = searchParams.getAll(p.name);
			if (values.length === 0) {
				if (p.required) violations.push(`query ${p.name} is required`);
				continue;
			}
			const value =
				p.schema.type === 'array'
					? values.map((v) => coerce(v, p.schema.items ?? {}))
					: values.length === 1
						? coerce(values[0], p.schema)
						: values;
			if (!p.validate(value)) violations.push(...describeAjvErrors(p.validate.errors, `query ${p.name}`));
			query[p.name] = value;
		}
	}
	for (const name of new Set(searchParams.keys())) {
		if (declared.has(name)) continue;
		// The logs endpoints are paginated but do not declare `cursor`; their own next links use it.
		if (name === 'cursor' && op.paginated) {
			query.cursor = searchParams.get('cursor');
			continue;
		}
		violations.push(`query ${name} is not a parameter of ${op.operationId}`);
	}
	if (op.operationId === UPSERT_OPERATION) {
		// Sendcloud answers an upsert with one entry per order; orders are checked one by one.
		if (!Array.isArray(body)) violations.push('body must be a list of orders');
	} else if (op.validateBody) {
		if (body === undefined) violations.push('a JSON body is required');
		else if (!op.validateBody(body)) violations.push(...describeAjvErrors(op.validateBody.errors, 'body'));
	} else if (body !== undefined && method !== 'GET' && method !== 'DELETE') {
		violations.push('this operation takes no body');
	}
	return { op, pathParams, query, violations };
}

const validateOrder = validatorFor({ $ref: '#/components/schemas/ShipmentBlobOrderCreate' });

/** Field errors of one order in the API's `{field: [messages]}` shape, or undefined when valid. */
function orderFieldErrors(order) {
	if (validateOrder(order)) return undefined;
	const errors = {};
	for (const e of validateOrder.errors) {
		const segments = e.instancePath.split('/').filter(Boolean);
		if (e.keyword === 'required') segments.push(e.params.missingProperty);
		const field = segments.join('.') || 'non_field_errors';
		const message = e.keyword === 'required' ? 'This field is required.' : `${e.message[0].toUpperCase()}${e.message.slice(1)}.`;
		(errors[field] ??= []).includes(message) || errors[field].push(message);
	}
	return errors;
}

module.exports = { validateRequest, orderFieldErrors, spec };
