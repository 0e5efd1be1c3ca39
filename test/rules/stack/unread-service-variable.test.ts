import { describe, expect, it } from 'vitest';
import unreadServiceVariable from '../../../rules/stack/unread-service-variable.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(unreadServiceVariable);
const TAIL = 'which never reads it and starts no other program that could; drop the variable, or read it in the script';

/** A log-rotation sidecar: a script of base utilities that is the container's whole program. */
const ROTATE = [
  '#!/bin/sh',
  'set -eu',
  ': "${KEEP_DAYS:=7}"',
  'while true; do',
  '  find /logs -name "*.log" -mtime +"$KEEP_DAYS" -delete',
  '  sleep 3600',
  'done',
  '',
].join('\n');

const COMPOSE = (env: string, extra = '') =>
  ['services:', '  rotate:', '    image: alpine:3.21', '    entrypoint: ["/rotate.sh"]', '    volumes:', '      - ./rotate.sh:/rotate.sh:ro', '      - logs:/logs', '    environment:', env, extra, 'volumes:', '  logs: {}', ''].filter((l) => l !== '').join('\n');

describe('stack/unread-service-variable', () => {
  it('is off by default, info', () => {
    expect(unreadServiceVariable.meta.recommended).toBe(false);
    expect(unreadServiceVariable.meta.severity).toBe('info');
  });

  it('reports a variable the mounted entrypoint script, the whole program, never reads', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: COMPOSE('      KEEP_DAYS: "14"\n      LOG_LEVEL: debug'),
          files: { 'rotate.sh': ROTATE },
          errors: [
            {
              line: 10,
              column: 7,
              endLine: 10,
              endColumn: 16,
              message: `service "rotate" sets LOG_LEVEL, but its container runs only rotate.sh (mounted at /rotate.sh, run by its entrypoint:), ${TAIL}`,
            },
          ],
        },
        {
          // list form; the key is reported where it is written
          filename: 'compose.yaml',
          code: COMPOSE('      - KEEP_DAYS=14\n      - RETENTION=30'),
          files: { 'rotate.sh': ROTATE },
          errors: [{ line: 10, column: 9, endLine: 10, endColumn: 18, message: `service "rotate" sets RETENTION, but its container runs only rotate.sh (mounted at /rotate.sh, run by its entrypoint:), ${TAIL}` }],
        },
      ],
    });
  });

  it('follows the image: a script COPYed in and named by ENTRYPOINT, on a base that sets none', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: ['services:', '  rotate:', '    build: .', '    environment:', '      KEEP_DAYS: "14"', '      TOKEN: abc', ''].join('\n'),
          files: {
            Dockerfile: ['FROM alpine:3.21', 'WORKDIR /app', 'COPY rotate.sh .', 'RUN chmod +x rotate.sh', 'ENTRYPOINT ["./rotate.sh"]', ''].join('\n'),
            'rotate.sh': ROTATE,
          },
          errors: [{ line: 6, column: 7, endLine: 6, endColumn: 12, message: `service "rotate" sets TOKEN, but its container runs only rotate.sh (copied to /app/rotate.sh, run by its ENTRYPOINT), ${TAIL}` }],
        },
      ],
    });
  });

  it('stays silent when the script is not the whole program, or something else may read the variable', async () => {
    const files = { 'rotate.sh': ROTATE };
    const env = '      LOG_LEVEL: debug';
    const script = (body: string) => ({ 'rotate.sh': `#!/bin/sh\nset -eu\n${body}\n` });
    await tester.run({
      valid: [
        // read by the script
        { filename: 'compose.yaml', code: COMPOSE('      KEEP_DAYS: "3"'), files },
        // exec "$@": the image's real program runs next
        { filename: 'compose.yaml', code: COMPOSE(env), files: script('mkdir -p /logs\nexec "$@"') },
        // a server or interpreter may read any name
        { filename: 'compose.yaml', code: COMPOSE(env), files: script('exec python /app/rotate.py') },
        { filename: 'compose.yaml', code: COMPOSE(env), files: script('envsubst < /t > /etc/app.conf') },
        { filename: 'compose.yaml', code: COMPOSE(env), files: script('. /etc/app/env.sh\nsleep 1') },
        { filename: 'compose.yaml', code: COMPOSE(env), files: script('eval "echo x"') },
        { filename: 'compose.yaml', code: COMPOSE(env), files: script('env') },
        { filename: 'compose.yaml', code: COMPOSE(env), files: script('export -p > /tmp/env') },
        { filename: 'compose.yaml', code: COMPOSE(env), files: script('for v in ${!LOG@}; do echo "$v"; done') },
        { filename: 'compose.yaml', code: COMPOSE(env), files: script('find /logs -exec gzip {} +') },
        { filename: 'compose.yaml', code: COMPOSE(env), files: script('sh ./other.sh') },
        // names the tools and the runtime read by themselves
        { filename: 'compose.yaml', code: COMPOSE('      TZ: Europe/Paris\n      HTTPS_PROXY: http://proxy:3128\n      NVIDIA_VISIBLE_DEVICES: all'), files },
        // a healthcheck runs in the container with the same environment
        { filename: 'compose.yaml', code: COMPOSE(env, '    healthcheck:\n      test: ["CMD", "pg_isready"]'), files },
        // a base image from a registry may set an ENTRYPOINT that runs first
        {
          filename: 'compose.yaml',
          code: ['services:', '  web:', '    build: .', '    environment:', '      LOG_LEVEL: debug', ''].join('\n'),
          files: { Dockerfile: 'FROM nginx:1.27\nCOPY rotate.sh /rotate.sh\nCMD ["/rotate.sh"]\n', 'rotate.sh': ROTATE },
        },
        // what the path holds is not sure: a named volume over it, a COPY --from, a RUN that rewrites it
        {
          filename: 'compose.yaml',
          code: ['services:', '  rotate:', '    build: .', '    volumes: ["tools:/opt"]', '    environment:', '      LOG_LEVEL: debug', 'volumes:', '  tools: {}', ''].join('\n'),
          files: { Dockerfile: 'FROM alpine:3.21\nCOPY rotate.sh /opt/rotate.sh\nENTRYPOINT ["/opt/rotate.sh"]\n', 'rotate.sh': ROTATE },
        },
        {
          filename: 'compose.yaml',
          code: ['services:', '  rotate:', '    build: .', '    environment:', '      LOG_LEVEL: debug', ''].join('\n'),
          files: { Dockerfile: 'FROM alpine:3.21 AS tools\nFROM alpine:3.21\nCOPY rotate.sh /rotate.sh\nCOPY --from=tools /etc/motd /rotate.sh\nENTRYPOINT ["/rotate.sh"]\n', 'rotate.sh': ROTATE },
        },
        {
          filename: 'compose.yaml',
          code: ['services:', '  rotate:', '    build: .', '    environment:', '      LOG_LEVEL: debug', ''].join('\n'),
          files: { Dockerfile: 'FROM alpine:3.21\nCOPY rotate.sh /rotate.sh\nRUN echo "exec crond -f" >> /rotate.sh\nENTRYPOINT ["/rotate.sh"]\n', 'rotate.sh': ROTATE },
        },
        // an anchor several services share
        {
          filename: 'compose.yaml',
          code: [
            'x-env: &env',
            '  LOG_LEVEL: debug',
            'services:',
            '  rotate:',
            '    image: alpine:3.21',
            '    entrypoint: ["/rotate.sh"]',
            '    volumes: ["./rotate.sh:/rotate.sh:ro"]',
            '    environment: *env',
            '  api:',
            '    image: acme/api:1.0',
            '    environment: *env',
            '',
          ].join('\n'),
          files,
        },
        // another container reads containers' environment through the engine
        {
          filename: 'compose.yaml',
          code: COMPOSE(env, '  proxy:\n    image: nginxproxy/nginx-proxy:1.6\n    volumes: ["/var/run/docker.sock:/tmp/docker.sock:ro"]'),
          files,
        },
        // a sh -c string is not a script file the stack resolves
        { filename: 'compose.yaml', code: ['services:', '  t:', '    image: alpine:3.21', '    command: ["sh", "-c", "sleep 1"]', '    environment:', '      A: b', ''].join('\n') },
      ],
    });
  });

  it('stays silent when a script runs `docker compose exec` in the service', async () => {
    await tester.run({
      valid: [
        {
          filename: 'compose.yaml',
          code: COMPOSE('      PGPASSWORD: x'),
          files: { 'rotate.sh': ROTATE, 'scripts/psql.sh': '#!/bin/sh\ndocker compose exec rotate psql\n' },
        },
      ],
    });
  });
});
