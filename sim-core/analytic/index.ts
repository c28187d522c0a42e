// Analytic queueing solvers: the instant preview while the user drags, and the oracle the simulator is tested
// against. Rates are per time unit and times are in that same time unit, whichever the caller uses.

export type { QueueMetrics } from './queue-metrics';
export { mm1, mm1ResponseQuantile } from './mm1';
export { erlangB, erlangC, mmc, mmcWaitQuantile, mmcResponseQuantile } from './erlang-c';
export { mg1 } from './mg1';
export type { ClosedStation, MvaResult, MvaStationResult } from './mva';
export { mva, mvaCurve } from './mva';
export type { LdStation } from './mva-load-dependent';
export { mvaLoadDependent, mvaApproxMultiserver } from './mva-load-dependent';
