import { describe, it } from 'vitest';
import noDockerSocket from '../../../rules/compose/no-docker-socket.js';
import { RuleTester } from '../../../src/testing.js';

const socketProxy = (directive: string) =>
  `services:\n  traefik:\n    image: traefik:3.1\n    environment:\n      DOCKER_HOST: tcp://socket-proxy:2375\n  socket-proxy:\n    image: tecnativa/docker-socket-proxy:0.2.0\n    volumes:\n${directive}      - /var/run/docker.sock:/var/run/docker.sock:ro\n  app:\n    image: acme/app:1.0.0\n    volumes:\n      - ./docker.sock.md:/docs/docker.sock.md:ro\n`;

describe('compose/no-docker-socket', () => {
  it('reports the Docker socket mounted read-write, read-only, in the long syntax and through a default', async () => {
    await new RuleTester(noDockerSocket).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: [
            'services:',
            '  portainer:',
            '    image: portainer/portainer-ce:2.21.0-alpine',
            '    volumes:',
            '      - "/var/run/docker.sock:/var/run/docker.sock"',
            '      - portainer_data:/data',
            '  traefik:',
            '    image: traefik:2.6',
            '    volumes:',
            '      - /var/run/docker.sock:/var/run/docker.sock:ro',
            '  agent:',
            '    image: acme/agent:1.0.0',
            '    volumes:',
            '      - type: bind',
            '        source: ${DOCKER_SOCK:-/run/user/1000/docker.sock}',
            '        target: /var/run/docker.sock',
            'volumes:',
            '  portainer_data:',
            '',
          ].join('\n'),
          errors: [
            {
              line: 5,
              column: 9,
              endLine: 5,
              endColumn: 52,
              message:
                'service "portainer" mounts the container engine socket /var/run/docker.sock, which gives it control of every container and root on the host; if it is needed, suppress this finding with a comment that says why',
            },
            { line: 10, column: 9, endLine: 10, endColumn: 53, message: /^service "traefik" mounts the container engine socket \/var\/run\/docker\.sock \(read-only does not help\)/ },
            { line: 15, column: 17, endLine: 15, endColumn: 59, message: /^service "agent" mounts the container engine socket \/run\/user\/1000\/docker\.sock/ },
          ],
        },
        {
          filename: 'compose.yaml',
          code: socketProxy(''),
          name: 'the socket proxy without its suppression',
          errors: [{ line: 9, column: 9, endLine: 9, endColumn: 53 }],
        },
      ],
    });
  });

  it('accepts a socket proxy whose mount is suppressed with a reason, and files merely named like the socket', async () => {
    await new RuleTester(noDockerSocket).run({
      valid: [socketProxy('      # stack-lint-disable-next-line compose/no-docker-socket -- the proxy exposes only GET /containers to traefik\n')],
    });
  });
});
