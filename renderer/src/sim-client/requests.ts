// The renderer's names for sim-core's request map (sim-core/protocol.ts): the app speaks exactly the protocol
// the CLI's worker threads speak. Types only; units as in sim-core.

import type { ArgsOf, FromWorker, Progress, RequestName, ToWorker, WebStackPreview } from '../../../sim-core/index';

export type {
  AnyRunResult, ArgsOf, Headline, LoadOverride, ProviderInfo, ReportArgs, ReportOutput, RequestName, ResultOf, RunLength, SizeArgs, SweepPoint, WorkerError,
} from '../../../sim-core/index';

/** What the analytic preview returns for one load (instant). */
export type PreviewResult = WebStackPreview;
export type ExportArgs = ArgsOf<'export'>;
export type UiProgress = Progress;
export type ToUiWorker = ToWorker;
export type FromUiWorker = FromWorker;

/** A request as the renderer posts it to the worker. */
export interface RequestMessage<K extends RequestName = RequestName> {
  kind: 'request';
  requestId: number;
  name: K;
  args: ArgsOf<K>;
}
