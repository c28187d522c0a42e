// Argument schemas for every invoke channel (zod). ipc.ts parses with these before any handler runs, so a
// handler only ever sees well-formed, size-bounded plain data; anything else is rejected with an error.
import { z } from 'zod';
import { Channels, type InvokeChannel } from './ipc-contract';
import { exportNameProblem } from './export-plan';

const MB = 1024 * 1024;
/** Scenario files and sessions are text of modest size; reports carry inline SVG charts. */
export const LIMITS = { scenarioChars: 5 * MB, sessionChars: 10 * MB, reportChars: 20 * MB, exportFiles: 200, exportChars: 20 * MB, pathChars: 4096, nameChars: 255 } as const;

const fileName = z
  .string()
  .min(1)
  .max(LIMITS.nameChars)
  .refine((s) => !/[\\/\0]/.test(s) && s !== '.' && s !== '..', 'must be a plain file name');
const absPath = z.string().min(1).max(LIMITS.pathChars).refine((s) => !s.includes('\0'), 'must not contain NUL');

export const OpenRecentArgs = z.strictObject({ path: absPath });
export const SaveArgs = z.strictObject({ path: absPath.optional(), text: z.string().max(LIMITS.scenarioChars), name: fileName });
export const SaveAsArgs = z.strictObject({ text: z.string().max(LIMITS.scenarioChars), name: fileName });
export const ExportArgs = z.strictObject({
  files: z
    .record(z.string(), z.string())
    .superRefine((files, ctx) => {
      const names = Object.keys(files);
      if (names.length === 0) ctx.addIssue({ code: 'custom', message: 'no files to export' });
      if (names.length > LIMITS.exportFiles) ctx.addIssue({ code: 'custom', message: `more than ${LIMITS.exportFiles} files` });
      let chars = 0;
      for (const name of names) {
        const problem = exportNameProblem(name);
        if (problem) ctx.addIssue({ code: 'custom', message: `${JSON.stringify(name)}: ${problem}` });
        chars += (files[name] ?? '').length;
      }
      if (chars > LIMITS.exportChars) ctx.addIssue({ code: 'custom', message: 'export too large' });
    }),
});
export const ReportArgs = z.strictObject({ html: z.string().min(1).max(LIMITS.reportChars), suggestedName: fileName });
export const AutosaveArgs = z.strictObject({ text: z.string().max(LIMITS.sessionChars) });

/** The schema of each channel's single argument; `null` for channels that take none. */
export const ArgSchemas = {
  [Channels.openScenario]: null,
  [Channels.openRecent]: OpenRecentArgs,
  [Channels.saveScenario]: SaveArgs,
  [Channels.saveAs]: SaveAsArgs,
  [Channels.recentFiles]: null,
  [Channels.exportFiles]: ExportArgs,
  [Channels.printReportToPdf]: ReportArgs,
  [Channels.autosave]: AutosaveArgs,
  [Channels.restoreSession]: null,
} as const satisfies Record<InvokeChannel, z.ZodType | null>;

export type ArgOf<C extends InvokeChannel> = (typeof ArgSchemas)[C] extends z.ZodType ? z.output<(typeof ArgSchemas)[C]> : undefined;

export class InvalidArgumentsError extends Error {
  override name = 'InvalidArgumentsError';
}

/** Validates the raw `...args` of an invoke: at most one argument, matching the channel's schema. Throws InvalidArgumentsError. */
export function parseArgs<C extends InvokeChannel>(channel: C, args: unknown[]): ArgOf<C> {
  const schema: z.ZodType | null = ArgSchemas[channel];
  if (schema === null) {
    if (args.length > 0) throw new InvalidArgumentsError(`${channel}: takes no arguments`);
    return undefined as ArgOf<C>;
  }
  if (args.length !== 1) throw new InvalidArgumentsError(`${channel}: expects exactly one argument`);
  const r = schema.safeParse(args[0]);
  if (!r.success) {
    const detail = r.error.issues.slice(0, 5).map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
    throw new InvalidArgumentsError(`${channel}: invalid arguments (${detail.join('; ')})`);
  }
  return r.data as ArgOf<C>;
}
