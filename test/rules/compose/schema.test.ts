import { describe, it } from 'vitest';
import schema from '../../../rules/compose/schema.js';
import { RuleTester } from '../../../src/testing.js';

describe('compose/schema', () => {
  it('reports every schema error at its node, in words, with the key path', async () => {
    await new RuleTester(schema).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: `x-common: &common
  restrat: unless-stopped
services:
  web:
    <<: *common
    image: nginx:1.27
    ports:
      - "8080:80"
      - target: 80
        published: 8081
        protocl: tcp
      - [443]
    environment:
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost"]
      interval: 30
      timeout: 10x
    depends_on:
      db:
        required: true
    cap_add: [NET_ADMIN, NET_ADMIN]
  "my app":
    image: busybox:1.37
  db:
    image: postgres:16.4
    cpu_count: -1
    pull_policy: sometimes
networks:
  back:
    driver: bridge
    internl: true
`,
          errors: [
            { line: 2, column: 3, endLine: 2, endColumn: 10, message: 'unknown key "restrat" in services.web; did you mean "restart"?' },
            { line: 11, column: 9, endLine: 11, endColumn: 16, message: 'unknown key "protocl" in services.web.ports[1]; did you mean "protocol"?' },
            { line: 12, column: 9, endLine: 12, endColumn: 14, message: 'services.web.ports[2] must be a number, a string or a mapping, not a list' },
            { line: 13, column: 5, endLine: 13, endColumn: 16, message: 'services.web.environment must be a mapping or a list, not empty' },
            { line: 16, column: 17, endLine: 16, endColumn: 19, message: 'services.web.healthcheck.interval must be a duration with a unit, like "30s" or "1m30s", not the number 30' },
            { line: 17, column: 16, endLine: 17, endColumn: 19, message: 'services.web.healthcheck.timeout must be a duration with a unit, like "30s" or "1m30s", not the string "10x"' },
            { line: 19, column: 7, endLine: 19, endColumn: 9, message: 'services.web.depends_on.db needs "condition"' },
            { line: 21, column: 26, endLine: 21, endColumn: 35, message: 'services.web.cap_add lists the string "NET_ADMIN" twice (items 0 and 1); each must be unique' },
            { line: 22, column: 3, endLine: 22, endColumn: 11, message: '"my app" is not a valid service name: use only letters, digits, ".", "_" and "-"' },
            { line: 26, column: 16, endLine: 26, endColumn: 18, message: 'services.db.cpu_count must be at least 0, not the number -1' },
            {
              line: 27,
              column: 18,
              endLine: 27,
              endColumn: 27,
              message:
                'services.db.pull_policy must be always, never, missing, build, if_not_present, refresh, daily, weekly or every_<duration> (every_12h), not the string "sometimes"',
            },
            { line: 31, column: 5, endLine: 31, endColumn: 12, message: 'unknown key "internl" in networks.back; did you mean "internal"?' },
          ],
        },
      ],
    });
  });

  it('validates after interpolation, accepts extension keys, and leaves unknowable values alone', async () => {
    await new RuleTester(schema).run({
      valid: [
        `x-defaults: &defaults
  restart: unless-stopped
services:
  web:
    <<: *defaults
    image: nginx:1.27
    ports:
      - "\${WEB_PORT:-8080}:80"
      - target: 80
        published: "\${TLS_PORT:-8443}"
        x-note: extension keys are allowed here too
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost"]
      interval: 1m30s
      timeout: \${HC_TIMEOUT:-10s}
      retries: "3"
    stop_grace_period: \${GRACE}
    privileged: "\${PRIVILEGED:-false}"
    depends_on:
      db:
        condition: service_healthy
    deploy:
      replicas: 2
      restart_policy:
        delay: 5s
  db:
    image: postgres:16.4
networks:
  back:
x-notes: free-form
`,
      ],
    });
  });

  it('leaves out what !reset removes and validates what !override keeps', async () => {
    await new RuleTester(schema).run({
      valid: [
        {
          filename: 'compose.override.yaml',
          code: 'services:\n  web:\n    ports: !reset []\n    build: !reset null\n    healthcheck: !reset\n    environment: !override\n      LOG_LEVEL: debug\n',
          files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    build: .\n    ports: ["8080:80"]\n' },
        },
      ],
    });
  });
});
