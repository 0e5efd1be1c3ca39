import path from 'node:path';
import { defineRule } from '../kit/index.js';

const BASE = /^(?:docker-)?compose\.ya?ml$/i;

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/unplaced-fragment',
    kind: 'compose',
    category: 'correctness',
    severity: 'info',
    fix: 'none',
    summary: 'A compose file that cannot stand alone is placed on its base by the repository\'s evidence or by `projects:` in config',
  },
  check(ctx) {
    // The loader marks a file linted alone for want of evidence that cannot stand alone; completeness rules are then silent.
    const fragment = ctx.project?.origin?.unplacedFragment;
    const root = ctx.compose.root;
    if (!fragment || !root || ctx.project?.file.path !== ctx.file.path) return;
    const name = path.basename(ctx.file.path);
    const dir = path.dirname(ctx.file.path);
    const base = ctx.stack.composeFiles.map((d) => d.file.path).find((p) => path.dirname(p) === dir && BASE.test(path.basename(p)));
    const [first, ...more] = fragment.reasons;
    ctx.report({
      node: root.pairs[0]?.keyNode ?? root,
      message:
        `linted as an unplaced fragment, with completeness checks off: ${first}${more.length ? ` (and ${more.length} more)` : ''}, and no script, Makefile, CI file or README says which file it is layered on; ` +
        `declare it in .stackpolicyrc under projects: (files: [${base ? path.basename(base) : '<base file>'}, ${name}])`,
    });
  },
});
