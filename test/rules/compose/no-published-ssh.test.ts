import { describe, it } from 'vitest';
import noPublishedSsh from '../../../rules/compose/no-published-ssh.js';
import { RuleTester } from '../../../src/testing.js';

const ADVICE = 'a container should not run an SSH server; use docker compose exec to get a shell';

describe('compose/no-published-ssh', () => {
  it('reports container port 22 published in short and long syntax and inside a range', async () => {
    await new RuleTester(noPublishedSsh).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: `services:
  nginx:
    build:
      context: ./nginx/api-conf
    restart: unless-stopped
    ports:
      - 80:80
      - 443:443
      - 2222:22  # SSH access
  tools:
    image: acme/tools:1.2.0
    ports:
      - target: 22
        published: "2200"
      - "127.0.0.1::20-25"
`,
          errors: [
            { line: 9, column: 9, endLine: 9, endColumn: 16, message: `service "nginx" publishes container port 22 (SSH) on host port 2222: ${ADVICE}` },
            { line: 14, column: 20, endLine: 14, endColumn: 26, message: `service "tools" publishes container port 22 (SSH) on host port 2200: ${ADVICE}` },
            { line: 15, column: 9, endLine: 15, endColumn: 27, message: `service "tools" publishes container port 22 (SSH) on a host port Docker picks: ${ADVICE}` },
          ],
        },
      ],
    });
  });

  it('accepts other container ports, UDP, and images whose job is to serve SSH', async () => {
    await new RuleTester(noPublishedSsh).run({
      valid: [
        `services:
  nginx:
    image: nginx:1.27
    ports:
      - 80:80
      - 443:443
      - "2222:2222"
      - "22:8022"    # a web app on host port 22 is not an SSH server in the container
      - "5353:22/udp"
  git:
    image: gitea/gitea:1.22.3
    ports:
      - "2222:22"    # git over SSH is what gitea serves
`,
      ],
    });
  });

  it('takes the SSH-serving images from its options, and reports what an override publishes there', async () => {
    await new RuleTester(noPublishedSsh).run({
      valid: [{ filename: 'compose.yaml', code: 'services:\n  bastion:\n    image: acme/bastion:2.0.0\n    ports: ["2222:22"]\n', options: { allowImages: ['bastion'] } }],
      invalid: [
        {
          filename: 'compose.override.yaml',
          code: 'services:\n  web:\n    ports:\n      - "${SSH_PORT:-2222}:22"\n',
          files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n' },
          errors: [{ line: 4, column: 9, message: `service "web" publishes container port 22 (SSH) on host port 2222: ${ADVICE}` }],
        },
      ],
    });
  });
});
