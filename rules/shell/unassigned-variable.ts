import { closestName, defineRule, providedEnvironment, SHELL_VARIABLES, shellVariableFacts } from '../kit/index.js';

export default defineRule<'shell'>({
  meta: {
    id: 'shell/unassigned-variable',
    kind: 'shell',
    category: 'shell',
    severity: 'warning',
    fix: 'none',
    summary: 'A lower-case variable the text reads is assigned somewhere: in the text, a file it sources, or the environment the stack gives it',
    runBodies: true,
    compat: { shellcheck: ['SC2154'] },
  },
  check(ctx) {
    const facts = shellVariableFacts(ctx);
    // names may be assigned where the analysis cannot see (eval, a source not in the run, a library's caller)
    if (facts.opaque) return;
    const env = providedEnvironment(ctx);
    const reported = new Set<string>();
    for (const ref of facts.references) {
      const { name } = ref;
      // an all-upper-case name is the environment's by convention (shell/misspelled-variable looks at those)
      if (!/[a-z]/.test(name) || reported.has(name) || facts.assigned.has(name) || SHELL_VARIABLES.has(name) || env.has(name)) continue;
      reported.add(name);
      if (ref.guarded) continue;
      const near = closestName(name, [...facts.assigned, ...env.variables.keys()]);
      ctx.report({
        node: ref.node,
        message: `${name} is read but never assigned, so it expands to an empty string${near ? ` (did you mean ${near}?)` : ''}; assign it, or give a default with \${${name}:-…}`,
      });
    }
  },
});
