// The wrapper every ipcMain.handle goes through: refuse senders that are not our page (checklist #17), then
// parse the arguments with the channel's schema; only then call the handler. Electron-free (it takes an
// event-shaped object), so the refusal paths are unit-tested.
import type { InvokeChannel } from './ipc-contract';
import { parseArgs, type ArgOf } from './ipc-schemas';
import { isTrustedUrl, type TrustOptions } from './trusted-url';

export interface SenderEvent {
  senderFrame: { url: string } | null;
}

export class UntrustedSenderError extends Error {
  override name = 'UntrustedSenderError';
}

export function guardedHandler<C extends InvokeChannel, E extends SenderEvent, R>(
  channel: C,
  trust: TrustOptions,
  handler: (arg: ArgOf<C>, event: E) => R | Promise<R>,
): (event: E, ...args: unknown[]) => Promise<R> {
  return async (event, ...args) => {
    let url: string | undefined;
    try {
      url = event.senderFrame?.url;
    } catch {
      url = undefined; // a disposed frame throws on access
    }
    if (!isTrustedUrl(url, trust)) throw new UntrustedSenderError(`${channel}: refused, the sender is not the capsim page`);
    const arg = parseArgs(channel, args);
    return handler(arg, event);
  };
}
