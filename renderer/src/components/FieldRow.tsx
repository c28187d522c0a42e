// One editable setting: label, input by kind (number, memory, choice, switch), unit, the default shown as
// placeholder, and the validation messages whose path names this field.

import { memo, useEffect, useId, useState } from 'react';
import type { FieldSpec } from '../editor/form-spec';
import { getAt, pathString } from '../scenarios/paths';
import { useAppStore } from '../store/index';
import type { ScenarioIssue } from '../../../sim-core/index';

function toValue(kind: FieldSpec['kind'], text: string): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  if (kind === 'text' || kind === 'enum') return text;
  const numeric = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t);
  if (kind === 'memory') return numeric ? Number(t) : t;
  return numeric ? Number(t) : t;
}

function display(v: unknown): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

interface Props {
  spec: FieldSpec;
  issues: ScenarioIssue[];
}

export const FieldRow = memo(function FieldRow({ spec, issues }: Props) {
  const id = useId();
  const key = pathString(spec.path);
  const raw = useAppStore((s) => getAt(s.draft, spec.path));
  const parsed = useAppStore((s) => (s.scenario ? getAt(s.scenario, spec.path) : undefined));
  const edit = useAppStore((s) => s.edit);
  const [text, setText] = useState(display(raw));
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setText(display(raw));
  }, [raw, focused]);
  const invalid = issues.length > 0;
  const errId = `${id}-err`;
  const common = {
    id,
    'aria-invalid': invalid || undefined,
    'aria-describedby': invalid ? errId : undefined,
    'data-path': key,
  };

  let input;
  if (spec.kind === 'bool') {
    const checked = raw === undefined ? parsed === true : raw === true;
    input = <input type="checkbox" {...common} checked={checked} onChange={(e) => edit(spec.path, e.target.checked)} />;
  } else if (spec.kind === 'enum') {
    const value = display(raw ?? parsed);
    const options = spec.options?.includes(value) || value === '' ? spec.options ?? [] : [value, ...(spec.options ?? [])];
    input = (
      <select {...common} value={value} onChange={(e) => edit(spec.path, e.target.value)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  } else {
    input = (
      <input
        {...common}
        type="text"
        inputMode={spec.kind === 'text' || spec.kind === 'memory' ? undefined : 'decimal'}
        spellCheck={false}
        value={text}
        placeholder={parsed !== undefined ? `${display(parsed)} (default)` : ''}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onChange={(e) => {
          setText(e.target.value);
          edit(spec.path, toValue(spec.kind, e.target.value));
        }}
      />
    );
  }
  return (
    <div className={`field${invalid ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{spec.label}</label>
      <div className="field-input">
        {input}
        {spec.unit && <span className="unit">{spec.unit}</span>}
      </div>
      {invalid && (
        <div className="field-error" id={errId} role="alert">
          {issues.map((i) => i.message).join('; ')}
        </div>
      )}
    </div>
  );
});
