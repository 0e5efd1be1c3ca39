import { defineRule, envFileRefs, secretEntries, svc } from '../kit/index.js';

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/env-file-mode',
    kind: 'compose',
    category: 'secrets',
    severity: 'warning',
    fix: 'none',
    summary: 'An `env_file` that holds secrets is readable by its owner only (mode 600)',
    recommended: false,
    tags: ['security'],
    securitySeverity: 4.0,
  },
  check(ctx) {
    const doc = ctx.compose;
    const seen = new Set<string>();
    for (const service of doc.services) {
      for (const ref of envFileRefs(doc, service.get('env_file'))) {
        const file = doc.envFiles.get(doc.resolvePath(ref.path));
        if (!file?.exists || file.mode === undefined || (file.mode & 0o077) === 0 || seen.has(file.path)) continue;
        const secrets = secretEntries(file);
        if (!secrets.length) continue;
        seen.add(file.path);
        const names = secrets.slice(0, 3).map((e) => e.key).join(', ') + (secrets.length > 3 ? ', …' : '');
        ctx.report({
          node: ref.node,
          message: `${svc(service.name)} reads env_file "${ref.path}", which holds secrets (${names}) but has mode ${file.mode.toString(8).padStart(3, '0')}, so ${file.mode & 0o007 ? 'every user of the host' : "the file's group"} can read them; chmod 600 it`,
        });
      }
    }
  },
});
