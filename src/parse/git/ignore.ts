/**
 * Whether git ignores a path, from the ignore files a repository holds:
 * `.git/info/exclude` and every `.gitignore` from the top folder down, each
 * read relative to its own folder, as git applies them: a deeper file's
 * patterns win over a higher one's, `.gitignore`s over `info/exclude`, the last
 * matching line of a file wins (`!` re-includes), and a path inside an
 * ignored folder is ignored whatever a pattern says of the path itself (git
 * never looks inside the folder, nor reads the `.gitignore` there). The
 * patterns themselves are matched by the `ignore` package, which follows git's
 * pattern syntax. The user's global excludes file (`core.excludesFile`) lies
 * outside the repository and is not consulted.
 */
import ignore, { type Ignore } from 'ignore';

export interface IgnoreFile {
  /** The folder the file applies to, relative to the repository's top folder, slash-separated (`''` for the top). */
  readonly dir: string;
  readonly text: string;
}

export interface GitIgnore {
  /** Whether a path (relative to the top folder, slash-separated) is ignored; `dir` for a folder; undefined when the path cannot be matched. */
  ignores(rel: string, dir?: boolean): boolean | undefined;
}

const FOLDED_CASE = process.platform === 'darwin' || process.platform === 'win32';

/** A matcher from the ignore files, lowest precedence first (`info/exclude`, then `.gitignore`s from the top down). */
export function gitIgnore(files: readonly IgnoreFile[]): GitIgnore {
  const levels = files.map((f) => ({ dir: f.dir.replace(/^\/+|\/+$/g, ''), matcher: ignore({ ignorecase: FOLDED_CASE, allowRelativePaths: false }).add(f.text) as Ignore }));
  const decide = (rel: string, dir: boolean): boolean => {
    let ignored = false;
    for (const level of levels) {
      const prefix = level.dir === '' ? '' : `${level.dir}/`;
      if (!rel.startsWith(prefix) || rel === level.dir) continue;
      const sub = rel.slice(prefix.length);
      const r = level.matcher.test(dir ? `${sub}/` : sub);
      if (r.ignored) ignored = true;
      else if (r.unignored) ignored = false;
    }
    return ignored;
  };
  return {
    ignores(rel, dir = false) {
      const parts = rel.split('/').filter((p) => p !== '' && p !== '.');
      if (!parts.length || parts.includes('..')) return undefined;
      try {
        for (let i = 1; i < parts.length; i++) if (decide(parts.slice(0, i).join('/'), true)) return true;
        return decide(parts.join('/'), dir);
      } catch {
        // The matcher refuses paths it cannot read as relative ones.
        return undefined;
      }
    },
  };
}
