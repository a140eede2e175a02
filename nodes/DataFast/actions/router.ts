import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route } from '../../shared/router';
import { analytics } from './analytics/Analytics.resource';
import { funnel } from './funnel/Funnel.resource';
import { goal } from './goal/Goal.resource';
import { payment } from './payment/Payment.resource';
import { paymentIntegration } from './paymentIntegration/PaymentIntegration.resource';
import { user } from './user/User.resource';
import { visitor } from './visitor/Visitor.resource';
import { website } from './website/Website.resource';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, {
		analytics,
		funnel,
		goal,
		payment,
		paymentIntegration,
		user,
		visitor,
		website,
	});
}
