import { defineRule, isScalar } from '../kit/index.js';

const VALID = /^[a-z0-9][a-z0-9_-]*$/;

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/project-name-valid',
    kind: 'compose',
    category: 'correctness',
    severity: 'error',
    fix: 'none',
    summary: 'A top-level `name` is a valid project name: lower-case letters, digits, `-` and `_`, starting with a letter or digit',
  },
  check(ctx) {
    const node = ctx.compose.root?.get('name');
    if (!isScalar(node) || node.value === null) return;
    const r = ctx.compose.interpolate(node);
    if (r.unset.length || r.errors.length || r.required.length) return;
    const name = r.value;
    if (VALID.test(name)) return;
    const shown = name === String(node.value) ? `"${name}"` : `"${String(node.value)}" (resolves to "${name}")`;
    const lower = name.toLowerCase().replace(/[^a-z0-9_-]/g, '-').replace(/^[^a-z0-9]+/, '');
    const hint = lower && VALID.test(lower) ? `; for example "${lower}"` : '';
    ctx.report({
      node,
      message:
        name === ''
          ? 'the project name is empty; compose needs one of lower-case letters, digits, "-" and "_"'
          : `the project name ${shown} is invalid: compose accepts only lower-case letters, digits, "-" and "_", starting with a letter or digit${hint}`,
    });
  },
});
