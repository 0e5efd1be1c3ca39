import path from 'node:path';
import { defineRule } from '../kit/index.js';

const BASE = /^(?:docker-)?compose\.ya?ml$/i;

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/project-name',
    kind: 'compose',
    category: 'style',
    severity: 'info',
    fix: 'none',
    summary: 'The file names its project with top-level `name`, instead of taking the folder name',
    compat: { dclint: ['require-project-name-field'] },
    recommended: false,
  },
  check(ctx) {
    const root = ctx.compose.root; // per file
    if (!root || root.get('name') !== undefined || root.get('services') === undefined) return;
    // An override (docker-compose.dev.yml beside docker-compose.yml) takes the name of its base file.
    const dir = path.dirname(ctx.file.path);
    const isOverride =
      !BASE.test(path.basename(ctx.file.path)) &&
      ctx.stack.composeFiles.some((d) => path.dirname(d.file.path) === dir && BASE.test(path.basename(d.file.path)));
    if (isOverride) return;
    ctx.report({
      node: root.pairs[0]?.keyNode ?? root,
      message: 'the file sets no top-level name, so the project (and its containers, networks and volumes) is named after whatever folder it is run from',
    });
  },
});
