// Finds sim-core modules that land while the app is being built (the web-stack runner, the analytic preview,
// the cost model) by their exported names, so the renderer builds with or without them. Worker-only except
// for the preview, which sim-core keeps pure and cheap enough for the main thread.

export type ModuleMap = Record<string, Record<string, unknown>>;

/** The first exported function called one of `names` in any of the modules. */
export function findExport<T>(modules: ModuleMap, ...names: string[]): T | undefined {
  for (const name of names) {
    for (const mod of Object.values(modules)) {
      if (typeof mod[name] === 'function') return mod[name] as T;
    }
  }
  return undefined;
}
