import path from 'node:path';
import { checkEnvironments, defineRule, relativeTo } from '../kit/index.js';

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/include',
    kind: 'compose',
    category: 'correctness',
    severity: 'error',
    fix: 'none',
    summary: '`include` names compose files that exist and parse, without cycles, defining nothing the including project defines too',
  },
  check(ctx) {
    checkEnvironments(ctx.project, ctx.report, (project, report) => {
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
          case 'include-conflict': {
            const noun = p.section === 'services' ? 'service' : p.section.replace(/s$/, '');
            const line = p.other.file.lines.position(p.other.start).line;
            report({
              node: p.node,
              message: `${noun} "${p.name}" is also defined by the included file ${relativeTo(p.node, p.other.file.path)} (line ${line}); compose does not merge the two and reports a conflict`,
            });
            break;
          }
          default:
            break;
        }
      }
    });
  },
});
