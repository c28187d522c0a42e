// The scenario editor: every section of the form spec with its fields, the issues placed at their fields
// (or at the section when no field matches), and the document's assumptions as a read-only list with sources.

import { memo, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formSections } from '../editor/form-spec';
import { pathString } from '../scenarios/paths';
import { useAppStore } from '../store/index';
import { FieldRow } from './FieldRow';
import { AssumptionsList } from './AssumptionsList';
import type { ScenarioIssue } from '../../../sim-core/index';

const EMPTY: ScenarioIssue[] = [];

export const EditorForm = memo(function EditorForm() {
  const { draft, scenario, issues } = useAppStore(useShallow((s) => ({ draft: s.draft, scenario: s.scenario, issues: s.issues })));
  // Sections depend only on the draft's structure; rebuilt when it changes.
  const sections = useMemo(() => formSections(draft, scenario), [draft, scenario]);
  const { byField, bySection } = useMemo(() => {
    const fieldKeys = new Set(sections.flatMap((s) => s.groups.flatMap((g) => g.fields.map((f) => pathString(f.path)))));
    const byField = new Map<string, ScenarioIssue[]>();
    const bySection = new Map<string, ScenarioIssue[]>();
    for (const issue of issues) {
      if (fieldKeys.has(issue.path)) {
        byField.set(issue.path, [...(byField.get(issue.path) ?? []), issue]);
        continue;
      }
      const section = sections.find((s) => s.prefix.some((p) => issue.path === pathString(p) || issue.path.startsWith(pathString(p)))) ?? sections[0];
      bySection.set(section.id, [...(bySection.get(section.id) ?? []), issue]);
    }
    return { byField, bySection };
  }, [issues, sections]);

  return (
    <div className="editor-form" aria-label="Scenario settings">
      {issues.length > 0 && (
        <div className="issues-summary" role="status">
          <strong>{issues.length === 1 ? '1 problem' : `${issues.length} problems`}</strong> — the scenario cannot be simulated until {issues.length === 1 ? 'it is' : 'they are'} fixed. Each is shown at its field.
        </div>
      )}
      {sections.map((sec) => (
        <details key={sec.id} className="form-section" open={sec.id !== 'general'} data-section={sec.id}>
          <summary>
            {sec.title}
            {bySection.get(sec.id) || sec.groups.some((g) => g.fields.some((f) => byField.has(pathString(f.path)))) ? <span className="dot-error" aria-label="has problems" /> : null}
          </summary>
          {bySection.get(sec.id)?.map((i) => (
            <div key={i.path + i.message} className="section-error" role="alert">
              <code>{i.path}</code> {i.message}
            </div>
          ))}
          {sec.groups.map((g, gi) => (
            <fieldset key={g.title ?? gi} className="field-group">
              {g.title && <legend>{g.title}</legend>}
              {g.fields.map((f) => {
                const key = pathString(f.path);
                return <FieldRow key={key} spec={f} issues={byField.get(key) ?? EMPTY} />;
              })}
            </fieldset>
          ))}
        </details>
      ))}
      {scenario?.kind === 'web-stack' && <AssumptionsList assumptions={scenario.assumptions} />}
    </div>
  );
});
