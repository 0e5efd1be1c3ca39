import { defineRule } from '../kit/index.js';

/**
 * The ShellCheck bridge. The rule has no `check` (`meta.bridge`): rules stay pure, so the
 * engine runs the `shellcheck` binary once per batch before the rules run
 * (src/engine/shellcheck.ts) and reports each finding as `shellcheck/SC<code>`.
 * This rule turns the bridge on (it is off in `recommended`), carries its
 * options, and its configured severity caps the severity of those findings.
 */
export default defineRule<'shell'>({
  meta: {
    id: 'shell/shellcheck',
    kind: 'shell',
    category: 'shell',
    severity: 'error',
    fix: 'none',
    summary: 'ShellCheck, when installed, finds no problem in scripts and RUN bodies',
    recommended: false,
    runBodies: true,
    bridge: 'shellcheck',
    options: {
      type: 'object',
      properties: {
        minLevel: { enum: ['error', 'warning', 'info', 'style'], default: 'style' },
        exclude: { type: 'array', items: { type: 'string', pattern: '^(?:SC)?[0-9]{4}$' }, default: [] },
        enable: { type: 'array', items: { type: 'string', pattern: '^[a-z0-9-]+$' }, default: [] },
        dockerfiles: { type: 'boolean', default: true },
      },
      additionalProperties: false,
    },
  },
});
