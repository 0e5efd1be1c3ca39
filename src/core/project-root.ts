import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors.js';

/**
 * The folder a run may read in. Compose files, env files and scripts of the
 * checkout name other paths (`include`, `extends.file`, `env_file`, secrets'
 * `file`, build contexts); one that leads out of the project
 * (`../../../etc/passwd`, an absolute path, a symlink to elsewhere) is never
 * opened, listed or looked at, so no finding can tell whether it exists.
 * Every read of the compose loader and of the stack's resources asks
 * `contains` first; the `compose/reference-outside-project` rule reports such
 * references with the same test.
 */
export class ProjectRoot {
  private readonly real: string;
  private readonly realPaths = new Map<string, string>();

  constructor(readonly dir: string) {
    this.real = realOrSelf(dir);
  }

  /**
   * Whether a path lies inside the project: written inside it, and, where it
   * exists, still inside once its symlinks are followed (the nearest existing
   * folder above it, for a path not there).
   */
  contains(abs: string): boolean {
    return isWithin(this.dir, abs) && isWithin(this.real, this.realPath(abs));
  }

  private realPath(abs: string): string {
    let hit = this.realPaths.get(abs);
    if (hit === undefined) {
      try {
        hit = realpathSync.native(abs);
      } catch {
        const parent = path.dirname(abs);
        hit = parent === abs ? abs : path.join(this.realPath(parent), path.basename(abs));
      }
      this.realPaths.set(abs, hit);
    }
    return hit;
  }
}

function isWithin(dir: string, abs: string): boolean {
  const rel = path.relative(dir, abs);
  return rel === '' || (!path.isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${path.sep}`));
}

function realOrSelf(dir: string): string {
  try {
    return realpathSync.native(dir);
  } catch {
    return dir;
  }
}

/**
 * The project root of a run: `--project-root` when given; else the repository
 * root (the nearest folder holding `.git`) above the linted files; else, with
 * no repository, the current folder, or the linted files' common folder when
 * they lie outside it.
 */
export function findProjectRoot(cwd: string, files: readonly string[], given?: string): string {
  if (given !== undefined) {
    const dir = path.resolve(cwd, given);
    let isDir = false;
    try {
      isDir = statSync(dir).isDirectory();
    } catch {
      // reported below
    }
    if (!isDir) throw new UsageError(`--project-root: no such folder: ${given}`);
    return dir;
  }
  const common = commonFolder(files.length ? files.map((f) => path.dirname(f)) : [cwd]);
  for (let d = common; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) break;
  }
  return isWithin(cwd, common) ? cwd : common;
}

function commonFolder(dirs: readonly string[]): string {
  let common = dirs[0]!;
  for (const d of dirs.slice(1)) while (!isWithin(common, d)) common = path.dirname(common);
  return common;
}
