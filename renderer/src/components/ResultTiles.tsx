// Headline numbers for the draft at the chosen load: throughput, p50/p95/p99 (with 95 % intervals when
// simulated), errors, the binding resource and the monthly cost. Fixed-size tiles, so nothing moves as results
// stream in; "≈" marks analytic values.

import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/index';
import { bottleneckOf, isWebStackResult, selectFreshResult } from '../store/selectors';
import { ms, pct, rps, usd } from '../charts/format';

function Tile({ label, value, sub, tone, testId, small }: { small?: boolean; label: string; value: string; sub?: string; tone?: 'good' | 'bad'; testId?: string }) {
  return (
    <div className={`tile${tone ? ` tile-${tone}` : ''}`} data-testid={testId}>
      <div className="tile-label">{label}</div>
      <div className={`tile-value${small ? ' small' : ''}`} title={value}>{value}</div>
      <div className="tile-sub">{sub ?? '\u00a0'}</div>
    </div>
  );
}

export function ResultTiles() {
  const { result, preview, scenario, live, cost } = useAppStore(
    useShallow((s) => ({ result: s.dragging ? null : selectFreshResult(s), preview: s.preview, scenario: s.live ?? s.scenario, live: s.live, cost: s.cost })),
  );
  const slo = scenario?.kind === 'web-stack' ? scenario.slo : undefined;
  const approx = result ? '' : '≈ ';
  const p95 = result ? result.latency_ms.p95 : preview?.p95_response_ms_estimate;
  const ci = (k: 'p50' | 'p95' | 'p99') => (result ? (Number.isFinite(result.ci95[k]?.rel_half_width) ? `±${pct(result.ci95[k].rel_half_width, 1)} (95 % CI)` : 'no interval (too few samples)') : k === 'p95' && preview ? 'analytic estimate' : undefined);
  const errors = result ? (isWebStackResult(result) ? result.user_error_rate : result.errors.rate) : undefined;
  const b = bottleneckOf(result ?? preview);
  const sloMet = result && isWebStackResult(result) ? result.slo.met : slo && p95 !== undefined ? p95 <= slo.p95_ms : undefined;
  return (
    <div className="tiles" aria-label="Results" data-testid="tiles" data-source={result ? 'simulated' : preview ? 'analytic' : 'none'}>
      <Tile testId="tile-throughput" label="Throughput" value={approx + rps(result?.throughput_rps ?? preview?.throughput_rps)} sub={result ? 'simulated' : preview ? 'analytic' : 'no estimate'} />
      <Tile testId="tile-p50" label="p50 latency" value={result ? ms(result.latency_ms.p50) : '–'} sub={ci('p50')} />
      <Tile
        testId="tile-p95"
        label="p95 latency"
        value={approx + ms(p95)}
        sub={slo ? `SLO ≤ ${ms(slo.p95_ms)}${sloMet === undefined ? '' : sloMet ? ' · met' : ' · missed'}` : ci('p95')}
        tone={sloMet === undefined ? undefined : sloMet ? 'good' : 'bad'}
      />
      <Tile testId="tile-p99" label="p99 latency" value={result ? ms(result.latency_ms.p99) : '–'} sub={ci('p99')} />
      <Tile testId="tile-errors" label="Errors" value={errors === undefined ? '–' : pct(errors)} sub={slo ? `SLO ≤ ${pct(slo.max_error_rate)}` : undefined} tone={errors === undefined || !slo ? undefined : errors <= slo.max_error_rate ? 'good' : 'bad'} />
      <Tile small testId="tile-bottleneck" label="Binds first" value={b ? b.resource : '–'} sub={b ? `${approx}${pct(b.utilization)} busy` : undefined} />
      <Tile testId="tile-cost" label="Monthly cost" value={live ? '–' : usd(cost?.total_usd_per_month)} sub={cost ? `per month · ${cost.catalogs.map((c) => c.provider).join(', ')}` : scenario?.kind === 'web-stack' ? 'no pricing' : 'n/a'} />
    </div>
  );
}
