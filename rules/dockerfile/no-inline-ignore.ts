import { defineRule } from '../kit/index.js';

interface Options {
  own: boolean;
}

const HADOLINT = /^\s*hadolint\s+(?:global\s+)?ignore=/;
const OURS = /^\s*stack-lint-disable/;

export default defineRule<'dockerfile', Options>({
  meta: {
    id: 'dockerfile/no-inline-ignore',
    kind: 'dockerfile',
    category: 'suppressions',
    severity: 'info',
    fix: 'none',
    summary: 'Dockerfiles carry no inline ignore pragmas (`# hadolint ignore=…`)',
    recommended: false,
    options: {
      type: 'object',
      properties: { own: { type: 'boolean', default: false } },
      additionalProperties: false,
    },
    compat: { hadolint: ['DL1001'] },
  },
  check(ctx) {
    for (const c of ctx.dockerfile.comments) {
      if (HADOLINT.test(c.text)) {
        ctx.report({ range: c, message: 'inline ignore pragma: fix the finding, or record the exception in the configuration where it can be reviewed' });
      } else if (ctx.options.own && OURS.test(c.text)) {
        ctx.report({ range: c, message: 'inline stack-lint-disable comment: fix the finding, or record the exception in the configuration where it can be reviewed' });
      }
    }
  },
});
