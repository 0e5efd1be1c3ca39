import path from 'node:path';
import { defineRule, relativeTo } from '../kit/index.js';

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/include',
    kind: 'compose',
    category: 'correctness',
    severity: 'error',
    fix: 'none',
    summary: '`include` names compose files that exist and parse, without cycles',
    scope: 'environment',
  },
  check(ctx) {
    const { project, report } = ctx;
    for (const p of project.problems) {
      const rel = (abs: string) => relativeTo(p.node, abs);
      switch (p.kind) {
        case 'include-file-missing':
          report({ node: p.node, message: `include names "${rel(p.path)}", which does not exist` });
          break;
        case 'include-file-invalid':
          report({ node: p.node, message: `include names "${rel(p.path)}", which cannot be read as a compose file (a folder, unreadable, or not valid YAML)` });
          break;
        case 'include-cycle':
          report({ node: p.node, message: `include forms a cycle: ${p.chain.map((f) => path.basename(f)).join(' → ')}` });
          break;
        default:
          break;
      }
    }
  },
});
