import { defineRule, GLOB_CHARS, mayContain, type ShNode, walkNodes } from '../kit/index.js';

/**
 * Quoted expansions that do give one word per element: `"$@"`, `"${@:2}"`,
 * `"${arr[@]}"`, `"${arr[@]%.txt}"`, `"${!arr[@]}"`, `"${!PREFIX_@}"`.
 */
const PER_ELEMENT = /^\$(@|\{(@|!?[A-Za-z_][A-Za-z0-9_]*(\[@\]|@)).*\})$/;

export default defineRule<'shell'>({
  meta: {
    id: 'shell/for-quoted-list',
    kind: 'shell',
    category: 'shell',
    severity: 'error',
    fix: 'none',
    summary: 'A `for` loop does not iterate over one double-quoted glob or expansion, which makes a single item',
    runBodies: true,
    compat: { shellcheck: ['SC2066'] },
  },
  check(ctx) {
    if (!mayContain(ctx.shell.root, 'for_statement')) return;
    walkNodes(ctx.shell.root, (n) => {
      if (n.type !== 'for_statement') return;
      const items = n.children.filter((c) => c.field === 'value');
      if (items.length !== 1 || items[0]!.type !== 'string') return;
      const why = runsOnce(items[0]!);
      if (why) ctx.report({ node: items[0]!, message: `the loop runs once, over ${items[0]!.text} as one word: ${why}` });
    });
  },
});

/** Why a double-quoted word gives the loop a single item, or undefined when it may give several. */
function runsOnce(quoted: ShNode): string | undefined {
  const parts = quoted.children.filter((c) => c.named);
  if (parts.some((p) => PER_ELEMENT.test(p.text))) return undefined;
  if (parts.some((p) => p.type !== 'string_content')) return 'double quotes keep the expansion from splitting into words; remove them, or read it into an array';
  if (parts.some((p) => GLOB_CHARS.test(p.text))) return 'double quotes keep the glob from matching files; leave the glob characters unquoted';
  return undefined;
}
