import type { IDataObject } from 'n8n-workflow';

import { quoteOf } from './choose';

/** The functionalities an option has, in short: the yes/no ones that are yes, the others as `name: value`. */
export function functionalitiesSummary(option: IDataObject): string[] {
	return Object.entries((option.functionalities ?? {}) as IDataObject).flatMap(([name, value]) => {
		if (value === true) return [name];
		if (value === false || value === null || value === undefined) return [];
		return [`${name}: ${String(value)}`];
	});
}

/** An option as most workflows need it: code, name, carrier, price for the shipment, lead time. */
export function simplifyOption(option: IDataObject, weightsKg: number[]): IDataObject {
	const carrier = (option.carrier ?? {}) as IDataObject;
	const contract = (option.contract ?? {}) as IDataObject;
	const quote = quoteOf(option, weightsKg);
	const total = (quote?.price as IDataObject | undefined)?.total as IDataObject | undefined;
	const max = ((option.weight as IDataObject | undefined)?.max ?? {}) as IDataObject;
	return {
		code: option.code,
		name: option.name,
		carrier_code: carrier.code ?? null,
		carrier_name: carrier.name ?? null,
		contract_id: contract.id ?? null,
		price: total ? Number(total.value) : null,
		currency: total?.currency ?? null,
		lead_time_hours: typeof quote?.lead_time === 'number' ? quote.lead_time : null,
		max_weight:
			max.value !== undefined ? `${String(max.value)} ${String(max.unit ?? '')}`.trim() : null,
		service_point_required:
			((option.requirements ?? {}) as IDataObject).is_service_point_required === true,
		functionalities: functionalitiesSummary(option),
	};
}
