import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The analytics filters DataFast documents (filter_<name>), and the breakdowns' own dimensions. */
const DIMENSIONS: Array<[name: string, value: string]> = [
	['Browser', 'browser'],
	['City', 'city'],
	['Country', 'country'],
	['Device', 'device'],
	['Hostname', 'hostname'],
	['Operating System', 'os'],
	['Page', 'page'],
	['Referrer', 'referrer'],
	['Region', 'region'],
	['UTM Campaign', 'utm_campaign'],
	['UTM Content', 'utm_content'],
	['UTM Medium', 'utm_medium'],
	['UTM Source', 'utm_source'],
	['UTM Term', 'utm_term'],
];

export function filterFields(displayOptions: IDisplayOptions): INodeProperties[] {
	return [
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'fixedCollection',
			placeholder: 'Add Filter',
			typeOptions: { multipleValues: true },
			default: {},
			displayOptions,
			description:
				'Count only the traffic that matches every filter (sent as filter_ + the dimension)',
			options: [
				{
					displayName: 'Filter',
					name: 'values',
					values: [
						{
							displayName: 'Dimension',
							name: 'dimension',
							type: 'options',
							options: DIMENSIONS.map(([name, value]) => ({ name, value })),
							default: 'country',
							description: 'What to filter on',
						},
						{
							displayName: 'Operator',
							name: 'operator',
							type: 'options',
							options: [
								{ name: 'Is', value: 'is' },
								{ name: 'Is Not', value: 'is_not' },
								{ name: 'Contains', value: 'contains' },
							],
							default: 'is',
							description: 'How the dimension is compared with the values',
						},
						{
							displayName: 'Values',
							name: 'value',
							type: 'string',
							default: '',
							placeholder: 'e.g. United States,Canada',
							description:
								'One value, or several separated by commas (any of them matches), e.g. a country name, mobile, /pricing, google.com',
						},
					],
				},
			],
		},
	];
}

/** The filters as DataFast's query parameters (`filter_country=is:France,Germany`), checked first. */
export function filterQuery(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const { values = [] } = ctx.getNodeParameter('filters', itemIndex, {}) as {
		values?: Array<{ dimension: string; operator: string; value: string }>;
	};
	const query: IDataObject = {};
	for (const { dimension, operator, value } of values) {
		const list = String(value ?? '')
			.split(',')
			.map((v) => v.trim())
			.filter(Boolean);
		if (!list.length)
			throw new NodeOperationError(ctx.getNode(), `The ${dimension} filter has no value`, {
				itemIndex,
			});
		const name = `filter_${dimension}`;
		if (name in query)
			throw new NodeOperationError(ctx.getNode(), `Two filters on ${dimension}`, {
				itemIndex,
				description: 'Give one filter per dimension, with several values separated by commas.',
			});
		query[name] = `${operator}:${list.join(',')}`;
	}
	return query;
}
