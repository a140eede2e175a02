/**
 * The part of JSON Schema (2020-12) the Sendcloud spec uses for orders, enough to check an order
 * before it is sent. Errors come in the API's own `{field.path: [messages]}` shape.
 */
export interface JsonSchema {
	type?: string | string[];
	enum?: unknown[];
	required?: string[];
	properties?: Record<string, JsonSchema>;
	items?: JsonSchema;
	additionalProperties?: JsonSchema | boolean;
	minLength?: number;
	maxLength?: number;
	minimum?: number;
	maximum?: number;
	pattern?: string;
	format?: string;
	minItems?: number;
}

const FORMATS: Record<string, (value: string) => boolean> = {
	email: (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
	'date-time': (v) =>
		/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(v) &&
		!Number.isNaN(Date.parse(v)),
	date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
	uuid: (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
	decimal: (v) => /^-?\d+(\.\d+)?$/.test(v),
	uri: (v) => /^[a-z][a-z0-9+.-]*:/i.test(v),
};

const FORMAT_MESSAGES: Record<string, string> = {
	email: 'Enter a valid email address.',
	'date-time': 'Datetime has wrong format: use ISO 8601, such as 2026-11-20T14:15:22Z.',
	date: 'Date has wrong format: use YYYY-MM-DD.',
	uuid: 'Must be a valid UUID.',
	decimal: 'A valid number is required.',
	uri: 'Enter a valid URL.',
};

function typeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	return typeof value;
}

function matchesType(value: unknown, types: string[]): boolean {
	const actual = typeOf(value);
	return types.some((t) => t === actual || (t === 'number' && actual === 'integer'));
}

export function validateAgainst(
	schema: JsonSchema,
	value: unknown,
	path = '',
	errors: Record<string, string[]> = {},
): Record<string, string[]> {
	const add = (message: string) => {
		const key = path || 'non_field_errors';
		if (!(errors[key] ??= []).includes(message)) errors[key].push(message);
	};
	const types = schema.type === undefined ? undefined : ([] as string[]).concat(schema.type);
	if (types && !matchesType(value, types)) {
		add(
			value === null
				? 'This field may not be null.'
				: `Must be of type ${types.filter((t) => t !== 'null').join(' or ')}.`,
		);
		return errors;
	}
	if (schema.enum && !schema.enum.includes(value)) {
		add(`"${String(value)}" is not a valid choice.`);
	}
	if (typeof value === 'string') {
		if (schema.minLength !== undefined && value.length < schema.minLength)
			add(
				value.length === 0
					? 'This field may not be blank.'
					: `Ensure this field has at least ${schema.minLength} characters.`,
			);
		if (schema.maxLength !== undefined && value.length > schema.maxLength)
			add(`Ensure this field has no more than ${schema.maxLength} characters.`);
		if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value))
			add('This value does not match the required pattern.');
		if (schema.format && FORMATS[schema.format] && !FORMATS[schema.format](value))
			add(FORMAT_MESSAGES[schema.format]);
	}
	if (typeof value === 'number') {
		if (schema.minimum !== undefined && value < schema.minimum)
			add(`Ensure this value is greater than or equal to ${schema.minimum}.`);
		if (schema.maximum !== undefined && value > schema.maximum)
			add(`Ensure this value is less than or equal to ${schema.maximum}.`);
	}
	if (Array.isArray(value)) {
		if (schema.minItems !== undefined && value.length < schema.minItems)
			add(`Ensure this list has at least ${schema.minItems} elements.`);
		if (schema.items)
			value.forEach((entry, i) =>
				validateAgainst(schema.items!, entry, path ? `${path}.${i}` : String(i), errors),
			);
	}
	if (typeOf(value) === 'object') {
		const object = value as Record<string, unknown>;
		for (const field of schema.required ?? []) {
			if (object[field] === undefined)
				errors[path ? `${path}.${field}` : field] = ['This field is required.'];
		}
		for (const [field, entry] of Object.entries(object)) {
			if (entry === undefined) continue; // not sent: JSON has no undefined
			const child =
				schema.properties?.[field] ??
				(typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
			if (child) validateAgainst(child, entry, path ? `${path}.${field}` : field, errors);
		}
	}
	return errors;
}
