import { describe, expect, it } from 'vitest';
import { plansFromRuns } from '../../../src/stack/evidence/plan.js';
import type { ComposeRun } from '../../../src/stack/evidence/types.js';

const files = ['/r/compose.yaml', '/r/compose.override.yaml.example', '/r/ci/base.yaml', '/r/ci/a/compose.yaml', '/r/ci/b/compose.yaml', '/r/docker-compose.override.dev.yml'];
const env = { exists: (p: string) => files.includes(p), yamlFiles: files.filter((f) => /\.ya?ml$/.test(f)) };
const run = (over: Partial<ComposeRun>): ComposeRun => ({ kind: 'compose', cwd: '/r', otherCwds: [], files: [], envFiles: [], profiles: [], variables: [], at: { file: '/r/x.sh', line: 1 }, ...over });

describe('plansFromRuns', () => {
  it('expands a * in a path to every matching YAML file not already named, one project each', () => {
    const plans = plansFromRuns([run({ files: ['compose.yaml', 'ci/base.yaml', '*/compose.yaml'], envFiles: ['ci/base.env'] })], env);
    expect(plans.map((p) => [p.files, p.environment, p.envFiles])).toEqual([
      [['/r/compose.yaml', '/r/ci/base.yaml', '/r/ci/a/compose.yaml'], 'a', ['/r/ci/base.env']],
      [['/r/compose.yaml', '/r/ci/base.yaml', '/r/ci/b/compose.yaml'], 'b', ['/r/ci/base.env']],
    ]);
  });

  it('a plain run loads the base with its override, else with the committed template users copy to it', () => {
    const [plan] = plansFromRuns([run({})], env);
    expect(plan).toMatchObject({ files: ['/r/compose.yaml', '/r/compose.override.yaml.example'], source: 'convention', environment: 'default' });
  });

  it('an override link puts the linked file in the override\'s place', () => {
    const [plan] = plansFromRuns([run({ overrideLink: 'docker-compose.override.dev.yml' })], env);
    expect(plan).toMatchObject({ files: ['/r/compose.yaml', '/r/docker-compose.override.dev.yml'], source: 'invocation', environment: 'dev' });
  });

  it('places a command in the first candidate folder where its files exist, and drops it when there is none', () => {
    const plans = plansFromRuns([run({ cwd: '/r/docs', otherCwds: ['/r'], files: ['ci/base.yaml'] }), run({ files: ['missing.yaml'] })], env);
    expect(plans.map((p) => p.files)).toEqual([['/r/ci/base.yaml']]);
  });

  it('merges commands that run the same files, keeping a name only when they agree', () => {
    const plans = plansFromRuns([run({ files: ['compose.yaml'], projectName: 'a' }), run({ files: ['compose.yaml'], at: { file: '/r/y.sh', line: 2 } })], env);
    expect(plans).toHaveLength(1);
    expect(plans[0]!.name).toBeUndefined();
    expect(plans[0]!.evidence).toEqual([{ file: '/r/x.sh', line: 1 }, { file: '/r/y.sh', line: 2 }]);
  });
});
