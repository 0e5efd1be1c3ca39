import { defineRule, mayContain, type ShNode, walkNodes } from '../kit/index.js';

/** Builtins whose own exit status replaces that of a command substitution in their assignments. */
const DECLARING = new Set(['local', 'export', 'declare', 'typeset', 'readonly']);

export default defineRule<'shell'>({
  meta: {
    id: 'shell/declare-masks-status',
    kind: 'shell',
    category: 'shell',
    severity: 'warning',
    fix: 'none',
    // off in recommended: the official images' RUN bodies are full of `export GNUPGHOME="$(mktemp -d)"`, where a failure is not worth a finding
    recommended: false,
    summary: '`local`, `export`, `declare` and `readonly` do not assign a command substitution, whose failure they would hide',
    runBodies: true,
    compat: { shellcheck: ['SC2155'] },
  },
  check(ctx) {
    if (!mayContain(ctx.shell.root, 'declaration_command')) return;
    walkNodes(ctx.shell.root, (n) => {
      if (n.type !== 'declaration_command' || !DECLARING.has(n.children[0]?.text ?? '')) return;
      const keyword = n.children[0]!.text;
      for (const assignment of n.children.filter((c) => c.type === 'variable_assignment')) {
        const value = assignment.children.find((c) => c.field === 'value');
        const name = assignment.children.find((c) => c.field === 'name');
        if (!value || !name || !substitutes(value)) continue;
        ctx.report({
          node: name,
          message: `"${keyword}" returns its own status, so a failure of the command substitution assigned to ${name.text} goes unnoticed (also under set -e); declare it first, then assign it on a line of its own`,
        });
      }
    });
  },
});

/** The value is, or directly contains, a `$(…)` or backtick substitution (not one nested in `${x:-$(…)}`). */
function substitutes(value: ShNode): boolean {
  if (value.type === 'command_substitution') return true;
  if (value.type !== 'string' && value.type !== 'concatenation') return false;
  return value.children.some(substitutes);
}
