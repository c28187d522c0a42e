// Analytic preview of web-stack scenarios: the instant estimate, the sweep for the load chart, the capacity
// bracket, the network it solves, and the buffer hit ratio shared with the runtime.
export type { PreviewMethod, WebStackPreview } from './preview-web-stack';
export { bracketCapacity, EXACT_MVA_BUDGET, PreviewModel, previewWebStack, sweepPreview } from './preview-web-stack';
export type { PreviewCap, PreviewNetwork, PreviewStation, PreviewUtilTerm, StationKind } from './network';
export { buildPreviewNetwork } from './network';
export { bufferHitRatio, bufferHitRatioFor, databaseCacheMb, dbNodeHitRatios, MAX_BUFFER_HIT, SKEW_EXPONENT } from '../derived/buffer-hit-ratio';
