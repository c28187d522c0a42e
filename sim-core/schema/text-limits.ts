// How large and how deep a scenario file may be before it is read at all. These bound the memory and the stack
// that reading a file can take, whatever the file says (sizes in bytes or UTF-16 characters, depth in levels).

/**
 * Largest scenario file, 5 MiB. The largest bundled scenario is ~20 KB, so this is 250× any real one; it is
 * also the desktop shell's IPC limit for scenario text (electron/ipc-schemas.ts), so both paths agree.
 */
export const MAX_SCENARIO_BYTES = 5 * 1024 * 1024;

/**
 * Deepest nesting of objects and arrays, 64 levels. The deepest path a valid scenario has is 6 levels
 * (workload.classes[i].app_cpu_ms.probs[j]); 64 leaves room for anything a later format adds while keeping
 * every recursive walk over the value (the YAML parser, zod, the error formatter) thousands of frames below
 * the stack limit — the YAML parser itself overflows near 780 levels of flow collections.
 */
export const MAX_NESTING = 64;

/**
 * Most values (scalars, objects, arrays) a file may expand to, counting every alias as a full copy of what it
 * refers to: 1,000,000. A 5 MiB file without aliases cannot hold more (each value takes ≥ 4 bytes with its
 * separator and indentation), so only aliases multiplying a node ("billion laughs") can cross it.
 */
export const MAX_VALUES = 1_000_000;
