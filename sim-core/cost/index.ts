// Capacity cost: pricing catalogs and the monthly cost model.
export * from './cost-breakdown';
export * from './cost-per-million';
export * from './headroom-cost';
export * from './monthly-cost';
export * from './monthly-traffic';
export * from './parse-catalog';
export * from './pricing-schema';
