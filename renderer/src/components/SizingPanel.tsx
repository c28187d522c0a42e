// "Size a deployment": the cheapest deployment shaped like the open scenario (its app server, pools, database and
// cache; the profile) that serves a target — concurrent users, daily users or requests per second — within an SLO
// with headroom, on one provider's list prices. The search runs in the worker (sim-core/capacity/sizing-search):
// candidates by cost, checked analytically, the first passing ones simulated. The answer: hosts, cost items,
// why, what binds next, the next tier up; "Open as scenario" puts the recommendation in the editor.

import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/index';
import { loadProviders, sizeDraft, stopSimulation } from '../sim-client/jobs';
import type { WebStackScenario } from '../../../sim-core/index';
import type { SizingResult, SizingTarget } from '../../../sim-core/index';
import { slug } from '../files/download';
import { hostsLine } from '../scenarios/scenario-facts';
import { ms, num, pct, usdMonth } from '../charts/format';
import { EmptyState } from './EmptyState';

type TargetKind = 'users' | 'daily_users' | 'rps';

const KIND_TEXT: Record<TargetKind, { label: string; unit: string }> = {
  users: { label: 'Concurrent users', unit: 'users at the peak' },
  daily_users: { label: 'Daily users', unit: 'active users per day' },
  rps: { label: 'Requests per second', unit: 'req/s offered' },
};

const DURATIONS = [20, 60];

interface Form {
  kind: TargetKind;
  amount: string;
  p95: string;
  errorPct: string;
  provider: string;
  headroomPct: string;
  duration: number;
}

function defaults(s: WebStackScenario, providers: string[]): Form {
  const l = s.workload.load;
  const kind: TargetKind = l.type === 'open' ? 'rps' : l.type === 'daily' ? 'daily_users' : 'users';
  const amount = l.type === 'open' ? l.rate_per_s : l.type === 'daily' ? l.daily_active_users : l.users;
  const own = s.hosts.map((h) => h.instance?.provider).find((p): p is string => !!p && providers.includes(p));
  return { kind, amount: String(amount), p95: String(s.slo.p95_ms), errorPct: String(Number((s.slo.max_error_rate * 100).toPrecision(3))), provider: own ?? providers[0] ?? '', headroomPct: '30', duration: 20 };
}

const positive = (t: string) => {
  const x = Number(t);
  return t.trim() !== '' && Number.isFinite(x) && x > 0 ? x : undefined;
};

function check(f: Form): { errors: Partial<Record<keyof Form, string>>; target?: SizingTarget } {
  const errors: Partial<Record<keyof Form, string>> = {};
  const amount = positive(f.amount);
  if (amount === undefined || (f.kind !== 'rps' && !Number.isInteger(amount))) errors.amount = f.kind === 'rps' ? 'expected a rate > 0' : 'expected a whole number ≥ 1';
  if (positive(f.p95) === undefined) errors.p95 = 'expected milliseconds > 0';
  const e = Number(f.errorPct);
  if (f.errorPct.trim() === '' || !(e >= 0 && e < 100)) errors.errorPct = 'expected a percentage from 0 to 100';
  const h = Number(f.headroomPct);
  if (f.headroomPct.trim() === '' || !(h >= 0 && h <= 500)) errors.headroomPct = 'expected a percentage from 0 to 500';
  if (!f.provider) errors.provider = 'no pricing catalog loaded';
  if (Object.keys(errors).length) return { errors };
  return { errors, target: f.kind === 'rps' ? { rps: amount } : f.kind === 'users' ? { users: amount } : { daily_users: amount } };
}

function Field({ label, error, children, hint }: { label: string; error?: string; children: ReactNode; hint?: string }) {
  return (
    <label className={`size-field${error ? ' field-invalid' : ''}`}>
      <span className="size-label">{label}</span>
      <span className="field-input">{children}</span>
      {error ? <span className="field-error">{error}</span> : hint ? <span className="muted small">{hint}</span> : null}
    </label>
  );
}

function Recommendation({ r, onOpen }: { r: SizingResult; onOpen: () => void }) {
  const rec = r.recommended;
  const x = r.explanation;
  if (!rec) {
    return (
      <section className="card size-none" data-testid="sizing-none" role="status">
        <h3>No deployment found</h3>
        <p>
          None of the {r.search.checked.toLocaleString('en-US')} candidates checked on {r.provider} met the SLO (p95 ≤ {ms(r.slo.p95_ms)}, errors ≤ {pct(r.slo.max_error_rate)}) at{' '}
          {r.checked_load.users !== undefined ? `${r.checked_load.users.toLocaleString('en-US')} users` : `${num(r.checked_load.rate_per_s)} req/s`}.
        </p>
        <ul className="size-lines">
          {x.lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      </section>
    );
  }
  const s = rec.scenario;
  const items = [...rec.cost.items].sort((a, b) => b.usd_per_month - a.usd_per_month);
  return (
    <section className="card size-rec" data-testid="sizing-recommendation" aria-label="Recommended deployment">
      <div className="size-rec-head">
        <div>
          <div className="muted small">Recommended · {r.target.note}</div>
          <h3 className="size-desc">{rec.description}</h3>
          <div className="muted small">{hostsLine(s)} · {s.hosts.length} host{s.hosts.length === 1 ? '' : 's'}</div>
        </div>
        <div className="size-cost">
          <div className="size-cost-value" data-testid="sizing-cost">{usdMonth(rec.cost.total_usd_per_month)}</div>
          <div className="muted small">{rec.cost.catalogs.map((c) => `${c.provider} list prices ${c.retrieved}`).join(', ')}</div>
        </div>
        <button type="button" className="btn primary" onClick={onOpen} data-testid="sizing-open">
          Open as scenario
        </button>
      </div>

      <div className="size-grid">
        <div className="size-kpi">
          <span className="muted small">At the target (simulated)</span>
          <strong>p95 {ms(rec.at_target.p95_ms)}</strong>
          <span className="small">errors {pct(rec.at_target.user_error_rate)} · {num(rec.at_target.throughput_rps)} req/s</span>
        </div>
        <div className="size-kpi">
          <span className="muted small">With {pct(r.headroom, 0)} headroom ({r.checked_load.users !== undefined ? `${r.checked_load.users.toLocaleString('en-US')} users` : `${num(r.checked_load.rate_per_s)} req/s`})</span>
          <strong className={rec.at_headroom.verdict === 'met' ? 'good' : 'bad'}>p95 {ms(rec.at_headroom.p95_ms)}</strong>
          <span className="small">95 % interval {ms(rec.at_headroom.p95_lo)}–{ms(rec.at_headroom.p95_hi)} · SLO {ms(r.slo.p95_ms)}</span>
        </div>
        <div className="size-kpi">
          <span className="muted small">Binds next</span>
          <strong>{x.binds_next?.resource ?? rec.at_target.bottleneck.resource}</strong>
          <span className="small">{pct(x.binds_next?.utilization ?? rec.at_target.bottleneck.utilization)} busy at {x.binds_next?.at ?? 'the target'}</span>
        </div>
        <div className="size-kpi">
          <span className="muted small">Next tier up</span>
          {x.next_tier ? (
            <>
              <strong>+{usdMonth(x.next_tier.extra_usd_per_month)}</strong>
              <span className="small" title={x.next_tier.description}>
                {x.next_tier.description.split(';')[0]} · {num(x.next_tier.max_throughput_rps)} req/s capacity
              </span>
            </>
          ) : (
            <>
              <strong>–</strong>
              <span className="small">none among the candidates</span>
            </>
          )}
        </div>
      </div>

      <div className="size-cols">
        <div>
          <h4>Why this one</h4>
          <ul className="size-lines" data-testid="sizing-explanation">
            {x.lines.filter((l) => !l.startsWith('  ') && !/^cheaper candidates/.test(l)).map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
          {x.cheaper_failed.length > 0 && (
            <details className="size-details">
              <summary>Cheaper candidates that failed ({x.cheaper_failed.length})</summary>
              <ul className="size-lines">
                {x.cheaper_failed.map((c) => (
                  <li key={c.description + c.reason}>
                    <strong>{usdMonth(c.usd_per_month)}</strong> {c.description} — <span className="muted">{c.reason}</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
          <details className="size-details">
            <summary>How the search went</summary>
            <p className="small">
              {r.search.candidates.toLocaleString('en-US')} candidates, {r.search.checked.toLocaleString('en-US')} checked: {r.search.config_rejected} not configurable, {r.search.capacity_rejected} over the capacity bound, {r.search.lint_rejected} failed the configuration checks, {r.search.analytic_rejected} over the SLO analytically, {r.search.simulated} simulated. {r.search.note}.
            </p>
            <ul className="size-lines small">
              {r.assumptions.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
          </details>
        </div>
        <div>
          <h4>Monthly cost</h4>
          <table className="data-table size-cost-table" data-testid="sizing-cost-table">
            <tbody>
              {items.map((i, k) => (
                <tr key={k}>
                  <td>
                    {i.item}
                    {i.host && <span className="muted small"> · {i.host}</span>}
                  </td>
                  <td className="num muted small">
                    {num(i.quantity)} {i.unit}
                  </td>
                  <td className="num">{usdMonth(i.usd_per_month)}</td>
                </tr>
              ))}
              <tr className="total">
                <th scope="row">Total</th>
                <td />
                <td className="num">{usdMonth(rec.cost.total_usd_per_month)}</td>
              </tr>
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

export function SizingPanel() {
  const { scenario, providers, job, sizing } = useAppStore(useShallow((s) => ({ scenario: s.scenario, providers: s.providers, job: s.job, sizing: s.sizing })));
  const web = scenario?.kind === 'web-stack' ? scenario : null;
  const providerNames = useMemo(() => providers.map((p) => p.provider), [providers]);
  const [form, setForm] = useState<Form | null>(null);
  useEffect(() => {
    void loadProviders();
  }, []);
  useEffect(() => {
    if (web && providerNames.length) setForm((f) => f ?? defaults(web, providerNames));
  }, [web, providerNames]);

  if (!web) {
    return (
      <EmptyState
        title="Open a web-stack scenario to size"
        body="The sizing search keeps the open scenario's shape (app server and worker class, pools, database, cache, request mix) and finds the cheapest hosts for a target load. Open a tier from the gallery first."
        action={{ label: 'Go to the gallery', onClick: () => useAppStore.getState().setView('gallery') }}
      />
    );
  }
  const f = form ?? defaults(web, providerNames);
  const { errors, target } = check(f);
  const open = web.workload.load.type === 'open';
  const running = job?.kind === 'sizing';
  const p = job?.progress;
  const upd = (patch: Partial<Form>) => setForm({ ...f, ...patch });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!target || job) return;
    void sizeDraft({ target, slo: { p95_ms: Number(f.p95), max_error_rate: Number(f.errorPct) / 100 }, provider: f.provider, headroom: Number(f.headroomPct) / 100, duration_s: f.duration });
  };
  const openRecommended = () => {
    const rec = sizing?.result.recommended;
    if (!rec) return;
    useAppStore.getState().openValue(rec.scenario, `${slug(`sized-${sizing.result.profile}-${sizing.result.provider}`)}.yaml`);
  };

  return (
    <div className="sizing">
      <form className="card size-form" onSubmit={submit} aria-label="Size a deployment" data-testid="sizing-form" noValidate>
        <div className="card-head">
          <span className="chart-title">Size a deployment</span>
        </div>
        <p className="muted small size-profile">
          Profile: <strong>{web.name}</strong> — its app server, pools, database, cache and request mix are kept; hosts, workers and connection limits are chosen.
        </p>
        <fieldset className="size-kind">
          <legend className="size-label">Target</legend>
          {(Object.keys(KIND_TEXT) as TargetKind[]).map((k) => {
            const disabled = open ? k !== 'rps' : k === 'rps';
            return (
              <label key={k} className={`check${disabled ? ' muted' : ''}`} title={disabled ? (open ? 'The profile has an open workload (no think time): give a rate' : 'The profile has users with think time: give users') : undefined}>
                <input type="radio" name="size-kind" checked={f.kind === k} disabled={disabled} onChange={() => upd({ kind: k })} data-testid={`sizing-kind-${k}`} /> {KIND_TEXT[k].label}
              </label>
            );
          })}
        </fieldset>
        <Field label={KIND_TEXT[f.kind].label} error={errors.amount}>
          <input type="text" inputMode="decimal" value={f.amount} onChange={(e) => upd({ amount: e.target.value })} data-testid="sizing-amount" />
          <span className="unit">{KIND_TEXT[f.kind].unit}</span>
        </Field>
        <div className="size-row">
          <Field label="SLO p95" error={errors.p95}>
            <input type="text" inputMode="decimal" value={f.p95} onChange={(e) => upd({ p95: e.target.value })} data-testid="sizing-p95" />
            <span className="unit">ms</span>
          </Field>
          <Field label="Max error rate" error={errors.errorPct}>
            <input type="text" inputMode="decimal" value={f.errorPct} onChange={(e) => upd({ errorPct: e.target.value })} data-testid="sizing-errors" />
            <span className="unit">%</span>
          </Field>
        </div>
        <div className="size-row">
          <Field label="Provider" error={errors.provider} hint={providers.find((x) => x.provider === f.provider)?.retrieved ? `list prices of ${providers.find((x) => x.provider === f.provider)!.retrieved}` : undefined}>
            <select value={f.provider} onChange={(e) => upd({ provider: e.target.value })} data-testid="sizing-provider">
              {providerNames.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Headroom" error={errors.headroomPct} hint="must still meet the SLO at target × (1 + headroom)">
            <input type="text" inputMode="decimal" value={f.headroomPct} onChange={(e) => upd({ headroomPct: e.target.value })} data-testid="sizing-headroom" />
            <span className="unit">%</span>
          </Field>
        </div>
        <Field label="Simulated time per check" hint="uncertain checks are rerun 3× longer">
          <select value={f.duration} onChange={(e) => upd({ duration: Number(e.target.value) })}>
            {DURATIONS.map((d) => (
              <option key={d} value={d}>
                {d} s
              </option>
            ))}
          </select>
        </Field>
        <div className="btn-row">
          {running ? (
            <button type="button" className="btn danger" onClick={stopSimulation} data-testid="sizing-stop">
              Stop <kbd>Esc</kbd>
            </button>
          ) : (
            <button type="submit" className="btn primary" disabled={!target || !!job} data-testid="sizing-run">
              Find the cheapest deployment
            </button>
          )}
        </div>
        <div className="size-progress" aria-live="polite" data-testid="sizing-progress">
          {running ? (
            <>
              <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round((p?.share ?? 0) * 100)} aria-label="Sizing progress">
                <div className="progress-fill" style={{ width: `${Math.max(2, (p?.share ?? 0) * 100)}%` }} />
              </div>
              <span className="small size-note">{p?.label ?? 'starting…'}</span>
            </>
          ) : job ? (
            <span className="muted small">Waiting: {job.label}.</span>
          ) : null}
        </div>
      </form>
      <div className="size-results">
        {sizing ? (
          <Recommendation r={sizing.result} onOpen={openRecommended} />
        ) : (
          <EmptyState
            title={running ? 'Searching…' : 'No sizing yet'}
            body={running ? 'Candidates are priced and sorted by cost, checked analytically, and the cheapest that pass are simulated at the target plus headroom.' : 'Choose the target load, the SLO, the provider and the headroom, then find the cheapest deployment. The recommendation is simulated, priced from the catalog and explained.'}
          />
        )}
      </div>
    </div>
  );
}
