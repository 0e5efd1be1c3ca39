import { defineRule } from '../../src/engine/define.js';
import { certainValue, scalarList, svc } from '../../src/parse/compose/policy/values.js';

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
    const compose = ctx.compose; // merged project view: ctx.project
    for (const service of compose.services) {
      const drops = scalarList(service.get('cap_drop')).map((c) => certainValue(compose, c)?.trim().toUpperCase().replace(/^CAP_/, ''));
      if (drops.includes('ALL')) continue;
      const pair = service.node.pair('cap_drop');
      ctx.report({
        node: pair?.keyNode ?? service.keyNode,
        message: `${svc(service.name)} keeps Docker's default capabilities (${pair ? 'cap_drop does not list ALL' : 'no cap_drop'}); drop ALL and cap_add only what it needs`,
      });
    }
  },
});
