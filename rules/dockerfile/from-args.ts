import {
  defineRule,
  escapeOf,
  expandedGlobalArgs,
  interpolate,
  isValidImageReference,
  PLATFORM_ARGS,
  suggestName,
  variableRefs,
  type VarRef,
} from '../kit/index.js';


export default defineRule({
  meta: {
    id: 'dockerfile/from-args',
    kind: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    fix: 'none',
    summary: '`FROM` uses only `ARG`s declared before the first `FROM`, and their defaults give a valid image reference',
    compat: { buildkit: ['UndefinedArgInFrom', 'InvalidDefaultArgInFrom'] },
  },
  check(ctx) {
    const { dockerfile, file } = ctx;
    const globals = expandedGlobalArgs(dockerfile);
    const known = new Set([...globals.declared, ...PLATFORM_ARGS]);
    for (const stage of dockerfile.stages) {
      const parts: { start: number; end: number }[] = [];
      if (stage.imageSpan) parts.push(stage.imageSpan);
      const platform = stage.from.flags.find((f) => f.name === 'platform');
      if (platform?.valueSpan) parts.push(platform.valueSpan);
      const refs: VarRef[] = parts.flatMap((p) => variableRefs(file.text.slice(p.start, p.end), p.start, escapeOf(stage.from)));
      let undefinedRef = false;
      for (const ref of refs) {
        if (known.has(ref.name)) continue;
        undefinedRef = true;
        const hint = suggestName(ref.name, known);
        ctx.report({
          range: ref,
          message: `FROM uses $${ref.name}, but no ARG ${ref.name} is declared before the first FROM${hint ? ` (did you mean $${hint}?)` : ''}; it expands to an empty string`,
        });
      }
      if (undefinedRef || !stage.imageSpan || !stage.image.includes('$')) continue;
      // Platform ARGs get their value from the build: the reference cannot be judged here.
      if (refs.some((r) => PLATFORM_ARGS.includes(r.name) && r.start < stage.imageSpan!.end && r.start >= stage.imageSpan!.start)) continue;
      const { value: resolved, unset: unsetArgs } = interpolate(stage.image, globals.values);
      if (isValidImageReference(resolved) || (stage.parent && resolved.toLowerCase() === stage.parent.name)) continue;
      const unset = unsetArgs.length ? `; give ${[...new Set(unsetArgs)].map((a) => `ARG ${a}`).join(', ')} a default` : '';
      ctx.report({
        range: stage.imageSpan,
        message: `with the ARG defaults, FROM ${stage.image} resolves to "${resolved}", which is not a valid image reference, so the build needs --build-arg to work${unset}`,
      });
    }
  },
});
