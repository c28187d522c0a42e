import { describe, expect, it, vi } from 'vitest';
import { Channels } from '../../electron/ipc-contract';
import { guardedHandler, UntrustedSenderError } from '../../electron/ipc-guard';
import { ArgSchemas, InvalidArgumentsError, LIMITS, parseArgs } from '../../electron/ipc-schemas';

const ours = { senderFrame: { url: 'app://capsim/index.html' } };

describe('parseArgs', () => {
  it('has a schema entry for every invoke channel', () => {
    const invoke = Object.values(Channels).filter((c) => c !== Channels.menu).sort();
    expect(Object.keys(ArgSchemas).sort()).toEqual(invoke);
  });

  it('accepts well-formed arguments', () => {
    expect(parseArgs(Channels.saveScenario, [{ text: 'a: 1', name: 'x.yaml' }])).toEqual({ text: 'a: 1', name: 'x.yaml' });
    expect(parseArgs(Channels.saveScenario, [{ path: '/tmp/x.yaml', text: '', name: 'x.yaml' }]).path).toBe('/tmp/x.yaml');
    expect(parseArgs(Channels.exportFiles, [{ files: { 'nginx.conf': 'x', 'systemd/app@.service': 'y', '.env.example': '' } }]).files['nginx.conf']).toBe('x');
    expect(parseArgs(Channels.openScenario, [])).toBeUndefined();
  });

  it.each([
    ['extra argument to a no-arg channel', Channels.openScenario, [1]],
    ['missing argument', Channels.saveAs, []],
    ['two arguments', Channels.autosave, [{ text: '' }, { text: '' }]],
    ['non-object', Channels.autosave, ['text']],
    ['unknown key', Channels.autosave, [{ text: '', evil: true }]],
    ['wrong type', Channels.saveAs, [{ text: 42, name: 'x.yaml' }]],
    ['name with a slash', Channels.saveAs, [{ text: '', name: '../x.yaml' }]],
    ['path with NUL', Channels.openRecent, [{ path: '/tmp/a\0b' }]],
    ['export traversal', Channels.exportFiles, [{ files: { '../evil': 'x' } }]],
    ['export absolute', Channels.exportFiles, [{ files: { '/etc/cron.d/x': 'x' } }]],
    ['export windows drive', Channels.exportFiles, [{ files: { 'C:evil': 'x' } }]],
    ['export backslash', Channels.exportFiles, [{ files: { 'a\\..\\b': 'x' } }]],
    ['export nothing', Channels.exportFiles, [{ files: {} }]],
    ['export non-string content', Channels.exportFiles, [{ files: { 'a.conf': 1 } }]],
    ['report without html', Channels.printReportToPdf, [{ html: '', suggestedName: 'r.pdf' }]],
    ['oversized autosave', Channels.autosave, [{ text: 'x'.repeat(LIMITS.sessionChars + 1) }]],
  ] as const)('rejects %s', (_what, channel, args) => {
    expect(() => parseArgs(channel, [...args])).toThrow(InvalidArgumentsError);
  });
});

describe('guardedHandler', () => {
  it('calls the handler with parsed arguments for our page', async () => {
    const fn = vi.fn((arg: { text: string }) => arg.text.length);
    await expect(guardedHandler(Channels.autosave, {}, fn)(ours, { text: 'abc' })).resolves.toBe(3);
    expect(fn).toHaveBeenCalledOnce();
  });

  it('refuses other senders before looking at the arguments', async () => {
    const fn = vi.fn();
    const h = guardedHandler(Channels.autosave, {}, fn);
    await expect(h({ senderFrame: { url: 'https://example.com/' } }, { text: 'x' })).rejects.toThrow(UntrustedSenderError);
    await expect(h({ senderFrame: null }, { text: 'x' })).rejects.toThrow(UntrustedSenderError);
    const disposed = { get senderFrame(): { url: string } {
      throw new Error('Render frame was disposed');
    } };
    await expect(h(disposed, { text: 'x' })).rejects.toThrow(UntrustedSenderError);
    expect(fn).not.toHaveBeenCalled();
  });

  it('never calls the handler with bad arguments', async () => {
    const fn = vi.fn();
    await expect(guardedHandler(Channels.exportFiles, {}, fn)(ours, { files: { '../../.bashrc': 'rm -rf ~' } })).rejects.toThrow(/invalid arguments/);
    expect(fn).not.toHaveBeenCalled();
  });
});
