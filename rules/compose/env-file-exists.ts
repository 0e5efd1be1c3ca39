import path from 'node:path';
import { defineRule, envFileRefs, isComposeTemplate, type YScalar } from '../kit/index.js';

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/env-file-exists',
    kind: 'compose',
    category: 'correctness',
    severity: 'error',
    fix: 'none',
    summary: 'Every `env_file` a service names exists, unless it is marked `required: false`',
  },
  check(ctx) {
    const doc = ctx.compose;
    // A template users copy (`docker-compose.override.example.yml`): they make its env files with the copy.
    if (isComposeTemplate(doc.file.path)) return;
    const seen = new Set<YScalar>();
    for (const service of doc.services) {
      for (const ref of envFileRefs(doc, service.get('env_file'))) {
        if (seen.has(ref.node) || !ref.required) continue;
        seen.add(ref.node);
        const r = doc.interpolate(ref.node);
        if (r.unset.length || r.errors.length || r.required.length || ref.path.startsWith('~')) continue;
        const resolved = doc.resolvePath(ref.path);
        const file = doc.envFiles.get(resolved);
        // Made by the repository's tooling before compose runs (a Makefile rule for `.env`): there when it is run the documented way.
        if (!file || file.exists || file.outside || file.generatedBy) continue;
        // The `.env` users make from the `.env.example` (or `.sample`, `.dist`) beside it: untracked on purpose.
        if (resolved === path.join(doc.dir, '.env') && doc.envExample !== undefined) continue;
        ctx.report({
          node: ref.node,
          message: `service "${service.name}" reads env_file "${ref.path}", which does not exist; compose refuses to start (mark it "required: false" if it is optional)`,
        });
      }
    }
  },
});
