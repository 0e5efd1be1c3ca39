import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/lint.js';

describe('stack-lint explain-project', () => {
  it('prints each project with its files in -f order, env files and the evidence beside them', async () => {
    const run = await cli(['explain-project'], path.join(FIXTURES, 'stacks/evidence/config'));
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'project shop (compose.prod.yml) — declared in config .stackpolicyrc.yaml:3',
        '  files:      compose.yaml + deploy/compose.prod.yml',
        '  directory:  .',
        '  env files:  deploy/prod.env.example',
        '',
      ].join('\n'),
    );
  });

  it('gives each service its Dockerfile, target and context in JSON', async () => {
    const run = await cli(['explain-project', 'stacks/deadtrees', '-f', 'json'], FIXTURES);
    expect(run.code).toBe(0);
    const { projects } = JSON.parse(run.stdout);
    expect(projects).toHaveLength(1);
    expect(projects[0]).toMatchObject({ files: ['stacks/deadtrees/docker-compose.api.yaml'], source: 'name' });
    expect(projects[0].services.find((s: { name: string }) => s.name === 'api')).toEqual({
      name: 'api',
      dockerfile: 'stacks/deadtrees/api/Dockerfile',
      context: 'stacks/deadtrees',
      evidence: 'stacks/deadtrees/docker-compose.api.yaml:6',
    });
  });

  it('lists the Dockerfiles the repository builds by command, with the context and where the command is', async () => {
    const bake = await cli(['explain-project', '-f', 'json'], path.join(FIXTURES, 'stacks/evidence/bake'));
    expect(bake.code).toBe(0);
    expect(JSON.parse(bake.stdout).builds).toEqual([{ dockerfile: 'app/Dockerfile', context: '.', evidence: 'docker-bake.hcl:5' }]);
    const pretty = await cli(['explain-project'], path.join(FIXTURES, 'stacks/evidence/bake'));
    expect(pretty.stdout).toBe(['built by command (outside compose)', '  Dockerfile app/Dockerfile, context . (docker-bake.hcl:5)', ''].join('\n'));
  });
});
