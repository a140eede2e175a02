import { jsonRequestFunction } from '../../shared/transport';
import { dataFastProfile } from './profile';

export * from './profile';

/**
 * One request to DataFast's API with the account token: retried when safe (reads), judged and
 * mapped to n8n errors with DataFast's own texts by the shared transport.
 */
export const dataFastApiRequest = jsonRequestFunction(dataFastProfile);
