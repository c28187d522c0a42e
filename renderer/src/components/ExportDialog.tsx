// The export dialog: the deployment files of the draft for a target (bare metal / Docker Compose / Kubernetes) and
// chosen server versions, each file previewed with a Copy button, the warnings (a config that does not fit its
// host's memory, connection limits that refuse clients, …) shown above everything, and Save all — a ZIP download in
// the browser, a folder through the desktop shell's dialog in Electron.

import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/index';
import { exportDraft } from '../sim-client/jobs';
import { DEFAULT_VERSIONS, exportTargets, versionChoices, type ExportResult, type ExportTarget, type TargetVersions } from '../../../sim-core/index';
import type { WebStackScenario } from '../../../sim-core/index';
import { zipFiles } from '../files/zip';
import { downloadBlob, slug } from '../files/download';
import { desktopApi } from '../files/desktop';
import { Modal } from './Modal';

const TARGET_TEXT: Record<ExportTarget, { label: string; hint: string }> = {
  bare: { label: 'Bare metal / VMs', hint: 'config files + systemd units per host' },
  compose: { label: 'Docker Compose', hint: 'one docker-compose.yml, a service per process' },
  k8s: { label: 'Kubernetes', hint: 'Deployments, Services, HPA, ConfigMaps' },
};

const VERSION_LABEL: Record<keyof TargetVersions, string> = { nginx: 'nginx', postgresql: 'PostgreSQL', pgbouncer: 'PgBouncer', gunicorn: 'Gunicorn', kubernetes: 'Kubernetes API' };

/** The version pickers that change this scenario's files for this target. */
function relevantVersions(s: WebStackScenario, target: ExportTarget): (keyof TargetVersions)[] {
  const out: (keyof TargetVersions)[] = [];
  if (s.nginx) out.push('nginx');
  if (s.database?.engine === 'postgresql') out.push('postgresql');
  if (s.pgbouncer) out.push('pgbouncer');
  if (s.app.server !== 'uvicorn') out.push('gunicorn');
  if (target === 'k8s') out.push('kubernetes');
  return out;
}

/** Warnings a file carries (the exporter writes them into the file as "# WARNING:" / "// WARNING:" lines). */
function fileWarnings(text: string): number {
  return (text.match(/^\s*(#|\/\/|;|--)\s*WARNING\b/gim) ?? []).length;
}

/** Memory warnings first: they are the ones that take a host down. */
function warningRank(w: string): number {
  return /\bRAM\b|OOM|swap|memory left/.test(w) ? 0 : /refused|max_connections|maxclients|max_client_conn/i.test(w) ? 1 : 2;
}

/** The versions with one server's version changed, when the value is one of its choices. */
function withVersion<K extends keyof TargetVersions>(vs: TargetVersions, k: K, value: string): TargetVersions {
  const v = versionChoices[k].find((x) => x === value);
  if (v === undefined) return vs;
  const next = { ...vs };
  next[k] = v;
  return next;
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (no permission, insecure context): the old way through a selected text area.
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.appendChild(ta);
    ta.select();
    const ok = document.execCommand('copy');
    ta.remove();
    return ok;
  }
}

export function ExportDialog() {
  const { scenario, name, fresh } = useAppStore(
    useShallow((s) => ({ scenario: s.scenario, name: s.scenario?.name ?? s.fileName, fresh: s.result !== null && s.resultRevision === s.revision })),
  );
  const close = useAppStore((s) => s.closeDialog);
  const [target, setTarget] = useState<ExportTarget>('compose');
  const [versions, setVersions] = useState<TargetVersions>(DEFAULT_VERSIONS);
  const [out, setOut] = useState<ExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const web = scenario?.kind === 'web-stack' ? scenario : null;

  useEffect(() => {
    if (!web) return;
    let live = true;
    setBusy(true);
    exportDraft(target, versions)
      .then((r) => {
        if (!live) return;
        setOut(r);
        setError(null);
        setSelected((cur) => (cur && cur in r.files ? cur : Object.keys(r.files)[0] ?? null));
      })
      .catch((e: Error) => live && (setError(e.message), setOut(null)))
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
    };
  }, [web, target, versions]);

  const names = useMemo(() => (out ? Object.keys(out.files) : []), [out]);
  const warnings = useMemo(() => (out ? [...out.warnings].sort((a, b) => warningRank(a) - warningRank(b)) : []), [out]);
  const text = out && selected ? out.files[selected] ?? '' : '';
  const base = `${slug(name)}-${target}`;
  const desktop = desktopApi();

  const saveAll = async () => {
    if (!out) return;
    setSaved(null);
    if (desktop) {
      try {
        const r = await desktop.exportFiles({ files: out.files });
        if (r) setSaved(`Saved ${names.length} files to ${r.dir}`);
      } catch (e) {
        setError(`Could not save the files: ${(e as Error).message}`);
      }
      return;
    }
    downloadBlob(new Blob([zipFiles(out.files)], { type: 'application/zip' }), `${base}.zip`);
    setSaved(`Downloaded ${base}.zip (${names.length} files)`);
  };

  if (!web) {
    return (
      <Modal title="Export deployment files" onClose={close} testId="export-dialog">
        <p>{scenario ? 'Queueing models describe no servers: there are no deployment files to export.' : 'Fix the problems in the scenario first: only a valid scenario can be exported.'}</p>
      </Modal>
    );
  }

  return (
    <Modal
      wide
      title="Export deployment files"
      subtitle={fresh ? 'numbers as simulated in the latest run' : 'numbers from the scenario (not simulated since the last edit)'}
      onClose={close}
      testId="export-dialog"
      footer={
        <>
          <span className="muted small foot-note" data-testid="export-saved" aria-live="polite">
            {saved ?? (out ? `${names.length} files · secrets are placeholders (see .env.example)` : '')}
          </span>
          <button type="button" className="btn" onClick={close}>
            Close
          </button>
          <button type="button" className="btn primary" onClick={() => void saveAll()} disabled={!out || busy} data-testid="export-save-all">
            {desktop ? 'Save all to a folder…' : 'Save all (.zip)'}
          </button>
        </>
      }
    >
      <div className="export-controls">
        <fieldset className="segmented" aria-label="Target">
          <legend>Target</legend>
          {exportTargets.map((t) => (
            <label key={t} className={`seg${t === target ? ' on' : ''}`} title={TARGET_TEXT[t].hint}>
              <input type="radio" name="export-target" value={t} checked={t === target} onChange={() => setTarget(t)} data-testid={`export-target-${t}`} data-autofocus={t === target ? '' : undefined} />
              {TARGET_TEXT[t].label}
            </label>
          ))}
        </fieldset>
        <fieldset className="versions" aria-label="Server versions">
          <legend>Server versions</legend>
          {relevantVersions(web, target).map((k) => (
            <label key={k} className="version">
              <span className="muted small">{VERSION_LABEL[k]}</span>
              <select value={versions[k]} onChange={(e) => setVersions(withVersion(versions, k, e.target.value))} data-testid={`export-version-${k}`}>
                {versionChoices[k].map((v) => (
                  <option key={v} value={v}>
                    {v}
                    {v === DEFAULT_VERSIONS[k] ? ' (Debian 12)' : ''}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      </div>

      {error && (
        <div className="export-warnings error" role="alert">
          {error}
        </div>
      )}
      <div className={`export-warnings${warnings.length ? ' has' : ' none'}`} role={warnings.length ? 'alert' : 'status'} data-testid="export-warnings">
        {warnings.length === 0 ? (
          out && <span>✓ No warnings: every simulated setting fits its host and the connection limits of the tiers it talks to.</span>
        ) : (
          <>
            <strong>
              ⚠ {warnings.length === 1 ? '1 warning' : `${warnings.length} warnings`} — exported as simulated; fix the scenario or these files before deploying
            </strong>
            <ul>
              {warnings.map((w) => (
                <li key={w} className={warningRank(w) === 0 ? 'mem' : undefined}>
                  {w}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>

      <div className="export-files">
        <ul className="file-list" role="listbox" aria-label="Files" data-testid="export-file-list">
          {names.map((n) => {
            const nw = fileWarnings(out!.files[n]);
            return (
              <li key={n}>
                <button type="button" role="option" aria-selected={n === selected} className={`file-item${n === selected ? ' on' : ''}`} onClick={() => setSelected(n)} data-file={n}>
                  <span className="file-name">{n}</span>
                  {nw > 0 && (
                    <span className="file-warn" title={`${nw} warning${nw === 1 ? '' : 's'} in this file`}>
                      ⚠ {nw}
                    </span>
                  )}
                </button>
              </li>
            );
          })}
          {busy && names.length === 0 && <li className="muted small">Writing the files…</li>}
        </ul>
        <div className="file-preview">
          <div className="file-preview-head">
            <code data-testid="export-preview-name">{selected ?? ''}</code>
            <span className="muted small">{text ? `${text.split('\n').length} lines` : ''}</span>
            <button
              type="button"
              className="btn small"
              disabled={!text}
              data-testid="export-copy"
              onClick={async () => {
                if (selected && (await copyText(text))) {
                  setCopied(selected);
                  setTimeout(() => setCopied((c) => (c === selected ? null : c)), 1500);
                }
              }}
            >
              {copied === selected ? 'Copied ✓' : 'Copy'}
            </button>
          </div>
          <pre className="file-text" tabIndex={0} data-testid="export-preview" aria-label={selected ? `Contents of ${selected}` : 'File contents'}>
            {text.split('\n').map((line, i) => (
              <span key={i} className={/^\s*(#|\/\/|;|--)\s*WARNING\b/i.test(line) ? 'line-warn' : undefined}>
                {line}
                {'\n'}
              </span>
            ))}
          </pre>
        </div>
      </div>
    </Modal>
  );
}
