import { defineRule, GLOB_CHARS, walkNodes, type ShNode } from '../kit/index.js';

interface Options {
  /** Also report an item written on a line of its own, in a list laid out to take more. */
  listLayout: boolean;
}

export default defineRule<'shell', Options>({
  meta: {
    id: 'shell/for-single-item',
    kind: 'shell',
    category: 'shell',
    severity: 'warning',
    fix: 'none',
    summary: 'A `for` loop does not iterate over a single constant word, which runs it once',
    runBodies: true,
    compat: { shellcheck: ['SC2043'] },
    options: {
      type: 'object',
      properties: { listLayout: { type: 'boolean', default: false } },
      additionalProperties: false,
    },
  },
  check(ctx) {
    const lines = ctx.shell.file.lines;
    walkNodes(ctx.shell.root, (n) => {
      if (n.type !== 'for_statement') return;
      const items = n.children.filter((c) => c.field === 'value');
      if (items.length !== 1 || !isConstant(items[0]!, true)) return;
      const item = items[0]!;
      const keyword = n.children.find((c) => c.type === 'in');
      // `for key in \` then one key per line: a list kept in that shape so that items can be added
      if (!ctx.options.listLayout && keyword && lines.position(item.start).line !== lines.position(keyword.end).line) return;
      ctx.report({
        node: item,
        message: `the loop runs once, over the constant ${short(item.text)}; to iterate over files, words of a variable or a command's output, write a glob, an unquoted expansion or a command substitution`,
      });
    });
  },
});

/**
 * A word that is always the same single item: no expansion, substitution,
 * glob or brace expansion. A single-quoted word on its own is left out: it is
 * usually a command written in the wrong quotes.
 */
function isConstant(node: ShNode, top: boolean): boolean {
  switch (node.type) {
    case 'word':
      return !GLOB_CHARS.test(node.text) && !/[{}]/.test(node.text);
    case 'string':
      // `"*.conf"` is shell/for-quoted-list's
      return node.children.every((c) => !c.named || (c.type === 'string_content' && !GLOB_CHARS.test(c.text)));
    case 'ansi_c_string':
      return true;
    case 'raw_string':
      return !top;
    case 'concatenation':
      return node.children.every((c) => isConstant(c, false));
    default:
      return false;
  }
}

function short(text: string): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length <= 40 ? t : `${t.slice(0, 37)}…`;
}
