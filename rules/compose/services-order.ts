import { byText, defineRule, firstOutOfOrder, fixIn, isMap, reorderEdit, sortedOrder } from '../kit/index.js';

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/services-order',
    kind: 'compose',
    category: 'style',
    severity: 'info',
    fix: 'safe',
    summary: 'Services are listed in alphabetical order',
    compat: { dclint: ['services-alphabetical-order'] },
    recommended: false,
  },
  check(ctx) {
    const services = ctx.compose.root?.get('services'); // per file: ordering is about this file's text
    if (!isMap(services)) return;
    const pairs = services.pairs.filter((p) => !p.merged);
    const names = pairs.map((p) => p.key);
    const wrong = firstOutOfOrder(names, byText);
    if (!wrong) return;
    const edit = reorderEdit(ctx.file, services, sortedOrder(names, byText), ['services']);
    ctx.report({
      node: pairs[wrong.index]!.keyNode,
      message: `service "${names[wrong.index]}" should come before "${names[wrong.before]}" (services in alphabetical order)`,
      ...(edit ? { fix: fixIn(services, 'sort services alphabetically', [edit]) } : {}),
    });
  },
});
