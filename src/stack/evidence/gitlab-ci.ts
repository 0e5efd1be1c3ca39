/** GitLab CI: each job's `before_script`, `script` and `after_script`, run in the repository root with the `variables` in effect. */
import path from 'node:path';
import { invocationsIn } from './commands.js';
import type { EvidenceItem, EvidenceReader, SourceRun } from './types.js';
import { entries, get, readYaml, scriptLines, variablesOf } from './yaml-steps.js';

const NOT_JOBS = new Set(['variables', 'stages', 'default', 'include', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script']);

export const gitlabCiReader: EvidenceReader = {
  name: 'GitLab CI',
  globs: ['**/.gitlab-ci.yml', '**/.gitlab-ci.yaml'],
  read(file) {
    const yaml = readYaml(file.text);
    if (!yaml) return [];
    const cwd = path.dirname(file.path);
    const global = variablesOf(get(yaml.root, 'variables'));
    const out: (EvidenceItem | SourceRun)[] = [];
    for (const [name, job] of entries(yaml.root)) {
      if (NOT_JOBS.has(name)) continue;
      const variables = new Map([...global, ...variablesOf(get(job, 'variables'))]);
      for (const key of ['before_script', 'script', 'after_script']) {
        out.push(...invocationsIn(scriptLines(get(job, key), yaml, file.text), { file: file.path, cwd, variables, exported: true, ci: true }));
      }
    }
    return out;
  },
};
