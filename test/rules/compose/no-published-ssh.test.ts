import { describe, expect, it } from 'vitest';
import noPublishedSsh from '../../../rules/compose/no-published-ssh.js';
import { RuleTester } from '../../../src/testing.js';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/no-published-ssh';

describe(RULE, () => {
  it('reports container port 22 published in short and long syntax and inside a range', async () => {
    const found = await findings(RULE, ['compose/no-published-ssh/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'compose/no-published-ssh/bad/compose.yaml:9:9-9:16 compose/no-published-ssh service "nginx" publishes container port 22 (SSH) on host port 2222: a container should not run an SSH server; use docker compose exec to get a shell',
      'compose/no-published-ssh/bad/compose.yaml:14:20-14:26 compose/no-published-ssh service "tools" publishes container port 22 (SSH) on host port 2200: a container should not run an SSH server; use docker compose exec to get a shell',
      'compose/no-published-ssh/bad/compose.yaml:15:9-15:27 compose/no-published-ssh service "tools" publishes container port 22 (SSH) on a host port Docker picks: a container should not run an SSH server; use docker compose exec to get a shell',
    ]);
  });

  it('accepts other container ports, UDP, and images whose job is to serve SSH', async () => {
    expect(await findings(RULE, ['compose/no-published-ssh/good'])).toEqual([]);
  });

  it('takes the SSH-serving images from its options, and reports what an override publishes there', async () => {
    await new RuleTester(noPublishedSsh).run({
      valid: [{ filename: 'compose.yaml', code: 'services:\n  bastion:\n    image: acme/bastion:2.0.0\n    ports: ["2222:22"]\n', options: { allowImages: ['bastion'] } }],
      invalid: [
        {
          filename: 'compose.override.yaml',
          code: 'services:\n  web:\n    ports:\n      - "${SSH_PORT:-2222}:22"\n',
          files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n' },
          errors: [{ line: 4, column: 9, message: 'service "web" publishes container port 22 (SSH) on host port 2222: a container should not run an SSH server; use docker compose exec to get a shell' }],
        },
      ],
    });
  });
});
