/**
 * Taskfiles (the `task` runner): each task's `cmds` run one by one, each its
 * own shell, in the task's `dir:` (else the Taskfile's folder); `vars:` of
 * the file and of the task are used as `{{.NAME}}`, and `env:` sets the
 * commands' environment.
 */
import path from 'node:path';
import { invocationsIn, UNKNOWN } from './commands.js';
import type { EvidenceItem, EvidenceReader, SourceRun } from './types.js';
import { entries, get, readYaml, scalarLines, str, variablesOf } from './yaml-steps.js';

const TEMPLATE = /\{\{\s*\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}|\{\{[^}]*\}\}/g;

export const taskfileReader: EvidenceReader = {
  name: 'Taskfile',
  globs: ['**/Taskfile.{yml,yaml}', '**/taskfile.{yml,yaml}', '**/Taskfile.dist.{yml,yaml}', '**/taskfile.dist.{yml,yaml}'],
  read(file) {
    const yaml = readYaml(file.text);
    if (!yaml) return [];
    const fileVars = scalarVars(get(yaml.root, 'vars'));
    const fileEnv = variablesOf(get(yaml.root, 'env'));
    const out: (EvidenceItem | SourceRun)[] = [];
    for (const [, task] of entries(get(yaml.root, 'tasks'))) {
      const vars = new Map([...fileVars, ...scalarVars(get(task, 'vars'))]);
      const env = new Map([...fileEnv, ...variablesOf(get(task, 'env'))]);
      const dir = str(get(task, 'dir'));
      const cwd = dir ? path.resolve(path.dirname(file.path), dir.replace(TEMPLATE, (_, name?: string) => (name && vars.get(name)) || UNKNOWN)) : path.dirname(file.path);
      const cmds = get(task, 'cmds');
      const items = cmds && 'items' in cmds && Array.isArray(cmds.items) ? cmds.items : [];
      for (const item of items) {
        // `- docker compose …`, or `- cmd: docker compose …` (a `task:` call runs another task, read on its own).
        const lines = scalarLines(str(item) !== undefined ? item : get(item, 'cmd'), yaml, file.text);
        const expanded = lines.map((l) => ({ line: l.line, text: l.text.replace(TEMPLATE, (_, name?: string) => (name && vars.get(name)) || UNKNOWN) }));
        out.push(...invocationsIn(expanded, { file: file.path, cwd, variables: env, exported: true }));
      }
    }
    return out;
  },
};

/** `vars:` whose values are plain strings (a `sh:` value is computed when the task runs: unknown). */
function scalarVars(node: unknown): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of entries(node)) {
    const text = str(value);
    if (text !== undefined) out.set(name, text);
  }
  return out;
}
