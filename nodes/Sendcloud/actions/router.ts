import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route } from '../../shared/router';
import { integration } from './integration/Integration.resource';
import { integrationLog } from './integrationLog/IntegrationLog.resource';
import { order } from './order/Order.resource';
import { parcel } from './parcel/Parcel.resource';
import { shippingOption } from './shippingOption/ShippingOption.resource';
import { brand } from './brand/Brand.resource';
import { contract } from './contract/Contract.resource';
import { parcelStatus } from './parcelStatus/ParcelStatus.resource';
import { senderAddress } from './senderAddress/SenderAddress.resource';
import { returnResource } from './return/Return.resource';
import { tracking } from './tracking/Tracking.resource';
import { pickup } from './pickup/Pickup.resource';
import { servicePoint } from './servicePoint/ServicePoint.resource';

/** Runs the operation the node is set to; the stored resource values stay what saved workflows hold. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, {
		integration,
		integrationLog,
		shipment: order,
		parcel,
		shippingOption,
		brand,
		contract,
		parcelStatus,
		senderAddress,
		tracking,
		return: returnResource,
		pickup,
		servicePoint,
	});
}
