import { defineRule } from '../../src/engine/define.js';
import { buildOf, healthOf, inherited, isOneShot } from '../../src/parse/compose/policy/services.js';
import { svc } from '../../src/parse/compose/policy/values.js';

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/healthcheck-required',
    kind: 'compose',
    category: 'health',
    severity: 'warning',
    fix: 'none',
    summary: 'Long-running services declare a healthcheck, in compose or in the Dockerfile that builds them',
    compat: { kics: ['healthcheck-not-set'] },
  },
  check(ctx) {
    const compose = ctx.compose; // merged project view: ctx.project
    for (const service of compose.services) {
      if (isOneShot(compose, service)) continue;
      const health = healthOf(compose, service, ctx.stack);
      if (health === 'compose' || health === 'dockerfile' || health === 'disabled') continue;
      if (health === 'unknown') {
        // A Dockerfile we cannot read, or a service defined in another file: we cannot tell.
        if (inherited(compose, service, 'healthcheck') === 'external' || inherited(compose, service, 'build') !== undefined) continue;
        ctx.report({
          node: service.keyNode,
          message: `${svc(service.name)} has no healthcheck, so Compose cannot tell when it is ready or when it hangs`,
        });
        continue;
      }
      const build = buildOf(compose, service, ctx.stack);
      const where = build && build !== 'unknown' ? ` and ${build.dockerfile.file.relPath} has no HEALTHCHECK` : '';
      ctx.report({
        node: service.keyNode,
        message: `${svc(service.name)} has no healthcheck${where}, so Compose cannot tell when it is ready or when it hangs`,
      });
    }
  },
});
