// The signature interaction: a slider whose stops are the document's tiers and a second one for the load.
// While dragging, numbers blend between neighbouring tiers and the analytic preview updates every animation
// frame; on release the blended scenario becomes the draft and the simulation refines the numbers.

import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/index';
import { tiersOf } from '../scenarios/library';
import { blendAt, blendedFigures, prepareBlend, type TierBlend } from '../scenarios/interpolate';
import { loadLabel, loadOverride, ownLoad } from '../scenarios/scenario-facts';
import { previewNow } from '../sim-client/preview-engine';
import { runDraft } from '../sim-client/jobs';
import type { Scenario } from '../../../sim-core/index';

const SNAP = 0.04;

/** The blended deployment in a few numbers that visibly move while dragging. */
function liveSummary(s: Scenario | null): [string, string][] {
  if (!s || s.kind !== 'web-stack') return [];
  const out: [string, string][] = [
    ['hosts', String(s.hosts.length)],
    ['vCPU', String(s.hosts.reduce((n, h) => n + h.vcpus, 0))],
    ['RAM', `${Number((s.hosts.reduce((n, h) => n + h.ram, 0) / 1024).toPrecision(3))} GB`],
    ['app', `${s.app.instances.length} × ${s.app.workers} ${s.app.worker_class}`],
  ];
  if (s.database) out.push(['max_connections', String(s.database.max_connections)]);
  if (s.app.sqlalchemy && s.app.db_access === 'sqlalchemy') out.push(['pool', `${s.app.sqlalchemy.pool_size} + ${s.app.sqlalchemy.max_overflow}`]);
  if (s.pgbouncer) out.push(['pgbouncer pool', String(s.pgbouncer.default_pool_size)]);
  return out;
}
const LOAD_STEPS = 1000;

/** "Phase 2: Medium Scaling (10K-50K users) - PostgreSQL" → "Phase 2: Medium Scaling". */
function shortTier(t: string): string {
  const s = t.replace(/\s*\(.*?\)/g, '').replace(/\s+-\s+\w+$/, '').trim();
  return s.length > 26 ? `${s.slice(0, 25)}…` : s;
}

function prettyPath(p: string): string {
  return p.replace(/^hosts\[(\d+)\]\./, 'host $1 ').replace(/^app\./, 'app ').replace(/\./g, ' ');
}

export function TierDrag() {
  const { entryId, scenario, tierPos, load, live } = useAppStore(
    useShallow((s) => ({ entryId: s.entryId, scenario: s.scenario, tierPos: s.tierPos, load: s.load, live: s.live })),
  );
  const tiers = useMemo(() => tiersOf(entryId), [entryId]);
  const blends = useMemo(() => tiers.slice(1).map((t, i) => prepareBlend(tiers[i].scenario!, t.scenario!)), [tiers]);
  const homeIndex = Math.max(0, tiers.findIndex((t) => t.id === entryId));
  const [pos, setPos] = useState<number>(tierPos ?? homeIndex);
  useEffect(() => setPos(tierPos ?? homeIndex), [tierPos, homeIndex]);
  const frame = useRef(0);
  const pending = useRef<{ pos: number; load: number | null } | null>(null);

  const shown = live ?? scenario;
  // While the draft is invalid the load slider stays where it was (disabled), so the layout does not jump and the
  // chosen load is kept for when the scenario is valid again.
  const lastValid = useRef<Scenario | null>(null);
  if (shown) lastValid.current = shown;
  const loadSource = shown ?? lastValid.current;
  const own = loadSource ? ownLoad(loadSource) : null;
  const invalid = !shown;
  // The load range spans every tier's own load, from 1/20 of the smallest to 3× the largest.
  const range = useMemo(() => {
    const loads = (tiers.length ? tiers.map((t) => ownLoad(t.scenario!).value) : loadSource ? [ownLoad(loadSource).value] : [1]).filter((x) => x > 0);
    const lo = Math.max(1, Math.min(...loads) / 20);
    const hi = Math.max(lo * 10, Math.max(...loads) * 3);
    return { lo, hi };
  }, [tiers, loadSource]);
  const loadValue = load ?? own?.value ?? 1;
  const toStep = (v: number) => Math.round((Math.log(v / range.lo) / Math.log(range.hi / range.lo)) * LOAD_STEPS);
  const fromStep = (st: number) => range.lo * (range.hi / range.lo) ** (st / LOAD_STEPS);

  const blendFor = (p: number): { blend: TierBlend | null; t: number; scenario: Scenario | null } => {
    if (tiers.length < 2) return { blend: null, t: 0, scenario };
    const i = Math.min(blends.length - 1, Math.floor(p));
    const t = p - i;
    return { blend: blends[i], t, scenario: blendAt(blends[i], t) };
  };

  const schedule = (next: { pos: number; load: number | null }) => {
    pending.current = next;
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const p = pending.current!;
      const s = p.pos === (tierPos ?? homeIndex) ? scenario : blendFor(p.pos).scenario;
      if (!s) return;
      const l = loadOverride(ownLoad(s).kind, p.load ?? ownLoad(s).value);
      useAppStore.setState({ live: s, preview: previewNow(s, l), dragging: true, load: p.load });
    });
  };

  const commitTier = () => {
    cancelAnimationFrame(frame.current);
    frame.current = 0;
    const st = useAppStore.getState();
    useAppStore.setState({ dragging: false });
    if (tiers.length < 2) return;
    const nearest = Math.round(pos);
    const snapped = Math.abs(pos - nearest) < SNAP ? nearest : pos;
    setPos(snapped);
    if (Number.isInteger(snapped)) {
      st.replaceDraft(tiers[snapped].raw);
    } else {
      const { scenario: s } = blendFor(snapped);
      const i = Math.floor(snapped);
      st.replaceDraft(s, `${tiers[i].tier} → ${tiers[i + 1].tier} · ${Math.round((snapped - i) * 100)} %`);
    }
    useAppStore.setState({ tierPos: snapped, live: null });
    void runDraft('refine');
  };

  const commitLoad = () => {
    useAppStore.setState({ dragging: false, live: null });
    void runDraft('refine');
  };

  const blendNow = tiers.length >= 2 ? blendFor(pos) : null;
  const figures = blendNow?.blend ? blendedFigures(blendNow.blend, blendNow.t, 40).filter((f) => /vcpus|ram|workers|threads|connections|pool|shards|replicas|maxclients|buffers/.test(f.path)).slice(0, 4) : [];

  return (
    <section className="card tier-drag" aria-label="Drag between tiers and loads">
      {tiers.length >= 2 ? (
        <div className="slider-block">
          <div className="slider-head">
            <label htmlFor="tier-slider">Tier</label>
            <span className="slider-value" data-testid="tier-value">
              {Number.isInteger(pos) ? tiers[pos].tier : `${tiers[Math.floor(pos)].tier} → ${tiers[Math.floor(pos) + 1].tier} · ${Math.round((pos - Math.floor(pos)) * 100)} %`}
            </span>
          </div>
          <input
            id="tier-slider"
            data-testid="tier-slider"
            type="range"
            min={0}
            max={tiers.length - 1}
            step={0.01}
            value={pos}
            aria-valuetext={Number.isInteger(pos) ? tiers[pos].tier : `between ${tiers[Math.floor(pos)].tier} and ${tiers[Math.floor(pos) + 1].tier}`}
            onInput={(e) => {
              const p = Number((e.target as HTMLInputElement).value);
              setPos(p);
              schedule({ pos: p, load });
            }}
            onChange={() => undefined}
            onPointerUp={commitTier}
            onKeyUp={(e) => e.key.startsWith('Arrow') || e.key === 'Home' || e.key === 'End' || e.key.startsWith('Page') ? commitTier() : undefined}
          />
          <div className="tier-stops" aria-hidden="true">
            {tiers.map((t, i) => (
              <button
                key={t.id}
                type="button"
                tabIndex={-1}
                className={`tier-stop${Math.abs(pos - i) < 0.5 ? ' near' : ''}`}
                style={{ left: `${(i / (tiers.length - 1)) * 100}%` }}
                data-edge={i === 0 ? 'first' : i === tiers.length - 1 ? 'last' : undefined}
                title={t.tier}
                onClick={() => {
                  setPos(i);
                  useAppStore.getState().replaceDraft(t.raw);
                  useAppStore.setState({ tierPos: i, live: null });
                  void runDraft('refine');
                }}
              >
                {shortTier(t.tier)}
              </button>
            ))}
          </div>
          <div className="blend-figures" data-testid="blend-figures" aria-live="off">
            {liveSummary(shown).map(([k, v]) => (
              <span key={k} className="blend-figure">
                <span className="muted">{k}</span> <strong>{v}</strong>
              </span>
            ))}
            {figures.map((f) => (
                <span key={f.path} className="blend-figure">
                  <span className="muted">{prettyPath(f.path)}</span> <strong>{Number(f.value.toPrecision(4)).toLocaleString('en-US')}</strong>
                </span>
              ))}
          </div>
        </div>
      ) : (
        <p className="muted slider-note">{scenario?.kind === 'web-stack' ? 'This document has a single tier: drag the load instead.' : 'Queueing models have no tiers: drag the load instead.'}</p>
      )}
      {own && (
        <div className="slider-block">
          <div className="slider-head">
            <label htmlFor="load-slider">Load</label>
            <span className="slider-value" data-testid="load-value">
              {loadLabel(own.kind, loadValue)}
              {invalid ? <span className="muted"> (fix the scenario to change it)</span> : load === null && <span className="muted"> (the scenario's own)</span>}
            </span>
          </div>
          <input
            id="load-slider"
            data-testid="load-slider"
            type="range"
            min={0}
            max={LOAD_STEPS}
            step={1}
            disabled={invalid}
            title={invalid ? 'The scenario has problems: fix them to change the load' : undefined}
            value={Math.min(LOAD_STEPS, Math.max(0, toStep(loadValue)))}
            aria-valuetext={loadLabel(own.kind, loadValue)}
            onInput={(e) => {
              const v = fromStep(Number((e.target as HTMLInputElement).value));
              const rounded = own.kind === 'users' ? Math.max(1, Math.round(v)) : Number(v.toPrecision(3));
              useAppStore.setState({ load: rounded });
              schedule({ pos, load: rounded });
            }}
            onChange={() => undefined}
            onPointerUp={commitLoad}
            onKeyUp={(e) => (e.key.startsWith('Arrow') || e.key === 'Home' || e.key === 'End' || e.key.startsWith('Page') ? commitLoad() : undefined)}
          />
          <div className="load-scale muted" aria-hidden="true">
            <span>{loadLabel(own.kind, range.lo)}</span>
            <span>{loadLabel(own.kind, range.hi)}</span>
          </div>
        </div>
      )}
    </section>
  );
}
