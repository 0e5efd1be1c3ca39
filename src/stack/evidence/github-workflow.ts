/**
 * GitHub Actions workflows: `run:` steps (in the repository root, or their
 * `working-directory`), with the workflow's, job's and step's `env:` (so
 * `COMPOSE_FILE: a.yaml:b.yaml` there chooses the files of every plain
 * `docker compose` of the job), variables a step appends to `$GITHUB_ENV`,
 * and `docker/build-push-action` steps (`context`, `file`, `target`).
 */
import path from 'node:path';
import { invocationsIn, UNKNOWN } from './commands.js';
import type { EvidenceItem, EvidenceReader, SourceRun } from './types.js';
import { entries, get, readYaml, scalarLines, str, variablesOf as yamlVariables } from './yaml-steps.js';

const GITHUB_ENV_LINE = /^\s*echo\s+["']?([A-Za-z_][A-Za-z0-9_]*)=.*>>\s*"?\$\{?GITHUB_ENV\}?"?/;

/** `env:` variables, with `${{ … }}` expressions (unknown here) as `*`. */
function variablesOf(node: unknown): Map<string, string> {
  return new Map([...yamlVariables(node)].map(([k, v]) => [k, v.replace(/\$\{\{[^}]*\}\}/g, UNKNOWN)]));
}

export const githubWorkflowReader: EvidenceReader = {
  name: 'GitHub workflow',
  globs: ['**/.github/workflows/*.yml', '**/.github/workflows/*.yaml'],
  read(file) {
    const yaml = readYaml(file.text);
    if (!yaml) return [];
    // .github/workflows/x.yml → the repository root
    const root = path.dirname(path.dirname(path.dirname(file.path)));
    const out: (EvidenceItem | SourceRun)[] = [];
    const workflowEnv = variablesOf(get(yaml.root, 'env'));
    const workflowDir = str(get(get(get(yaml.root, 'defaults'), 'run'), 'working-directory'));
    for (const [, job] of entries(get(yaml.root, 'jobs'))) {
      const jobEnv = new Map([...workflowEnv, ...variablesOf(get(job, 'env'))]);
      const jobDir = str(get(get(get(job, 'defaults'), 'run'), 'working-directory')) ?? workflowDir;
      const steps = get(job, 'steps');
      const appended = new Map<string, string>();
      for (const step of (steps && 'items' in steps ? (steps.items as unknown[]) : [])) {
        const env = new Map([...jobEnv, ...appended, ...variablesOf(get(step, 'env'))]);
        const run = get(step, 'run');
        if (run) {
          const dir = str(get(step, 'working-directory')) ?? jobDir;
          const cwd = dir && !dir.includes('${{') ? path.resolve(root, dir) : root;
          const lines = scalarLines(run, yaml, file.text);
          out.push(...invocationsIn(lines, { file: file.path, cwd, variables: env, exported: true, ci: true, dialect: 'github' }));
          for (const l of lines) {
            const m = GITHUB_ENV_LINE.exec(l.text);
            if (m) appended.set(m[1]!, '');
          }
        }
        const uses = str(get(step, 'uses'));
        if (uses?.startsWith('docker/build-push-action')) {
          const w = get(step, 'with');
          const context = str(get(w, 'context'));
          const dockerfile = str(get(w, 'file'));
          const target = str(get(w, 'target'));
          const local = (p: string | undefined) => (p !== undefined && !p.includes('${{') && !/^[a-z]+:\/\//i.test(p) ? path.resolve(root, p) : undefined);
          // Without `context` the action builds the Git checkout itself: the repository root.
          const ctx = context === undefined ? root : local(context);
          const df = local(dockerfile);
          out.push({ kind: 'build', cwd: root, ...(df ? { dockerfile: df } : {}), ...(ctx ? { context: ctx } : {}), ...(target && !target.includes('${{') ? { target } : {}), at: { file: file.path, line: yaml.lineOf(step as never) } });
        }
      }
    }
    return out;
  },
};
