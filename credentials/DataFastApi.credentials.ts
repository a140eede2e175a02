import type { IAuthenticateGeneric, Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

export class DataFastApi implements ICredentialType {
	name = 'dataFastApi';

	displayName = 'DataFast API';

	icon: Icon = 'file:datafast.svg';

	documentationUrl = 'https://datafa.st/docs/api';

	properties: INodeProperties[] = [
		{
			displayName: 'Account Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'dft_…',
			description:
				'A DataFast account token (starts with dft_). Reading payment integrations needs the settings:read permission.',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://datafa.st/api/v1',
			description: 'Change only to go through a proxy or to test against a sandbox',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiToken}}',
			},
		},
	};
}
