// Capacity and sizing searches: the most load a scenario serves within an SLO (analytic bracket, simulated
// bisection) and the cheapest deployment of a profile that serves a target load with headroom.
export * from './judge';
export * from './capacity-search';
export * from './sizing-candidates';
export * from './sizing-search';
