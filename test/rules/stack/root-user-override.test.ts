import { describe, expect, it } from 'vitest';
import rootUserOverride from '../../../rules/stack/root-user-override.js';
import { RuleTester } from '../../../src/testing.js';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'stack/root-user-override';

describe(RULE, () => {
  it('reports user: root and 0:0 over a build target whose image sets an unprivileged USER', async () => {
    const found = await findings(RULE, ['stack/root-user-override/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `stack/root-user-override/bad/compose.yaml:6:11-6:15 ${RULE} service "api" runs as root (user: "root"), overriding the unprivileged USER "appuser" its image sets (Dockerfile:7); a process that is broken into then owns the container, so drop user: or give the non-root user the access it lacks`,
      `stack/root-user-override/bad/compose.yaml:11:11-11:16 ${RULE} service "worker" runs as root (user: "0:0"), overriding the unprivileged USER "appuser" its image sets (Dockerfile:7); a process that is broken into then owns the container, so drop user: or give the non-root user the access it lacks`,
    ]);
  });

  it('accepts a non-root user, root over an image that sets no USER, a user picked at run time and pulled images', async () => {
    expect(await findings(RULE, ['stack/root-user-override/good'])).toEqual([]);
  });

  it('reads the USER of an inline Dockerfile and what an override file sets', async () => {
    const inline = 'services:\n  app:\n    build:\n      dockerfile_inline: |\n        FROM alpine:3.21\n        USER 1000\n';
    await new RuleTester(rootUserOverride).run({
      valid: [{ filename: 'compose.yaml', code: inline }],
      invalid: [
        {
          filename: 'compose.override.yaml',
          code: 'services:\n  app:\n    user: "0"\n',
          files: { 'compose.yaml': inline },
          errors: [{ line: 3, column: 11, message: 'service "app" runs as root (user: "0"), overriding the unprivileged USER "1000" its image sets (line 2 of the inline Dockerfile); a process that is broken into then owns the container, so drop user: or give the non-root user the access it lacks' }],
        },
      ],
    });
  });
});
