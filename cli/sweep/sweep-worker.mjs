// The CLI's worker thread when running from source: registers the TypeScript loader, then starts the worker.
// (The built CLI runs cli/dist/sweep-worker.mjs instead, found by the same relative URL.)
import { register } from 'tsx/esm/api';

register();
await import('./sweep-worker-main.ts');
