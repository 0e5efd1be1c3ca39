import { closestName, defineRule, providedEnvironment, SHELL_VARIABLES, shellVariableFacts } from '../kit/index.js';

export default defineRule<'shell'>({
  meta: {
    id: 'shell/misspelled-variable',
    kind: 'shell',
    category: 'shell',
    severity: 'info',
    fix: 'none',
    summary: 'An upper-case variable the text reads but never assigns is not one letter away from a name it does assign',
    runBodies: true,
    compat: { shellcheck: ['SC2153'] },
  },
  check(ctx) {
    const facts = shellVariableFacts(ctx);
    if (facts.opaque) return;
    const env = providedEnvironment(ctx);
    const candidates = [...facts.assigned, ...env.variables.keys()];
    const seen = new Set<string>();
    for (const ref of facts.references) {
      const { name } = ref;
      // names with a lower-case letter are shell/unassigned-variable's
      if (/[a-z]/.test(name) || seen.has(name) || facts.assigned.has(name) || SHELL_VARIABLES.has(name) || env.has(name)) continue;
      seen.add(name);
      const near = ref.guarded ? undefined : closestName(name, candidates);
      if (near) ctx.report({ node: ref.node, message: `${name} is never assigned here, but ${near} is: a misspelling? If ${name} comes from the environment, give it a default with \${${name}:-…}` });
    }
  },
});
