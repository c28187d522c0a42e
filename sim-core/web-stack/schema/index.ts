// Scenario format v1 for web stacks: the schema and its parts.
export * from './app-server';
export * from './claims';
export * from './data-tier';
export * from './hardware';
export * from './memory-size';
export * from './nginx';
export * from './web-stack-schema';
export * from './workload';
