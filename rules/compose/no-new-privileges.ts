import {
  appendToMap,
  appendToSeq,
  certainValue,
  checkEnvironments,
  defineRule,
  fixIn,
  inherited,
  isSeq,
  nodeUsers,
  originOf,
  resetAt,
  scalarList,
  sharedSafely,
  svc,
  type TextEdit,
  type YNode,
} from '../kit/index.js';

const SET = /^no-new-privileges(?:[:=]true)?$/i;

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/no-new-privileges',
    kind: 'compose',
    category: 'security',
    severity: 'warning',
    fix: 'unsafe',
    summary: 'Services set `security_opt: [no-new-privileges:true]` so processes cannot gain privileges through setuid binaries',
    compat: { kics: ['no-new-privileges-not-set', 'security-opt-not-set'] },
    recommended: false,
    tags: ['security'],
    securitySeverity: 5.0,
  },
  check(ctx) {
    checkEnvironments(ctx.project, ctx.report, (project, report) => {
      // A file of the project could not be read: what it sets is unknown.
      if (project.partial) return;
      const users = nodeUsers(project.services);
      const lacking = project.services.filter(
        // (An `extends` the model could not follow may set it.)
        (s) => inherited(project, s, 'security_opt') !== 'external' && !scalarList(s.get('security_opt')).some((o) => SET.test(certainValue(project, o)?.trim() ?? '')),
      );
      const needing = new Set(lacking.map((s) => s.name));
      const fixed = new Set<YNode>();
      for (const service of lacking) {
        const opts = service.node.pair('security_opt');
        let edit: TextEdit | undefined;
        const target = opts ? opts.value : service.node;
        if (!fixed.has(originOf(target)) && sharedSafely(users, target, needing)) {
          if (opts && isSeq(opts.value)) edit = appendToSeq(ctx.file, opts.value, ['no-new-privileges:true']);
          else if (!opts) edit = appendToMap(ctx.file, service.node, (u) => ['security_opt:', `${u}- no-new-privileges:true`], service.keyNode);
        }
        fixed.add(originOf(target));
        report({
          node: opts?.keyNode ?? resetAt(service, 'security_opt') ?? service.keyNode,
          message: `${svc(service.name)} does not set no-new-privileges, so a setuid binary inside it can still raise a process to root`,
          ...(edit ? { fix: fixIn(target, 'add no-new-privileges:true', [edit]) } : {}),
        });
      }
    }, ['compose/no-new-privileges', ctx.options, ctx.settings]);
  },
});
