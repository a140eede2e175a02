/**
 * Reads the Python literals some APIs put in error messages (`{'field': ['msg']}`), so that
 * users see "field: msg" instead of a Python dict. Returns undefined when the text is not one.
 */
export function parsePythonLiteral(text: string): unknown {
	let pos = 0;
	const ws = () => {
		while (pos < text.length && /\s/.test(text[pos])) pos++;
	};
	const fail = (): never => {
		throw new SyntaxError(`Unexpected ${text[pos] ?? 'end'} at ${pos}`);
	};
	const value = (): unknown => {
		ws();
		const ch = text[pos];
		if (ch === '{') return container('}', true);
		if (ch === '[' || ch === '(') return container(ch === '[' ? ']' : ')', false);
		if (ch === "'" || ch === '"') return str(ch);
		const word = /^(True|False|None|-?\d+(\.\d+)?)/.exec(text.slice(pos));
		if (!word) return fail();
		pos += word[0].length;
		if (word[0] === 'True') return true;
		if (word[0] === 'False') return false;
		if (word[0] === 'None') return null;
		return Number(word[0]);
	};
	const str = (quote: string): string => {
		let out = '';
		pos++;
		while (pos < text.length && text[pos] !== quote) {
			if (text[pos] === '\\') pos++;
			out += text[pos++];
		}
		if (text[pos] !== quote) fail();
		pos++;
		return out;
	};
	const container = (close: string, isDict: boolean): unknown => {
		pos++;
		const list: unknown[] = [];
		const dict: Record<string, unknown> = {};
		for (;;) {
			ws();
			if (text[pos] === close) {
				pos++;
				return isDict ? dict : list;
			}
			if (isDict) {
				const key = String(value());
				ws();
				if (text[pos++] !== ':') fail();
				dict[key] = value();
			} else {
				list.push(value());
			}
			ws();
			if (text[pos] === ',') pos++;
			else if (text[pos] !== close) fail();
		}
	};
	try {
		const result = value();
		ws();
		return pos === text.length ? result : undefined;
	} catch {
		return undefined;
	}
}

/** Flattens `{field: [messages]}` (nested to any depth) into "field.sub: message" lines. */
export function describeFieldErrors(errors: unknown, path = ''): string[] {
	if (errors === null || errors === undefined) return [];
	if (Array.isArray(errors)) {
		return errors.flatMap((entry) => describeFieldErrors(entry, path));
	}
	if (typeof errors === 'object') {
		return Object.entries(errors as Record<string, unknown>).flatMap(([key, entry]) =>
			describeFieldErrors(entry, path ? `${path}.${key}` : key),
		);
	}
	const message = String(errors);
	return [path && path !== 'non_field_errors' ? `${path}: ${message}` : message];
}
