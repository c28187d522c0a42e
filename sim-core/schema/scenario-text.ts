// Reads scenario text (JSON or YAML) into a plain value, turning syntax errors into a one-line issue with the
// line and column. Pure: the caller reads the file.

import { parseDocument } from 'yaml';
import { ScenarioError } from './schema-errors';

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

export function parseScenarioText(text: string, format: ScenarioFormat): unknown {
  if (format === 'json') {
    try {
      return JSON.parse(text);
    } catch (e) {
      const msg = (e as Error).message;
      const pos = /position (\d+)/.exec(msg);
      const where = pos ? ` at ${lineCol(text, Number(pos[1]))}` : '';
      throw new ScenarioError([{ path: '(file)', message: `expected valid JSON${where}: ${msg.replace(/^JSON\.parse: /, '')}` }]);
    }
  }
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const where = err.linePos ? ` at line ${err.linePos[0].line}, column ${err.linePos[0].col}` : '';
    throw new ScenarioError([{ path: '(file)', message: `expected valid YAML${where}: ${err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}` }]);
  }
  return doc.toJS();
}
