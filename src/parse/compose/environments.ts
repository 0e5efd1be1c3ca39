/**
 * Running a check on every environment of a layered project, so that a
 * finding is reported once: plainly when it holds wherever its file is used,
 * and naming the environments otherwise.
 */
import path from 'node:path';
import type { ReportDescriptor } from '../../engine/rule.js';
import type { ComposeProject } from './project.js';

type Report = (d: ReportDescriptor) => void;

/**
 * Calls `check` on each environment of `project.group` and reports what it
 * finds through `report`. A finding in a file shared by several environments
 * (the base file) that only some of them have says which, e.g.
 * `… (in the "prod" environment: compose.yaml + compose.prod.yaml)`.
 * Every file of the group gets the same findings with the same words, so the
 * engine keeps one copy whichever file is being linted.
 */
export function checkEnvironments(project: ComposeProject, report: Report, check: (project: ComposeProject, report: Report) => void): void {
  const group = project.group.length ? project.group : [project];
  if (group.length === 1) {
    check(group[0]!, report);
    return;
  }
  const found = new Map<string, { d: ReportDescriptor; envs: ComposeProject[] }>();
  for (const env of group) {
    check(env, (d) => {
      const span = d.range ?? d.node;
      const file = d.file?.path ?? d.node?.file?.path ?? env.file.path;
      const key = `${file}\u0000${span?.start}\u0000${span?.end}\u0000${d.message}`;
      const hit = found.get(key);
      if (!hit) found.set(key, { d, envs: [env] });
      else if (!hit.envs.includes(env)) hit.envs.push(env);
    });
  }
  for (const { d, envs } of found.values()) {
    const file = d.file?.path ?? d.node?.file?.path;
    const sharing = group.filter((p) => p.files.some((f) => f.file.path === file));
    if (sharing.length <= 1 || envs.length >= sharing.length) report(d);
    else report({ ...d, message: `${d.message} (${describeEnvironments(envs)})` });
  }
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
