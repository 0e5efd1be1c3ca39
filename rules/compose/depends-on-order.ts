import {
  byText,
  defineRule,
  dependenciesOf,
  firstOutOfOrder,
  fixIn,
  isMap,
  isSeq,
  reorderEdits,
  sortedOrder,
  svc,
  type Dependency,
  type YMap,
  type YSeq,
} from '../kit/index.js';

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/depends-on-order',
    kind: 'compose',
    category: 'style',
    severity: 'info',
    fix: 'safe',
    summary: 'Each service lists its `depends_on` entries in alphabetical order',
    compat: { dclint: ['service-dependencies-alphabetical-order'] },
    recommended: false,
  },
  check(ctx) {
    const compose = ctx.compose; // per file
    const found: { service: string; node: YMap | YSeq; deps: Dependency[]; names: string[]; wrong: { index: number; before: number } }[] = [];
    for (const service of compose.services) {
      const node = service.get('depends_on');
      if (!isSeq(node) && !isMap(node)) continue;
      const deps = dependenciesOf(compose, service).filter((d) => isSeq(node) || !node.pair(d.name)?.merged);
      if (isSeq(node) && deps.length !== node.items.length) continue;
      const names = deps.map((d) => d.name);
      const wrong = firstOutOfOrder(names, byText);
      if (wrong) found.push({ service: service.name, node, deps, names, wrong });
    }
    const edits = reorderEdits(
      ctx.file,
      found.map((f) => ({ node: f.node, order: sortedOrder(f.names, byText), path: ['services', f.service, 'depends_on'] })),
    );
    for (const [i, { service: name, node, deps, names, wrong }] of found.entries()) {
      const edit = edits[i];
      ctx.report({
        node: deps[wrong.index]!.node,
        message: `${svc(name)}: dependency "${names[wrong.index]}" should come before "${names[wrong.before]}" (depends_on in alphabetical order)`,
        ...(edit ? { fix: fixIn(node, 'sort depends_on', [edit]) } : {}),
      });
    }
  },
});
