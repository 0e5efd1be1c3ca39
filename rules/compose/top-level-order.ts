import { byText, defineRule, firstOutOfOrder, fixIn, reorderEdit, sortedOrder } from '../kit/index.js';

const DEFAULT_ORDER = ['x-*', 'version', 'name', 'include', 'services', 'networks', 'volumes', 'secrets', 'configs'];

export default defineRule<'compose', { order: string[] }>({
  meta: {
    id: 'compose/top-level-order',
    kind: 'compose',
    category: 'style',
    severity: 'info',
    fix: 'safe',
    summary: 'Top-level keys follow one order: extensions (`x-*`), version, name, include, services, networks, volumes, secrets, configs',
    options: {
      type: 'object',
      properties: { order: { type: 'array', items: { type: 'string' }, uniqueItems: true, default: DEFAULT_ORDER } },
      additionalProperties: false,
    },
    compat: { dclint: ['top-level-properties-order'] },
    recommended: false,
  },
  check(ctx) {
    const root = ctx.compose.root; // per file
    if (!root) return;
    const order = ctx.options.order;
    const rank = (key: string): number => {
      const i = key.startsWith('x-') && order.includes('x-*') ? order.indexOf('x-*') : order.indexOf(key);
      return i < 0 ? order.length : i;
    };
    // Extensions sort among themselves alphabetically.
    const compare = (a: string, b: string): number => rank(a) - rank(b) || (a.startsWith('x-') && b.startsWith('x-') ? byText(a, b) : 0);
    const pairs = root.pairs.filter((p) => !p.merged);
    const names = pairs.map((p) => p.key);
    const wrong = firstOutOfOrder(names, compare);
    if (!wrong) return;
    const edit = reorderEdit(ctx.file, root, sortedOrder(names, compare), []);
    ctx.report({
      node: pairs[wrong.index]!.keyNode,
      message: `top-level ${names[wrong.index]} should come before ${names[wrong.before]}`,
      ...(edit ? { fix: fixIn(root, 'order the top-level keys', [edit]) } : {}),
    });
  },
});
