// Scenario files in the browser: reading an uploaded file and saving the draft as a download (YAML unless the
// file was JSON). The Electron shell replaces these with native dialogs.

import { stringify } from 'yaml';
import { downloadBlob } from './download';

export async function readFile(file: File): Promise<{ name: string; text: string }> {
  return { name: file.name, text: await file.text() };
}

export function scenarioText(draft: unknown, fileName: string): string {
  return /\.json$/i.test(fileName) ? `${JSON.stringify(draft, null, 2)}\n` : stringify(draft, { lineWidth: 120 });
}

export function downloadScenario(draft: unknown, fileName: string): void {
  const name = fileName || 'scenario.yaml';
  const blob = new Blob([scenarioText(draft, name)], { type: /\.json$/i.test(name) ? 'application/json' : 'application/yaml' });
  downloadBlob(blob, name);
}
