import type { INodeProperties } from 'n8n-workflow';

/** A parcel status, From List (Sendcloud's statuses) or By Code; a saved plain code still works. */
export const parcelStatusLocator: INodeProperties = {
	displayName: 'Parcel Status',
	name: 'parcelStatus',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description:
		'Only shipments with a parcel in this status: pick it from Sendcloud’s statuses, or give its code (such as READY_TO_SEND, EN_ROUTE_TO_SORTING_CENTER or DELIVERED)',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchParcelStatuses', searchable: true },
		},
		{
			displayName: 'By Code',
			name: 'code',
			type: 'string',
			placeholder: 'e.g. READY_TO_SEND',
		},
	],
};
