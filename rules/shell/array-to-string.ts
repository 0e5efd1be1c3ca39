import { defineRule, mayContain, type ShNode, walkNodes } from '../kit/index.js';

export default defineRule<'shell'>({
  meta: {
    id: 'shell/array-to-string',
    kind: 'shell',
    category: 'shell',
    severity: 'warning',
    fix: 'none',
    summary: 'A plain variable is not assigned `$@` or `${arr[@]}`: the elements are joined with spaces and their boundaries lost',
    runBodies: true,
    compat: { shellcheck: ['SC2124'] },
  },
  check(ctx) {
    if (!mayContain(ctx.shell.root, 'variable_assignment')) return;
    walkNodes(ctx.shell.root, (n) => {
      if (n.type !== 'variable_assignment') return;
      const name = n.children.find((c) => c.field === 'name');
      const value = n.children.find((c) => c.field === 'value');
      if (name?.type !== 'variable_name' || !value || value.type === 'array') return;
      const list = listExpansion(value);
      if (!list) return;
      ctx.report({
        node: value,
        message: `${name.text}=${value.text} joins the elements of ${list.text} into one string, so arguments with blanks cannot be told apart later; assign an array (${name.text}=("$@")) and expand it as "\${${name.text}[@]}", or use ${list.text.replace('@', '*')} to join on purpose`,
      });
    });
  },
});

/** The first `$@`, `${@…}` or `${arr[@]…}` in the value, outside command substitutions. */
function listExpansion(n: ShNode): ShNode | undefined {
  if (n.type === 'command_substitution' || n.type === 'arithmetic_expansion' || n.type === 'process_substitution') return undefined;
  if (n.type === 'simple_expansion' && n.children.some((c) => c.type === 'special_variable_name' && c.text === '@')) return n;
  if (n.type === 'expansion') {
    const inner = n.children.filter((c) => c.type !== '${' && c.type !== '}');
    const first = inner[0];
    if (first?.type === 'special_variable_name' && first.text === '@') return n;
    if (first?.type === 'subscript' && first.children.find((c) => c.field === 'index')?.text === '@') return n;
    return undefined;
  }
  if (n.type !== 'string' && n.type !== 'concatenation') return undefined;
  for (const c of n.children) {
    const found = listExpansion(c);
    if (found) return found;
  }
  return undefined;
}
