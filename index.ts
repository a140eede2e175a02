// n8n loads the nodes and credentials listed in package.json's `n8n` section; this entry point
// lets the same classes be imported from code (tests, other packages).
export { SendcloudApi } from './credentials/SendcloudApi.credentials';
export { SendcloudOAuth2Api } from './credentials/SendcloudOAuth2Api.credentials';
export { DataFastApi } from './credentials/DataFastApi.credentials';
export { Sendcloud } from './nodes/Sendcloud/Sendcloud.node';
export { DataFast } from './nodes/DataFast/DataFast.node';
export { SendcloudTrigger } from './nodes/Sendcloud/SendcloudTrigger.node';
export { SendcloudWebhookTrigger } from './nodes/Sendcloud/SendcloudWebhookTrigger.node';
export { DataFastTrigger } from './nodes/DataFast/DataFastTrigger.node';
export { SendcloudParcelEventTrigger } from './nodes/Sendcloud/SendcloudParcelEventTrigger.node';
