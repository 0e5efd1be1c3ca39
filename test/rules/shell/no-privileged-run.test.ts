import { describe, it } from 'vitest';
import rule from '../../../rules/shell/no-privileged-run.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);
const PRIVILEGED = 'gives the container every capability and the host devices: root in it is root on the host';
const SOCKET = 'mounts the Docker socket, which gives the container full control of the Docker host';
const HOST_NETWORK = 'uses the host network, so the container bypasses network isolation and sees every host interface';

describe('shell/no-privileged-run', () => {
  it('reports --privileged, the Docker socket, host namespaces and broad capabilities at the option, as errors', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'debug.sh',
          code: [
            '#!/bin/sh',
            'set -e',
            'docker run --rm --privileged -v /dev:/dev debug-tools:1.2',
            'docker run -d --name agent -v /var/run/docker.sock:/var/run/docker.sock:ro portainer/agent:2.21',
            'docker run --rm --network host nicolaka/netshoot:v0.13',
            'docker container run --rm --net=host --pid=host --cap-add=SYS_ADMIN alpine:3.20 top',
            'docker run -d --mount type=bind,source=/var/run/docker.sock,target=/var/run/docker.sock traefik:v3.1',
            'docker exec --privileged app sh',
            '',
          ].join('\n'),
          errors: [
            { line: 3, column: 17, endLine: 3, endColumn: 29, message: `docker run --privileged ${PRIVILEGED}`, severity: 'error' },
            { line: 4, column: 28, endLine: 4, endColumn: 75, message: `docker run ${SOCKET}`, severity: 'error' },
            { line: 5, column: 17, endLine: 5, endColumn: 31, message: `docker run ${HOST_NETWORK}`, severity: 'error' },
            { line: 6, column: 27, endLine: 6, endColumn: 37, message: `docker container run ${HOST_NETWORK}`, severity: 'error' },
            {
              line: 6,
              column: 38,
              endLine: 6,
              endColumn: 48,
              message: "docker container run shares the host's process namespace, so the container sees and can signal every host process",
              severity: 'error',
            },
            { line: 6, column: 49, endLine: 6, endColumn: 68, message: 'docker container run adds SYS_ADMIN, which is nearly as powerful as --privileged', severity: 'error' },
            { line: 7, column: 15, endLine: 7, endColumn: 88, message: `docker run ${SOCKET}`, severity: 'error' },
            { line: 8, column: 13, endLine: 8, endColumn: 25, message: `docker exec --privileged ${PRIVILEGED}`, severity: 'error' },
          ],
        },
      ],
    });
  });

  it('accepts ordinary runs, narrow capabilities, --privileged=false and docker build', async () => {
    await tester.run({
      valid: [
        {
          filename: 'run.sh',
          code: [
            '#!/bin/sh',
            'set -e',
            'docker run --rm -v "$PWD":/src -w /src alpine:3.20 ls',
            'docker run -d --network backend -p 127.0.0.1:8080:80 nginx:1.27',
            'docker run --rm --cap-add NET_BIND_SERVICE app:1.0',
            'docker run --rm --privileged=false app:1.0',
            'docker build --network host -t app:1.0 .',
            '',
          ].join('\n'),
        },
      ],
    });
  });
});
