// Turns the bytes of a scenario file into text: strict UTF-8 (an invalid byte is an error naming its offset,
// never a silent U+FFFD), the byte-order mark dropped, the size limit checked before decoding.

import { ScenarioError } from './schema-errors';
import { MAX_SCENARIO_BYTES } from './text-limits';

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence, or −1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) { i++; continue; }
    // Sequence length and the allowed range of its second byte (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF).
    let n: number; let lo = 0x80; let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) n = 2;
    else if (b >= 0xe0 && b <= 0xef) { n = 3; if (b === 0xe0) lo = 0xa0; if (b === 0xed) hi = 0x9f; }
    else if (b >= 0xf0 && b <= 0xf4) { n = 4; if (b === 0xf0) lo = 0x90; if (b === 0xf4) hi = 0x8f; }
    else return i;
    if (i + n > bytes.length) return i;
    if (bytes[i + 1] < lo || bytes[i + 1] > hi) return i;
    for (let k = 2; k < n; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += n;
  }
  return -1;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

/** The file's text, or a ScenarioError at "(file)" saying what is wrong with its bytes. */
export function decodeScenarioBytes(bytes: Uint8Array): string {
  if (bytes.length > MAX_SCENARIO_BYTES) {
    throw new ScenarioError([{ path: '(file)', message: `expected a scenario file of at most ${megabytes(MAX_SCENARIO_BYTES)}, got ${megabytes(bytes.length)}` }]);
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const hex = Array.from(bytes.subarray(bad, bad + 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new ScenarioError([{ path: '(file)', message: `expected UTF-8 text, got an invalid byte sequence at byte ${bad} (${hex})` }]);
  }
  const text = decodeValidUtf8(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Decodes bytes already checked by firstInvalidUtf8 (sim-core has no TextDecoder of its own). */
function decodeValidUtf8(bytes: Uint8Array): string {
  const parts: string[] = [];
  const units: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    let cp: number;
    if (b < 0x80) { cp = b; i += 1; }
    else if (b < 0xe0) { cp = ((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f); i += 2; }
    else if (b < 0xf0) { cp = ((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f); i += 3; }
    else { cp = ((b & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12) | ((bytes[i + 2] & 0x3f) << 6) | (bytes[i + 3] & 0x3f); i += 4; }
    if (cp >= 0x10000) { cp -= 0x10000; units.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff)); }
    else units.push(cp);
    // Flush in chunks: String.fromCharCode takes its arguments on the stack.
    if (units.length >= 8192) parts.push(String.fromCharCode(...units.splice(0)));
  }
  parts.push(String.fromCharCode(...units));
  return parts.join('');
}
