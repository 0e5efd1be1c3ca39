/**
 * Running a check on every environment of a layered project, so that a
 * finding is reported once: plainly when it holds wherever its file is used,
 * and naming the environments otherwise.
 */
import path from 'node:path';
import type { FixDescriptor, ReportDescriptor } from '../../src/core/rule.js';
import type { ComposeProject } from '../../src/parse/compose/project.js';

type Report = (d: ReportDescriptor) => void;

/**
 * Calls `check` on each environment of `project.group` and reports what it
 * finds through `report`. A finding in a file shared by several environments
 * (the base file) that only some of them have says which, e.g.
 * `… (in the "prod" environment: compose.yaml + compose.prod.yaml)`.
 * Every file of the group gets the same findings with the same words, so the
 * engine keeps one copy whichever file is being linted.
 *
 * A fix changes every environment built on the file it edits, so it is kept
 * only when every one of them has the finding and offers that same fix;
 * otherwise (a finding of some environments only, a fix into a file an
 * `extends` or `include` reads) it is offered as a suggestion.
 *
 * Each file of a layered project is linted with the whole group, so without
 * more the group is checked once per file. A `memo` (the rule's id and the
 * parts of its context the check reads, `[id, ctx.options, ctx.settings]`)
 * lets the files that share them share one result per run.
 *
 * `only` keeps some environments out (those not run in production, for the
 * rules about running there): they are neither checked nor named, as if the
 * group had only the others.
 */
export function checkEnvironments(
  project: ComposeProject,
  report: Report,
  check: (project: ComposeProject, report: Report) => void,
  memo?: Memo,
  only?: (env: ComposeProject) => boolean,
): void {
  const all = project.group.length ? project.group : [project];
  const group = only ? all.filter(only) : all;
  if (!group.length) return;
  if (group.length === 1 && group[0]!.files.length === 1) {
    const env = group[0]!;
    check(env, (d) => report(d.fix && !editsOwnFile(env, d) ? demote(d) : d));
    return;
  }
  // Every file of the group is linted with the same environments: with a memo, check them once per run.
  const cached = memo && recall(group[0]!, memo);
  if (cached) {
    cached.forEach(report);
    return;
  }
  const results: ReportDescriptor[] = [];
  checkGroup(group, (d) => results.push(d), check);
  if (memo) remember(group[0]!, memo, results);
  results.forEach(report);
}

/**
 * What a check's findings depend on besides the project: the rule's id and
 * whatever of its context it reads (`[id, ctx.options, ctx.settings]`),
 * compared by identity. Files linted with the same memo share one result.
 */
export type Memo = readonly [string, ...unknown[]];

const memos = new WeakMap<ComposeProject, Map<string, { memo: Memo; results: ReportDescriptor[] }[]>>();

function recall(head: ComposeProject, memo: Memo): ReportDescriptor[] | undefined {
  const hit = memos.get(head)?.get(memo[0])?.find((m) => m.memo.length === memo.length && m.memo.every((v, i) => v === memo[i]));
  return hit?.results;
}

function remember(head: ComposeProject, memo: Memo, results: ReportDescriptor[]): void {
  let byKey = memos.get(head);
  if (!byKey) memos.set(head, (byKey = new Map()));
  const list = byKey.get(memo[0]) ?? [];
  list.push({ memo, results });
  byKey.set(memo[0], list);
}

function checkGroup(group: readonly ComposeProject[], report: Report, check: (project: ComposeProject, report: Report) => void): void {
  if (group.length === 1) {
    const env = group[0]!;
    check(env, (d) => report(d.fix && !editsOwnFile(env, d) ? demote(d) : d));
    return;
  }
  const found = new Map<string, { d: ReportDescriptor; envs: ComposeProject[]; fixes: (string | undefined)[]; anyFix?: FixDescriptor }>();
  for (const env of group) {
    check(env, (d) => {
      const span = d.range ?? d.node;
      const file = d.file?.path ?? d.node?.file?.path ?? env.file.path;
      const key = `${file}\u0000${span?.start}\u0000${span?.end}\u0000${d.message}`;
      const fix = d.fix && editsOwnFile(env, d) ? fixKey(d.fix) : undefined;
      const hit = found.get(key);
      if (!hit) found.set(key, { d, envs: [env], fixes: [fix], ...(d.fix ? { anyFix: d.fix } : {}) });
      else if (!hit.envs.includes(env)) {
        hit.envs.push(env);
        hit.fixes.push(fix);
        hit.anyFix ??= d.fix;
      }
    });
  }
  for (const { d: first, envs, fixes, anyFix } of found.values()) {
    const d = !first.fix && anyFix ? { ...first, fix: anyFix } : first;
    const file = d.file?.path ?? d.node?.file?.path;
    let out = d;
    if (d.fix) {
      const edited = fixedFile(d);
      const touched = group.filter((p) => p.files.some((f) => f.file.path === edited));
      const same = fixes.every((f) => f !== undefined && f === fixes[0]);
      if (!same || !touched.length || touched.some((p) => !envs.includes(p))) out = demote(d);
    }
    const sharing = group.filter((p) => p.files.some((f) => f.file.path === file));
    if (sharing.length <= 1 || envs.length >= sharing.length) report(out);
    else report({ ...out, message: `${d.message} (${describeEnvironments(envs)})` });
  }
}

/** The fix edits one of the environment's own files (not an `extends` or `include` file that other projects read too). */
function editsOwnFile(env: ComposeProject, d: ReportDescriptor): boolean {
  const edited = fixedFile(d);
  return edited === undefined || env.files.some((f) => f.file.path === edited);
}

/** The file a finding's fix edits: its own `file`, else the file reported in. */
const fixedFile = (d: ReportDescriptor): string | undefined => d.fix?.file?.path ?? d.file?.path ?? d.node?.file?.path;

const fixKey = (fix: FixDescriptor): string => JSON.stringify([fix.file?.path, fix.edits]);

/** The finding with its fix offered as a suggestion (never applied by `--fix`). */
function demote(d: ReportDescriptor): ReportDescriptor {
  const { fix, ...rest } = d;
  return fix ? { ...rest, suggestions: [fix, ...(d.suggestions ?? [])] } : d;
}

/** `in the "prod" environment: compose.yaml + compose.prod.yaml`, `in the "dev" and "prod" environments`. */
export function describeEnvironments(envs: readonly ComposeProject[]): string {
  if (envs.length === 1) {
    const e = envs[0]!;
    return `in the "${e.environment}" environment: ${e.files.map((f) => path.basename(f.file.path)).join(' + ')}`;
  }
  const names = envs.map((e) => `"${e.environment}"`);
  return `in the ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} environments`;
}
