import { defineRule, formatPath, keyValueEntries, pathSegments, type PathLink, type YNode } from '../kit/index.js';

/** List-form settings compose turns into a mapping by key: a repeated key silently loses a value. */
const KEYED_LISTS = new Set(['environment', 'labels', 'annotations', 'args', 'sysctls']);

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/no-duplicate-keys',
    kind: 'compose',
    category: 'syntax',
    severity: 'error',
    fix: 'none',
    summary: 'No key is written twice in a mapping, nor a variable twice in an `environment` list',
    compat: { dclint: ['no-duplicate-keys'] },
  },
  check(ctx) {
    const root = ctx.compose.root;
    if (!root) return;
    const line = (n: YNode) => ctx.file.lines.position(n.start).line;
    const seen = new Set<YNode>();
    const walk = (node: YNode, link: PathLink | undefined): void => {
      if (seen.has(node)) return;
      seen.add(node);
      if (node.type === 'seq') {
        const last = link?.seg;
        if (typeof last === 'string' && KEYED_LISTS.has(last)) {
          const first = new Map<string, YNode>();
          for (const e of keyValueEntries(node)) {
            const prev = first.get(e.key);
            if (!prev) first.set(e.key, e.node);
            else {
              ctx.report({
                node: e.keyNode,
                message: `${formatPath(pathSegments(link))} sets "${e.key}" twice (first on line ${line(prev)}); compose keeps only the last value`,
              });
            }
          }
        }
        node.items.forEach((item, i) => walk(item, { seg: i, up: link }));
        return;
      }
      if (node.type !== 'map') return;
      for (const dup of node.duplicates) {
        const first = node.pair(dup.key)!;
        const where = link ? `in ${formatPath(pathSegments(link))}` : 'at the top level';
        ctx.report({
          node: dup.keyNode,
          message: `key "${dup.key}" is written twice ${where} (first on line ${line(first.keyNode)}); docker compose refuses the file`,
        });
      }
      for (const p of node.pairs) if (!p.merged) walk(p.value, { seg: p.key, up: link });
    };
    walk(root, undefined);
  },
});
