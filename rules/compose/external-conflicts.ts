import { checkEnvironments, defineRule, isMap, isScalar, laterOf, locate } from '../kit/index.js';

/** What an external resource may say: which existing one it is, and extensions. */
const ALLOWED = new Set(['name', 'external']);
const KINDS = [['networks', 'network'], ['volumes', 'volume']] as const;

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/external-conflicts',
    kind: 'compose',
    category: 'correctness',
    severity: 'error',
    fix: 'none',
    summary: 'An `external: true` network or volume sets nothing but its `name`: compose refuses `driver`, `driver_opts` and the other keys that create one',
  },
  check(ctx) {
    checkEnvironments(ctx.project, ctx.report, (project, report) => {
      for (const [section, kind] of KINDS) {
        const resources = project.section(section);
        if (!isMap(resources)) continue;
        for (const resource of resources.pairs) {
          if (!isMap(resource.value)) continue;
          const external = resource.value.pair('external');
          if (!external || !isScalar(external.value) || external.value.value !== true) continue;
          for (const p of resource.value.pairs) {
            if (ALLOWED.has(p.key) || p.key.startsWith('x-')) continue;
            // In one file, at the key to drop; across files, in the file that made the clash.
            const at = p.keyNode.file.path === external.keyNode.file.path ? p.keyNode : laterOf(project, p.keyNode, external.keyNode);
            const other = at === p.keyNode ? external.keyNode : p.keyNode;
            report({
              node: at,
              message: `${kind} "${resource.key}" sets ${p.key} and external: true (${other === external.keyNode ? 'external' : p.key} at ${locate(other, at)}); compose refuses the two together, since an external ${kind} is created outside the project: drop ${p.key}, or set external: false to let compose create it`,
            });
          }
        }
      }
    }, ['compose/external-conflicts']);
  },
});
