import { boolOf, certainValue, checkEnvironments, defineRule, scalarList, svc, type YNode } from '../kit/index.js';

/** Capabilities that amount to the whole kernel. */
const ALMIGHTY_CAPS = new Set(['ALL', 'SYS_ADMIN']);
/** security_opt entries that switch a confinement off. */
const UNCONFINED = /^(?:seccomp|apparmor)[:=]unconfined$|^label[:=]disable$|^systempaths[:=]unconfined$/i;

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/no-privileged',
    kind: 'compose',
    category: 'security',
    severity: 'error',
    fix: 'none',
    summary: 'Services do not run privileged, add ALL or SYS_ADMIN capabilities, or switch off seccomp, AppArmor or SELinux confinement',
    compat: { kics: ['privileged-containers-enabled', 'default-seccomp-profile-disabled'] },
    tags: ['security'],
    securitySeverity: 9.0,
  },
  check(ctx) {
    checkEnvironments(ctx.project, ctx.report, (project, report) => {
      const seen = new Set<YNode>();
      const flag = (node: YNode, message: string): void => {
        if (seen.has(node)) return;
        seen.add(node);
        report({ node, message });
      };
      for (const service of project.services) {
        const where = svc(service.name);
        const privileged = service.get('privileged');
        if (boolOf(project, privileged) === true) {
          flag(privileged!, `${where} runs privileged: every device and capability of the host, no seccomp or AppArmor; add only the capabilities or devices it needs`);
        }
        for (const cap of scalarList(service.get('cap_add'))) {
          const name = certainValue(project, cap)?.trim().toUpperCase().replace(/^CAP_/, '');
          if (name && ALMIGHTY_CAPS.has(name)) {
            flag(cap, `${where} adds capability ${name}, which is as good as privileged; add the narrow capabilities it needs instead`);
          }
        }
        for (const opt of scalarList(service.get('security_opt'))) {
          const v = certainValue(project, opt)?.trim();
          if (v && UNCONFINED.test(v)) flag(opt, `${where} sets security_opt ${v}, removing a kernel confinement every container gets by default`);
        }
      }
    }, ['compose/no-privileged', ctx.options, ctx.settings]);
  },
});
