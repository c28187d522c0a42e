// Two or more scenarios side by side at the same load: a picker, a shared users figure, the same charts
// (latency percentiles, saturation, throughput, errors, cost) and a table of the numbers.

import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/index';
import { documents, library } from '../scenarios/library';
import { runCompare } from '../sim-client/jobs';
import { bottleneckOf, isWebStackResult } from '../store/selectors';
import { ChartCard } from '../charts/ChartCard';
import { CategoryBarChart } from '../charts/CategoryBarChart';
import { series } from '../charts/chart-colors';
import { int, ms, pct, rps, usdMonth, compact } from '../charts/format';
import { RunStatus } from './RunStatus';
import { EmptyState } from './EmptyState';
import { explainIdentical, type ExplainInput } from './compare-explain';

export function ComparePanel() {
  const { ids, users, results, job } = useAppStore(useShallow((s) => ({ ids: s.compareIds, users: s.compareUsers, results: s.compareResults, job: s.job })));
  const { toggleCompare, setCompareUsers } = useAppStore.getState();
  const entries = useMemo(() => ids.map((id) => library.find((e) => e.id === id)).filter((e) => e !== undefined), [ids]);
  const rows = useMemo(
    () =>
      entries.map((e) => {
        const r = results[e.id];
        const res = r?.result;
        const b = bottleneckOf(res ?? r?.preview ?? null);
        return {
          name: e.tier.length > 18 ? `${e.tier.slice(0, 17)}…` : e.tier,
          full: `${e.document} · ${e.tier}`,
          p50: res?.latency_ms.p50,
          p95: res?.latency_ms.p95 ?? r?.preview?.p95_response_ms_estimate,
          p99: res?.latency_ms.p99,
          throughput: res?.throughput_rps ?? r?.preview?.throughput_rps,
          error_rate: res ? (isWebStackResult(res) ? res.user_error_rate : res.errors.rate) : undefined,
          bottleneck: b?.resource,
          util: b?.utilization,
          cost: r?.cost?.total_usd_per_month,
          simulated: !!res,
          error: r?.error,
          slo: e.scenario?.kind === 'web-stack' ? e.scenario.slo : undefined,
          causes: res?.errors.by_cause ?? {},
        };
      }),
    [entries, results],
  );
  const causes = [...new Set(rows.flatMap((r) => Object.keys(r.causes)))];
  // One row per scenario: its name and a count per error cause (the keys vary with the causes seen).
  const errData = rows.map((r) => Object.assign({ name: r.name }, r.causes));
  const slo = rows.find((r) => r.slo)?.slo;
  const any = Object.keys(results).length > 0;
  const identical = useMemo(() => {
    const items: ExplainInput[] = [];
    for (const e of entries) {
      const r = results[e.id];
      if (e.scenario?.kind === 'web-stack' && r?.result && isWebStackResult(r.result)) items.push({ name: e.tier, scenario: e.scenario, result: r.result, cost: r.cost?.total_usd_per_month });
    }
    return explainIdentical(items);
  }, [entries, results]);

  return (
    <div className="compare">
      <section className="card compare-pick" aria-label="Scenarios to compare">
        <div className="card-head">
          <span className="chart-title">Scenarios to compare</span>
          <span className="chart-sub">{ids.length} selected · pick two or more</span>
        </div>
        <div className="pick-groups">
          {documents.map((d) => (
            <fieldset key={d.key} className="pick-group">
              <legend>{d.key}</legend>
              {d.entries.filter((e) => e.scenario).map((e) => (
                <label key={e.id} className="check">
                  <input type="checkbox" checked={ids.includes(e.id)} onChange={() => toggleCompare(e.id)} data-testid={`compare-${e.id}`} /> {e.tier}
                </label>
              ))}
            </fieldset>
          ))}
        </div>
        <div className="action-row">
          <label htmlFor="compare-users">Same load</label>
          <input id="compare-users" type="number" min={1} step={1} value={users} onChange={(e) => setCompareUsers(Number(e.target.value))} className="num-input" data-testid="compare-users" />
          <span className="unit">concurrent users (open-workload scenarios keep their own rate)</span>
          <button type="button" className="btn primary" disabled={ids.length < 2 || !!job} onClick={() => void runCompare()} data-testid="run-compare">
            Compare
          </button>
        </div>
      </section>
      <RunStatus idleText="Each ticked scenario is simulated for 30 s of traffic at the same load; the table shows the analytic estimate (≈) until its run ends." />
      {!any ? (
        <EmptyState title="Nothing compared yet" body="Tick two or more tiers above (or in the gallery), choose the load and press Compare. Each is simulated at the same load; the analytic estimate shows at once." />
      ) : (
        <>
          <div className="table-wrap">
            <table className="data-table" data-testid="compare-table">
              <thead>
                <tr>
                  <th scope="col">Scenario</th>
                  <th scope="col">Throughput</th>
                  <th scope="col">p50</th>
                  <th scope="col">p95</th>
                  <th scope="col">p99</th>
                  <th scope="col">Errors</th>
                  <th scope="col">Binds first</th>
                  <th scope="col">Cost</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.full}>
                    <th scope="row">
                      {r.full}
                      {!r.simulated && !r.error && <span className="method analytic">≈ analytic</span>}
                      {r.error && <div className="field-error">{r.error}</div>}
                    </th>
                    <td className="num">{rps(r.throughput)}</td>
                    <td className="num">{ms(r.p50)}</td>
                    <td className={`num${r.slo && r.p95 !== undefined ? (r.p95 <= r.slo.p95_ms ? ' good' : ' bad') : ''}`}>{ms(r.p95)}</td>
                    <td className="num">{ms(r.p99)}</td>
                    <td className="num">{pct(r.error_rate)}</td>
                    <td>
                      {r.bottleneck ?? '–'} <span className="muted">{pct(r.util)}</span>
                    </td>
                    <td className="num">{usdMonth(r.cost)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {identical.map((n) => (
            <p key={n.names.join('|')} className="compare-note" role="note" data-testid="compare-identical">
              <strong>Same results — why:</strong> {n.text}
            </p>
          ))}
          <div className="charts-grid">
            <ChartCard testId="compare-latency" title="Latency percentiles" subtitle={`ms at ${int(users)} users`}>
              <CategoryBarChart
                data={rows}
                index="name"
                categories={[
                  { key: 'p50', name: 'p50', color: series.p50 },
                  { key: 'p95', name: 'p95', color: series.p95 },
                  { key: 'p99', name: 'p99', color: series.p99 },
                ]}
                valueFormatter={ms}
                axisFormatter={(v) => `${compact(v)} ms`}
                reference={slo ? { y: slo.p95_ms, label: `SLO p95 ${ms(slo.p95_ms)}` } : undefined}
              />
            </ChartCard>
            <ChartCard testId="compare-saturation" title="Saturation of the binding resource" subtitle="busy share">
              <CategoryBarChart data={rows} index="name" categories={[{ key: 'util', name: 'busiest resource', color: 'var(--util-warm)' }]} valueFormatter={(v) => pct(v)} reference={{ y: 1, label: '100 %' }} />
            </ChartCard>
            <ChartCard testId="compare-throughput" title="Throughput" subtitle="requests per second">
              <CategoryBarChart data={rows} index="name" categories={[{ key: 'throughput', name: 'req/s', color: series.throughput }]} valueFormatter={rps} axisFormatter={compact} />
            </ChartCard>
            <ChartCard testId="compare-errors" title="Errors by cause" subtitle="failed attempts" empty={causes.length ? null : rows.some((r) => r.simulated) ? 'No errors in any compared scenario.' : 'Errors come from the simulation.'}>
              <CategoryBarChart data={errData} index="name" categories={causes.map((c) => ({ key: c, name: c }))} valueFormatter={int} stacked />
            </ChartCard>
            <ChartCard testId="compare-cost" title="Monthly cost" subtitle="USD per month at list prices" empty={rows.some((r) => r.cost !== undefined) ? null : 'No pricing available for these scenarios.'}>
              <CategoryBarChart data={rows} index="name" categories={[{ key: 'cost', name: 'USD/month', color: series.cost }]} valueFormatter={usdMonth} axisFormatter={(v) => `$${int(v)}`} />
            </ChartCard>
          </div>
        </>
      )}
      {entries.length > 0 && (
        <div className="chips">
          {entries.map((e) => (
            <button key={e.id} type="button" className="chip" onClick={() => toggleCompare(e.id)} aria-label={`Remove ${e.tier} from the comparison`}>
              {e.document} · {e.tier} ✕
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
