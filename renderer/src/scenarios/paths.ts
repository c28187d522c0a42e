// Paths into scenario objects: the same "a.b[0].c" strings sim-core's validation issues use, and immutable
// get/set along them.

export type PathKey = (string | number)[];

export function pathString(path: PathKey): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${key}` : key;
  }
  return out || '(root)';
}

export function getAt(obj: unknown, path: PathKey): unknown {
  let cur: unknown = obj;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

/** A copy of obj with value at path (undefined deletes the key); copies only along the path. */
export function setAt<T>(obj: T, path: PathKey, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  const src = (obj ?? (typeof head === 'number' ? [] : {})) as Record<string | number, unknown>;
  const copy = (Array.isArray(src) ? [...src] : { ...src }) as Record<string | number, unknown>;
  const next = setAt(src[head], rest, value);
  if (next === undefined && !Array.isArray(copy)) delete copy[head];
  else copy[head] = next;
  return copy as T;
}
