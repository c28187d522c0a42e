// Reads scenario text (JSON or YAML) into a plain value. JSON is recognised by its content (a file starting with
// "{" or "[" that parses as JSON is JSON, whatever its name says); YAML is checked for depth and alias expansion
// before it becomes a value. Every problem is a ScenarioError with the line and column or the path. Pure: the
// caller reads the file (decode-text.ts turns its bytes into text).

import { parseDocument } from 'yaml';
import { checkJsonNesting } from './json-shape';
import { ScenarioError, type ScenarioIssue } from './schema-errors';
import { MAX_NESTING, MAX_SCENARIO_BYTES } from './text-limits';
import { checkYamlShape } from './yaml-shape';

export type ScenarioFormat = 'json' | 'yaml';

export function formatFromName(fileName: string): ScenarioFormat {
  return /\.ya?ml$/i.test(fileName) ? 'yaml' : 'json';
}

function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const col = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${col}`;
}

const fileIssue = (message: string): ScenarioError => new ScenarioError([{ path: '(file)', message }]);

function looksLikeJson(text: string): boolean {
  return /^\s*[[{]/.test(text);
}

function jsonError(text: string, e: unknown): ScenarioError {
  const msg = (e as Error).message;
  if (e instanceof RangeError) return fileIssue(`expected objects and lists nested at most ${MAX_NESTING} levels deep, got deeper nesting than the JSON parser can follow`);
  const pos = /position (\d+)/.exec(msg);
  const where = pos ? ` at ${lineCol(text, Number(pos[1]))}` : '';
  // V8 repeats the position as "(line L column C)"; the prefix above already says it.
  return fileIssue(`expected valid JSON${where}: ${msg.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '')}`);
}

function checked(value: unknown): unknown {
  const issue = checkJsonNesting(value);
  if (issue) throw new ScenarioError([issue]);
  return value;
}

function parseYaml(text: string): unknown {
  let doc;
  try {
    doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true, logLevel: 'silent' });
  } catch (e) {
    if (e instanceof RangeError) throw fileIssue(`expected objects and lists nested at most ${MAX_NESTING} levels deep, got deeper nesting than the YAML parser can follow`);
    throw e;
  }
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const where = err.linePos ? ` at line ${err.linePos[0].line}, column ${err.linePos[0].col}` : '';
    const first = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    if (/Maximum call stack size exceeded/.test(first)) throw fileIssue(`expected objects and lists nested at most ${MAX_NESTING} levels deep, got deeper nesting${where}`);
    throw fileIssue(`expected valid YAML${where}: ${first}`);
  }
  const issue: ScenarioIssue | null = checkYamlShape(doc);
  if (issue) throw new ScenarioError([issue]);
  // The shape check bounded the expansion already; the library's own alias counter would refuse honest files.
  return doc.toJS({ maxAliasCount: -1 });
}

/** The file's value; `format` is what its name says, the content decides when it is JSON. */
export function parseScenarioText(text: string, format: ScenarioFormat): unknown {
  if (text.length > MAX_SCENARIO_BYTES) throw fileIssue(`expected a scenario of at most ${MAX_SCENARIO_BYTES / 1048576} MB of text, got ${(text.length / 1048576).toFixed(1)} MB`);
  if (format === 'json' || looksLikeJson(text)) {
    try {
      return checked(JSON.parse(text));
    } catch (e) {
      if (e instanceof ScenarioError) throw e;
      // YAML flow style also starts with "{" or "[": a .yaml file that is not JSON is read as YAML.
      if (format === 'json') throw jsonError(text, e);
    }
  }
  return parseYaml(text);
}
