import {
  argDeclarations,
  defineRule,
  escapeOf,
  PLATFORM_ARGS,
  properties,
  suggestName,
  variableRefs,
  type DfInstruction,
  type DfStage,
  type VarRef,
} from '../kit/index.js';

interface Options {
  assumeBaseImageEnv: boolean;
}

/** Instructions whose arguments BuildKit expands (shell-form RUN/CMD/ENTRYPOINT are left to the shell). */
const EXPANDED = new Set(['ADD', 'COPY', 'EXPOSE', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);
/** Names BuildKit never reports. */
const NON_ENV = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);

export default defineRule<'dockerfile', Options>({
  meta: {
    id: 'dockerfile/undefined-var',
    kind: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    fix: 'none',
    summary: 'Variables used in `COPY`, `ENV`, `WORKDIR`, `LABEL`, … are declared with `ARG` or `ENV` before their use',
    options: {
      type: 'object',
      properties: { assumeBaseImageEnv: { type: 'boolean', default: true } },
      additionalProperties: false,
    },
    compat: { buildkit: ['UndefinedVar'] },
  },
  check(ctx) {
    const { dockerfile, file } = ctx;
    const globals = new Set(dockerfile.globalArgs.keys());
    const envAtEnd = new Map<DfStage, Set<string>>();

    // Global ARG defaults may use the global ARGs declared above them and BuildKit's platform ARGs.
    const firstFrom = dockerfile.stages[0]?.from.start ?? Infinity;
    const globalSoFar = new Set<string>(PLATFORM_ARGS);
    for (const ins of dockerfile.instructions) {
      if (ins.start >= firstFrom) break;
      if (ins.keyword !== 'ARG') continue;
      for (const decl of argDeclarations(ins)) {
        const refs = decl.valueSpan ? variableRefs(file.text.slice(decl.valueSpan.start, decl.valueSpan.end), decl.valueSpan.start, escapeOf(ins)) : [];
        for (const ref of refs) {
          if (globalSoFar.has(ref.name)) continue;
          const hint = suggestName(ref.name, globalSoFar);
          ctx.report({ range: ref, message: `$${ref.name} is not declared with an ARG above this one${hint ? ` (did you mean $${hint}?)` : ''}, so it expands to an empty string` });
        }
        globalSoFar.add(decl.name);
      }
    }

    for (const stage of dockerfile.stages) {
      // ENV is inherited from a parent stage of this file; ARGs are not.
      const env = new Set<string>(stage.parent ? (envAtEnd.get(stage.parent) ?? []) : []);
      env.add('PATH');
      const args = new Set<string>();
      const external = rootImage(stage).toLowerCase() !== 'scratch';

      const judge = (refs: VarRef[], alsoDefined: ReadonlySet<string> = new Set()): void => {
        for (const ref of refs) {
          const name = ref.name;
          if (env.has(name) || args.has(name) || alsoDefined.has(name) || NON_ENV.has(name)) continue;
          const hint = suggestName(name, new Set([...env, ...args]));
          const global = globals.has(name);
          const platform = PLATFORM_ARGS.includes(name);
          if (!global && !platform && !hint && external && ctx.options.assumeBaseImageEnv && /^[A-Z][A-Z0-9_]*$/.test(name)) continue;
          ctx.report({
            range: ref,
            message: global
              ? `$${name} is a global ARG, which is not visible inside a stage; add ARG ${name} to this stage to use its value`
              : platform
                ? `$${name} is set by BuildKit only in the global scope; add ARG ${name} to this stage to use it`
                : `$${name} is not declared with ARG or ENV before this line${hint ? ` (did you mean $${hint}?)` : ''}, so it expands to an empty string`,
          });
        }
      };
      const refsIn = (span: { start: number; end: number } | undefined, ins: DfInstruction): VarRef[] =>
        span ? variableRefs(file.text.slice(span.start, span.end), span.start, escapeOf(ins)) : [];

      for (const ins of stage.instructions) {
        if (ins.keyword === 'ARG') {
          for (const decl of argDeclarations(ins)) {
            judge(refsIn(decl.valueSpan, ins));
            args.add(decl.name);
          }
        } else if (ins.keyword === 'ENV') {
          const same = new Set<string>();
          for (const p of properties(ins)) {
            // a name set earlier in the same ENV is dockerfile/env-self-reference's finding
            judge(refsIn(p.valueSpan, ins), same);
            same.add(p.name);
          }
          same.forEach((n) => env.add(n));
        } else if (EXPANDED.has(ins.keyword) || ins.keyword === 'RUN') {
          for (const f of ins.flags) judge(refsIn(f.valueSpan, ins));
          if (ins.keyword !== 'RUN') judge(refsIn(headOf(ins), ins));
        }
      }
      envAtEnd.set(stage, env);
    }
  },
});

/** The arguments of an instruction, up to the first line break for the heredoc forms (`COPY <<EOF /x`). */
function headOf(ins: DfInstruction): { start: number; end: number } | undefined {
  const span = ins.argsSpan;
  if (!span || !ins.argsText.includes('<<')) return span;
  const nl = ins.argsText.indexOf('\n');
  return nl < 0 ? span : { start: span.start, end: span.start + nl };
}

/** The image a stage is ultimately built on (following parents inside the file). */
function rootImage(stage: DfStage): string {
  let s = stage;
  while (s.parent) s = s.parent;
  return s.resolvedImage;
}
