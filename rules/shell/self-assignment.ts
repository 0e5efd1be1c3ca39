import { defineRule, mayContain, type ShNode, walkNodes } from '../kit/index.js';

export default defineRule<'shell'>({
  meta: {
    id: 'shell/self-assignment',
    kind: 'shell',
    category: 'shell',
    severity: 'info',
    fix: 'none',
    summary: 'A variable is not assigned its own value (`x=$x`), which does nothing',
    runBodies: true,
    compat: { shellcheck: ['SC2269'] },
  },
  check(ctx) {
    if (!mayContain(ctx.shell.root, 'variable_assignment')) return;
    walkNodes(ctx.shell.root, (n) => {
      if (n.type !== 'variable_assignment') return;
      // `local x=$x` and `declare x=$x` make a local copy: not a no-op
      if (n.parent?.type === 'declaration_command' || n.parent?.type === 'command') return;
      const name = n.children.find((c) => c.field === 'name');
      const value = n.children.find((c) => c.field === 'value');
      if (name?.type !== 'variable_name' || !value || n.children.some((c) => c.type === '+=')) return;
      if (expandedName(value.type === 'string' ? onlyPart(value) : value) !== name.text) return;
      ctx.report({
        node: n,
        message: `${n.text} assigns ${name.text} its own value, which does nothing; remove it, or give a default with : "\${${name.text}:=value}"`,
      });
    });
  },
});

/** The one part of a double-quoted string, when it has exactly one. */
function onlyPart(s: ShNode): ShNode | undefined {
  const parts = s.children.filter((c) => c.named);
  return parts.length === 1 ? parts[0] : undefined;
}

/** `x` in `$x` and `${x}` (nothing else). */
function expandedName(n: ShNode | undefined): string | undefined {
  if (!n || (n.type !== 'simple_expansion' && n.type !== 'expansion')) return undefined;
  const inner = n.children.filter((c) => c.type !== '$' && c.type !== '${' && c.type !== '}');
  return inner.length === 1 && inner[0]!.type === 'variable_name' ? inner[0]!.text : undefined;
}
