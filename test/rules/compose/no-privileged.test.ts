import { describe, it } from 'vitest';
import noPrivileged from '../../../rules/compose/no-privileged.js';
import { RuleTester } from '../../../src/testing.js';

describe('compose/no-privileged', () => {
  it('reports privileged: true (also through a default), ALL and SYS_ADMIN capabilities and unconfined security options', async () => {
    await new RuleTester(noPrivileged).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: `services:
  dind:
    image: docker:27-dind
    privileged: true
  tools:
    image: acme/tools:1.0.0
    cap_add:
      - NET_ADMIN
      - ALL
  debugger:
    image: acme/debugger:1.0.0
    cap_add: [CAP_SYS_ADMIN]
    security_opt:
      - seccomp:unconfined
      - apparmor=unconfined
      - label:disable
  flag:
    image: acme/flag:1.0.0
    privileged: "\${PRIVILEGED:-true}"
`,
          errors: [
            {
              line: 4,
              column: 17,
              endLine: 4,
              endColumn: 21,
              message: 'service "dind" runs privileged: every device and capability of the host, no seccomp or AppArmor; add only the capabilities or devices it needs',
            },
            { line: 9, column: 9, endLine: 9, endColumn: 12 },
            {
              line: 12,
              column: 15,
              endLine: 12,
              endColumn: 28,
              message: 'service "debugger" adds capability SYS_ADMIN, which is as good as privileged; add the narrow capabilities it needs instead',
            },
            {
              line: 14,
              column: 9,
              endLine: 14,
              endColumn: 27,
              message: 'service "debugger" sets security_opt seccomp:unconfined, removing a kernel confinement every container gets by default',
            },
            { line: 15, column: 9, endLine: 15, endColumn: 28 },
            { line: 16, column: 9, endLine: 16, endColumn: 22 },
            { line: 19, column: 17, endLine: 19, endColumn: 38 },
          ],
        },
      ],
    });
  });

  it('accepts narrow capabilities, privileged: false and custom profiles', async () => {
    await new RuleTester(noPrivileged).run({
      valid: [
        `services:
  pihole:
    image: pihole/pihole:2024.07.0
    cap_add:
      - NET_ADMIN
  app:
    image: acme/app:1.0.0
    privileged: false
    cap_drop: [ALL]
    security_opt:
      - no-new-privileges:true
      - seccomp:./seccomp.json
`,
      ],
    });
  });
  it('reports what a service inherits through extends.file in the file that says it, whatever that file is named', async () => {
    await new RuleTester(noPrivileged).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: `services:
  web:
    extends:
      file: ci/common.yml
      service: base
    image: acme/web:1.0.0
`,
          // ci/common.yml is compose because compose.yaml extends it; its template "base" never runs on its own.
          files: { 'ci/common.yml': 'services:\n  base:\n    privileged: true\n' },
          errors: [
            {
              file: 'ci/common.yml',
              line: 3,
              column: 17,
              endLine: 3,
              endColumn: 21,
              message: 'service "web" runs privileged: every device and capability of the host, no seccomp or AppArmor; add only the capabilities or devices it needs',
            },
          ],
        },
      ],
    });
  });
});
