import { arrayVariables, defineRule, walkNodes, type ShNode } from '../kit/index.js';

export default defineRule<'shell'>({
  meta: {
    id: 'shell/array-without-index',
    kind: 'shell',
    category: 'shell',
    severity: 'warning',
    fix: 'none',
    // off in recommended: on real scripts nearly all findings are "$BASH_SOURCE", which means its first element on purpose
    recommended: false,
    summary: 'An array is expanded with an index or `[@]`: `$arr` gives only its first element',
    runBodies: true,
    compat: { shellcheck: ['SC2128'] },
  },
  check(ctx) {
    const arrays = arrayVariables(ctx.shell);
    walkNodes(ctx.shell.root, (n) => {
      if (n.type !== 'simple_expansion' && n.type !== 'expansion') return;
      const name = plainName(n);
      if (name === undefined || !arrays.has(name)) return;
      // tree-sitter-bash starts an expansion that follows blanks in a string at the blanks
      const dollar = n.start + n.text.indexOf('$');
      ctx.report({
        range: { start: dollar, end: n.end },
        message: `${n.text.trim()} expands only the first element of the array ${name}; write "\${${name}[@]}" for all of them, or \${${name}[0]} if the first is meant`,
      });
    });
  },
});

/** `x` in `$x` and `${x}`; undefined for anything with an index, an operator, `#` or `!`. */
function plainName(n: ShNode): string | undefined {
  const inner = n.children.filter((c) => c.type !== '$' && c.type !== '${' && c.type !== '}');
  return inner.length === 1 && inner[0]!.type === 'variable_name' ? inner[0]!.text : undefined;
}
