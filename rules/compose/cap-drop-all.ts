import { certainValue, checkEnvironments, defineRule, inherited, resetAt, scalarList, svc } from '../kit/index.js';

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/cap-drop-all',
    kind: 'compose',
    category: 'security',
    severity: 'warning',
    fix: 'none',
    summary: 'Services drop every capability (`cap_drop: [ALL]`) and add back only those they need',
    compat: { kics: ['container-capabilities-unrestricted'] },
    recommended: false,
    tags: ['security'],
    securitySeverity: 4.0,
  },
  check(ctx) {
    checkEnvironments(ctx.project, ctx.report, (project, report) => {
      // A file of the project could not be read: what it sets is unknown.
      if (project.partial) return;
      for (const service of project.services) {
        // An `extends` the model could not follow may drop them.
        if (inherited(project, service, 'cap_drop') === 'external') continue;
        const drops = scalarList(service.get('cap_drop')).map((c) => certainValue(project, c)?.trim().toUpperCase().replace(/^CAP_/, ''));
        if (drops.includes('ALL')) continue;
        const pair = service.node.pair('cap_drop');
        report({
          node: pair?.keyNode ?? resetAt(service, 'cap_drop') ?? service.keyNode,
          message: `${svc(service.name)} keeps Docker's default capabilities (${pair ? 'cap_drop does not list ALL' : 'no cap_drop'}); drop ALL and cap_add only what it needs`,
        });
      }
    }, ['compose/cap-drop-all', ctx.options, ctx.settings]);
  },
});
