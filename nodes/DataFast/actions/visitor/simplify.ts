import type { IDataObject } from 'n8n-workflow';

const obj = (value: unknown) => (value ?? {}) as IDataObject;

/** A visitor record in one flat level: where from, on what, how active, customer or not, who. */
export function simplifyVisitor(visitor: IDataObject): IDataObject {
	const identity = obj(visitor.identity);
	const activity = obj(visitor.activity);
	const profile = visitor.profile as IDataObject | undefined;
	const prediction = visitor.prediction as IDataObject | null | undefined;
	const goals = (activity.completedCustomGoals ?? activity.completedGoals ?? []) as IDataObject[];
	const payments = (visitor.payments ?? []) as IDataObject[];
	return {
		visitorId: visitor.visitorId,
		country: identity.countryCode ?? identity.country ?? null,
		region: identity.region ?? null,
		city: identity.city ?? null,
		device: obj(identity.device).type ?? null,
		browser: obj(identity.browser).name ?? null,
		os: obj(identity.os).name ?? null,
		ref: obj(identity.params).ref || null,
		utmSource: obj(identity.params).utm_source || null,
		utmCampaign: obj(identity.params).utm_campaign || null,
		visitCount: activity.visitCount ?? null,
		pageViewCount: activity.pageViewCount ?? null,
		firstVisitAt: activity.firstVisitAt ?? null,
		lastVisitAt: activity.lastVisitAt ?? null,
		currentUrl: activity.currentUrl ?? null,
		completedGoals: goals.map((g) => g.name),
		isCustomer: payments.length > 0 || prediction === null,
		userId: profile?.userId ?? null,
		predictionScore: prediction?.score ?? null,
	};
}

export const simplifyField = (operations: string[]) => ({
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean' as const,
	default: true,
	description:
		'Whether to return one flat record per visitor (location, device, activity counts, goals, customer, user ID) instead of the full record with every visited page',
	displayOptions: { show: { resource: ['visitor'], operation: operations } },
});
