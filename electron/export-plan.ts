// Where exported files go: each of the export's own names (export-names.ts) inside the chosen folder, and what
// is already there — refused if a target or its sub-folder is a symbolic link (never followed) or of the wrong
// type, listed when it is a file that would be replaced.
import { lstat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { exportNameProblem } from './export-names';

export { exportNameProblem } from './export-names';

export interface PlannedFile {
  name: string;
  target: string;
  content: string;
}

export interface ExportPlan {
  dir: string;
  files: PlannedFile[];
  /** Names of the files that exist and will be replaced. */
  replaced: string[];
  /** Sub-folders (k8s, systemd) that do not exist yet and will be created. */
  newFolders: string[];
}

/** Absolute targets inside dir for every file, sorted; throws if a name is not one the export has. */
export function planExport(dir: string, files: Record<string, string>): PlannedFile[] {
  const root = resolve(dir);
  return Object.keys(files)
    .sort()
    .map((name) => {
      const problem = exportNameProblem(name);
      if (problem) throw new Error(`refusing to export ${JSON.stringify(name)}: ${problem}`);
      return { name, target: join(root, ...name.split('/')), content: files[name] ?? '' };
    });
}

async function lstatOrNull(path: string) {
  try {
    return await lstat(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** The plan with what the folder holds already; throws on a symbolic link or a target of the wrong type. */
export async function inspectExport(dir: string, files: Record<string, string>): Promise<ExportPlan> {
  const root = resolve(dir);
  const plan = planExport(root, files);
  const replaced: string[] = [];
  const newFolders = new Set<string>();
  const seenFolders = new Map<string, boolean>();
  for (const f of plan) {
    const parent = dirname(f.target);
    if (parent !== root && !seenFolders.has(parent)) {
      const info = await lstatOrNull(parent);
      if (info?.isSymbolicLink()) throw new Error(`refusing to export into ${parent}: it is a symbolic link (links are not followed)`);
      if (info && !info.isDirectory()) throw new Error(`refusing to export into ${parent}: it is a file, not a folder`);
      seenFolders.set(parent, !!info);
      if (!info) newFolders.add(parent);
    }
    if (!seenFolders.get(parent) && parent !== root) continue;
    const info = await lstatOrNull(f.target);
    if (!info) continue;
    if (info.isSymbolicLink()) throw new Error(`refusing to replace ${f.target}: it is a symbolic link (links are not followed)`);
    if (!info.isFile()) throw new Error(`refusing to replace ${f.target}: it is not a regular file`);
    replaced.push(f.name);
  }
  return { dir: root, files: plan, replaced, newFolders: [...newFolders] };
}
