// The one rule for a month's client traffic, read by cost, claims, report, size and the app alike: the
// offered peak rate (an open workload's rate; for users, the peak population ÷ the mean think time — what
// the users would send, whatever the deployment answers; with no think time, the analytic throughput) times
// the hours a day the peak lasts, averaged over the month.
// The hours come from the daily curve (24 h ÷ peak factor: the day's traffic at the peak rate), else from
// `workload.peak_hours_per_day`, else a stated default. Rates per second (monthly averages), bytes per second.

import { compileDistribution } from '../kernel/distributions';
import { previewWebStack } from '../web-stack/preview/preview-web-stack';
import { effectiveLoad } from '../web-stack/runtime/load';
import type { WebStackScenario } from '../web-stack/schema';
import type { CostUsage } from './cost-breakdown';

/** Peak hours a day when the scenario says nothing: a business day at the peak (= a daily curve with peak factor 3). */
export const DEFAULT_PEAK_HOURS_PER_DAY = 8;

export interface MonthlyTraffic extends Required<Pick<CostUsage, 'throughput_rps' | 'egress_bytes_per_s' | 'basis'>> {
  peak_rps: number;
  peak_hours_per_day: number;
}

export function peakHoursPerDay(s: WebStackScenario): { hours: number; why: string } {
  const l = s.workload.load;
  if (s.workload.peak_hours_per_day !== undefined) return { hours: s.workload.peak_hours_per_day, why: 'workload.peak_hours_per_day' };
  if (l.type === 'daily') return { hours: Math.min(24, 24 / l.peak_factor), why: `the daily curve: 24 h ÷ peak factor ${l.peak_factor}` };
  return { hours: DEFAULT_PEAK_HOURS_PER_DAY, why: `default ${DEFAULT_PEAK_HOURS_PER_DAY} h a day at the peak (set workload.peak_hours_per_day)` };
}

export function monthlyTraffic(s: WebStackScenario): MonthlyTraffic {
  const load = effectiveLoad(s);
  const l = s.workload.load;
  const thinkMs = l.type === 'open' ? 0 : compileDistribution(l.think_ms).mean;
  const byThink = load.type === 'closed' && thinkMs > 0;
  const peak = load.type === 'open' ? load.rate_per_s! : byThink ? (load.users! * 1000) / thinkMs : previewWebStack(s, { users: load.users }).throughput_rps;
  const bytesPerRequest = s.workload.classes.reduce((sum, c) => sum + c.share * c.response_kb * 1024, 0);
  const { hours, why } = peakHoursPerDay(s);
  const share = hours / 24;
  const rate = `${+peak.toPrecision(4)} req/s`;
  const peakText =
    load.type === 'open' ? `the offered rate ${rate}`
    : byThink ? `${load.users!.toLocaleString('en-US')} users ÷ mean think time ${+(thinkMs / 1000).toPrecision(3)} s = ${rate}`
    : `${load.users!.toLocaleString('en-US')} users without think time → ${rate} (analytic throughput)`;
  return {
    peak_rps: peak,
    peak_hours_per_day: hours,
    throughput_rps: peak * share,
    egress_bytes_per_s: peak * share * bytesPerRequest,
    basis: `peak ${peakText} × mean response ${+(bytesPerRequest / 1024).toFixed(3)} KB for ${+hours.toFixed(2)} h a day (${why})`,
  };
}
