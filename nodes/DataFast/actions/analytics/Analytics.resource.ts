import { type Resource, resourceProperties } from '../../../shared/router';
import { breakdown } from './breakdown.operation';
import { metadata } from './metadata.operation';
import { overview } from './overview.operation';
import { realtime } from './realtime.operation';
import { timeseries } from './timeseries.operation';

/** A website's traffic and revenue: totals, periods, breakdowns, who is on the site now. */
export const analytics: Resource = { overview, timeseries, breakdown, realtime, metadata };

export const analyticsProperties = resourceProperties('analytics', analytics, 'overview');
