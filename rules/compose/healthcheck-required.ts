import { buildOf, checkEnvironments, defineRule, healthOf, inherited, isOneShot, mayRunInProduction, resetAt, svc } from '../kit/index.js';

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/healthcheck-required',
    kind: 'compose',
    category: 'health',
    severity: 'warning',
    fix: 'none',
    summary: 'Long-running services declare a healthcheck, in compose or in the Dockerfile that builds them',
    recommended: false,
    compat: { kics: ['healthcheck-not-set'] },
  },
  check(ctx) {
    checkEnvironments(ctx.project, ctx.report, (project, report) => {
      // A file of the project could not be read: its healthchecks are unknown.
      if (project.partial) return;
      for (const service of project.services) {
        if (isOneShot(project, service)) continue;
        const health = healthOf(project, service, ctx.stack);
        if (health === 'compose' || health === 'dockerfile' || health === 'disabled') continue;
        // Removed by a later file (`healthcheck: !reset`): reported there.
        const node = resetAt(service, 'healthcheck') ?? service.keyNode;
        if (health === 'unknown') {
          // A Dockerfile we cannot read, or an `extends` the model could not follow: we cannot tell.
          if (inherited(project, service, 'healthcheck') === 'external' || inherited(project, service, 'build') !== undefined) continue;
          report({
            node,
            message: `${svc(service.name)} has no healthcheck, so Compose cannot tell when it is ready or when it hangs`,
          });
          continue;
        }
        const build = buildOf(project, service, ctx.stack);
        const where = build && build !== 'unknown' ? ` and ${build.dockerfile.file.relPath} has no HEALTHCHECK` : '';
        report({
          node,
          message: `${svc(service.name)} has no healthcheck${where}, so Compose cannot tell when it is ready or when it hangs`,
        });
      }
    }, ['compose/healthcheck-required', ctx.options, ctx.settings], (env) => mayRunInProduction(env, ctx.settings));
  },
});
