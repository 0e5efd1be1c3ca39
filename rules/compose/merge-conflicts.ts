import { checkEnvironments, defineRule, relativeTo, type YNode } from '../kit/index.js';

const KIND: Record<YNode['type'], string> = { map: 'a mapping', seq: 'a list', scalar: 'a single value' };

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/merge-conflicts',
    kind: 'compose',
    category: 'correctness',
    severity: 'warning',
    fix: 'none',
    summary: 'A setting keeps its type across merged files and `extends`, so compose merges it instead of replacing it',
  },
  check(ctx) {
    checkEnvironments(ctx.project, ctx.report, (project, report) => {
      for (const p of project.problems) {
        if (p.kind !== 'merge-conflict') continue;
        const where = (n: YNode) => `${relativeTo(p.node, n.file.path)}:${n.file.lines.position(n.start).line}`;
        const key = p.path.filter((s) => s !== '\u0000').join('.');
        report({
          node: p.node,
          message: `${key} is ${KIND[p.over.type]} here but ${KIND[p.base.type]} in ${where(p.base)}; compose cannot merge the two, so this value replaces the other`,
        });
      }
    });
  },
});
