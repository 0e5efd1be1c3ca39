/**
 * How a run is cut into stacks that are linted one after the other, so that
 * each stack's parsed files can be dropped once its rules ran (memory stays
 * flat as the tree grows) while every rule still sees the same files as when
 * the whole run is one stack.
 *
 * The unit is `groupByStack` (a compose file's folder and everything below it,
 * or a file's own folder). Groups are then merged where a rule may look from
 * one into another (`ctx.stack`):
 * - a compose folder nested in another compose folder joins the outer one, so
 *   a compose file's whole folder subtree is in its group;
 * - a compose file naming a path outside its folder (`context: ../api`,
 *   `extends: { file: ../base.yaml }`, an absolute path) joins the groups at
 *   and below that path; a path made of variables (`context: ${DIR}`) is
 *   followed as far as its values can be known: compose takes them from the
 *   `.env` beside the file and from the defaults written in the file
 *   (`${DIR:-../api}`), so the paths of the defaults and of the file's text
 *   interpolated with that `.env` are joined like written ones (a variable
 *   neither sets is unset, and the model then follows no path at all); an
 *   absolute path at or above the compose file's own folder counts only where
 *   a host path goes (`namedOnHost`): `target: /tmp`, `working_dir: /app` are
 *   paths in the container, and would join every group of a run under them;
 * - a script naming a path outside its folder (`docker compose -f ../x.yaml`,
 *   `cd ../deploy`) joins the group that holds that path;
 * - a script without a shebang that no other script of its group sources,
 *   but one elsewhere in the run may (`. ./lib.sh`, `source common.sh`:
 *   matched by file name, as `isSourcedByOther` does), joins one such group
 *   (the rules ask `isSourcedByOther` only about scripts without a shebang);
 * - the files of a project declared in `settings.composeProjects` join the
 *   group of the compose file whose config declares it;
 * - what the repository's own commands run together (`together`, from its
 *   evidence: the files of one `docker compose -f … -f …`, its project
 *   directory, the file that runs it; a `docker build`'s Dockerfile and
 *   context) is one group.
 * The scan is textual and errs on the side of merging: a bigger group gives
 * the same findings, only with more memory held at once.
 */
import path from 'node:path';
import { groupByStack } from '../stack/groups.js';
import { interpolate, parseDotenv } from '../parse/compose/interpolate.js';
import type { FileKind } from '../core/source.js';

export interface PlannedFile {
  path: string;
  kind: FileKind;
}

export interface PlanInput<F extends PlannedFile> {
  files: readonly F[];
  /** The text of each file that could be read. */
  textOf(path: string): string | undefined;
  /** Paths of files declared together in `settings.composeProjects`, with the compose file whose config declares them. */
  declared?: readonly { by: string; files: readonly string[] }[];
  /** The text of the `.env` in a folder, when there is one: where a compose file's variables get their values. */
  dotenvOf?(dir: string): string | undefined;
  /** What the repository's commands run together: files (their groups, or the group of their folder) and folders (with every group below them). */
  together?: readonly { files: readonly string[]; folders?: readonly string[] }[];
  /** Make the whole run one group (e.g. the ShellCheck bridge batches across the run). */
  single?: boolean;
}

/** The groups, each in the order of `files`, ordered by their first file. */
export function planGroups<F extends PlannedFile>(input: PlanInput<F>): F[][] {
  const { files } = input;
  if (input.single || files.length <= 1) return files.length ? [[...files]] : [];
  const byRoot = groupByStack(files);
  const roots = [...byRoot.keys()];
  const composeDirs = new Set(files.filter((f) => f.kind === 'compose').map((f) => path.dirname(f.path)));
  const parent = new Map<string, string>(roots.map((r) => [r, r]));
  const find = (r: string): string => {
    let x = r;
    while (parent.get(x) !== x) x = parent.get(x)!;
    for (let y = r; parent.get(y) !== x; ) {
      const next = parent.get(y)!;
      parent.set(y, x);
      y = next;
    }
    return x;
  };
  const union = (a: string, b: string, why = ''): void => {
    if (process.env.PLAN_DEBUG && find(a) !== find(b)) console.log('union', why, a, '<->', b);
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    // the smaller path wins, so the result does not depend on the order of unions
    if (ra < rb) parent.set(rb, ra);
    else parent.set(ra, rb);
  };
  const groupOf = new Map<string, string>();
  for (const [root, list] of byRoot) for (const f of list) groupOf.set(f.path, root);
  /** The group a file directly inside `dir` belongs to, if that group exists. */
  const owner = (dir: string): string | undefined => {
    for (let d = dir; ; d = path.dirname(d)) {
      if (composeDirs.has(d)) return d;
      if (path.dirname(d) === d) break;
    }
    return byRoot.has(dir) ? dir : undefined;
  };
  /** Groups whose root is `dir` or below it (a binary search in the sorted roots). */
  const sortedRoots = [...roots].sort();
  const under = (dir: string): string[] => {
    const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
    const out = byRoot.has(dir) ? [dir] : [];
    let lo = 0;
    let hi = sortedRoots.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sortedRoots[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sortedRoots.length && sortedRoots[i]!.startsWith(prefix); i++) out.push(sortedRoots[i]!);
    return out;
  };

  // Nested compose folders: into the outermost.
  for (const root of roots) {
    if (!composeDirs.has(root)) continue;
    for (let d = path.dirname(root); path.dirname(d) !== d; d = path.dirname(d)) {
      if (composeDirs.has(d)) union(root, d);
    }
    if (composeDirs.has(path.parse(root).root)) union(root, path.parse(root).root);
  }

  /** File name → the scripts that may source a file of that name. */
  const sourcers = new Map<string, F[]>();
  for (const f of files) {
    const text = input.textOf(f.path);
    if (text === undefined || f.kind === 'dockerfile') continue;
    const dir = path.dirname(f.path);
    const own = groupOf.get(f.path)!;
    if (f.kind === 'compose') {
      for (const target of VARIABLE_PATH.test(text) ? variablePathTokens(text, dir, input.dotenvOf?.(dir)) : pathTokens(text, dir, true)) {
        const targets = looksLikeFile(target) ? [owner(path.dirname(target))] : [owner(target), ...under(target)];
        for (const g of targets) if (g) union(own, g, 'compose-path ' + target);
      }
    } else {
      for (const target of pathTokens(text, dir)) {
        const g = owner(looksLikeFile(target) ? path.dirname(target) : target);
        if (g) union(own, g, 'script-path ' + target);
      }
      for (const name of sourcedNames(text)) {
        const list = sourcers.get(name);
        if (list) list.push(f);
        else sourcers.set(name, [f]);
      }
    }
  }

  // Scripts sourced by name: keep at least one script that sources a file in that file's group.
  for (const f of files) {
    // Only a script without a shebang asks whether it is sourced (shell/shebang, shell/strict-mode).
    if (f.kind !== 'shell' || input.textOf(f.path)?.startsWith('#!') !== false) continue;
    const others = (sourcers.get(path.basename(f.path)) ?? []).filter((s) => s !== f);
    if (!others.length) continue;
    const mine = find(groupOf.get(f.path)!);
    if (others.some((s) => find(groupOf.get(s.path)!) === mine)) continue;
    union(mine, groupOf.get(others[0]!.path)!, 'sourced ' + f.path);
  }

  for (const d of input.declared ?? []) {
    const by = groupOf.get(d.by);
    if (!by) continue;
    for (const f of d.files) {
      const g = groupOf.get(f) ?? owner(path.dirname(f));
      if (g) union(by, g);
    }
  }

  for (const t of input.together ?? []) {
    const gs: string[] = [];
    for (const f of t.files) {
      const g = groupOf.get(f) ?? owner(path.dirname(f));
      if (g) gs.push(g);
    }
    for (const dir of t.folders ?? []) {
      const g = owner(dir);
      if (g) gs.push(g);
      gs.push(...under(dir));
    }
    for (const g of gs.slice(1)) union(gs[0]!, g, 'together');
  }

  const merged = new Map<string, F[]>();
  for (const f of files) {
    const root = find(groupOf.get(f.path)!);
    const list = merged.get(root);
    if (list) list.push(f);
    else merged.set(root, [f]);
  }
  return [...merged.values()];
}

/** A build path made of variables: `context: ${APP_DIR}`, `dockerfile: $DF`. */
const VARIABLE_PATH = /(?:^|[\s{,])(?:context|dockerfile|build|file|path)\s*:\s*["']?[^#\n]*\$/m;

/**
 * Paths in a text that leave its folder: `../x`, `..`, absolute `/x` (resolved against `dir`); whole-line comments are skipped.
 * `compose`: an absolute path at or above `dir` counts only where a compose file names a host path (see `namedOnHost`).
 */
function pathTokens(text: string, dir: string, compose = false): string[] {
  const out = new Set<string>();
  const code = text.replace(COMMENT_LINE, '');
  for (const m of code.matchAll(/(?<![\w.$}/-])(\.\.(?![.\w])(?:\/[^\s'"`;|&)(\]},#:]*)?)/g)) out.add(path.resolve(dir, m[1]!));
  for (const m of code.matchAll(/(?:^|[\s'"=:,[{(])(\/(?!\/)[^\s'"`;|&)(\]},#:*?$]+)/gm)) {
    // Only absolute paths into the linted tree can matter; `/bin/sh`, `/etc/…` are outside it.
    const abs = path.resolve(m[1]!);
    // `target: /tmp`, `working_dir: /app`: a folder above the file's own, named as a path in the container, not on the host.
    if (compose && isAncestor(abs, dir) && !namedOnHost(code, m[1]!)) continue;
    out.add(abs);
  }
  return [...out];
}

const COMMENT_LINE = /^[ \t]*#.*$/gm;

/** `dir` is `p` or below it. */
function isAncestor(p: string, dir: string): boolean {
  return dir === p || dir.startsWith(p.endsWith(path.sep) ? p : p + path.sep);
}

/**
 * Whether a compose text names an absolute path where a host path goes: a
 * build context, Dockerfile, `extends`/`include` file, env file, the source of
 * a bind mount (`/srv/app:/app`, `source: /srv/app`). Container paths
 * (`target: /tmp`, `working_dir: /app`, commands) name no file of the run, and
 * one above the run's folders would join every group of the run.
 */
function namedOnHost(text: string, written: string): boolean {
  written = written.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const host = new RegExp(`(?:(?:context|dockerfile|file|path|build|source|env_file)\\s*:\\s*["']?${written}(?![^\\s'"\\]},#])|(?:^|[\\s'"=,[{(])${written}:)`, 'm');
  return host.test(text);
}

/**
 * The paths of a compose file whose paths hold variables: those written, those
 * in the defaults and alternatives of its `${…}` (`${DIR:-../api}`), and those
 * of its text interpolated with the `.env` of its folder (where compose takes
 * the values from: `${BASE}/api` with `BASE=..`). More than compose would
 * follow, never less.
 */
function variablePathTokens(text: string, dir: string, dotenv: string | undefined): string[] {
  const out = new Set(pathTokens(text, dir, true));
  // `${X:-../a}` → `${X ../a}`: the word after the operator is then read like a written path.
  for (const t of pathTokens(text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*):?[-+?]/g, '$${$1 '), dir, true)) out.add(t);
  const env = dotenv === undefined ? new Map<string, string>() : parseDotenv(dotenv);
  for (const t of pathTokens(interpolate(text, env).value, dir, true)) out.add(t);
  return [...out];
}

/** A path that names a file rather than a folder: its last part has an extension (`compose.yaml`, `lib.sh`, `Dockerfile.dev`) or is a Dockerfile. */
function looksLikeFile(p: string): boolean {
  const name = path.basename(p);
  return /.\.[A-Za-z0-9]+$/.test(name) || /^(?:Dockerfile|Containerfile)/.test(name);
}

/** File names a script may source: every name-like word after `source` or `.` on a line. */
function sourcedNames(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.replace(COMMENT_LINE, '').matchAll(/(?:^|[\s;&|({`!])(?:source|\.)[ \t]+([^\n;&|]*)/g)) {
    for (const w of m[1]!.matchAll(/[\w.+@%-]+/g)) out.add(w[0]);
  }
  // `# shellcheck source=lib/common.sh` names the file a dynamic `source` reads (see src/stack/sourcing.ts)
  for (const m of text.matchAll(/^[ \t]*#[ \t]*shellcheck[ \t].*?\bsource=(\S+)/gm)) out.add(path.basename(m[1]!));
  return out;
}
