import { cacheMountFor, defineRule, packageCommands, runInstructions, type DfInstruction, type DfStage, type RunInstruction } from '../kit/index.js';

export default defineRule<'dockerfile'>({
  meta: {
    id: 'dockerfile/pip-no-cache',
    kind: 'dockerfile',
    category: 'images',
    severity: 'warning',
    fix: 'unsafe',
    summary: '`pip install` uses `--no-cache-dir` unless a cache mount holds pip\'s cache',
    compat: { hadolint: ['DL3042'] },
  },
  check(ctx) {
    for (const run of runInstructions(ctx.dockerfile)) {
      if (envDisablesCache(run)) continue;
      for (const p of packageCommands(run.commands)) {
        const sub = p.subcommandWord;
        if (p.manager !== 'pip' || p.action !== 'install' || !sub) continue;
        // pip takes any unambiguous prefix of a long option: `--no-cache` is `--no-cache-dir`.
        if (p.hasFlag('--no-cache-dir', '--no-cache', '--no-cache-', '--no-cache-d', '--no-cache-di')) continue;
        if (p.command.assignments.some((a) => a.name === 'PIP_NO_CACHE_DIR')) continue;
        if (exportedBefore(run, p.command.start)) continue;
        if (cachedByMount(run, p.flagValues('--cache-dir').map((v) => v.value))) continue;
        ctx.report({
          node: sub,
          message: `${p.toolWord.raw} install without --no-cache-dir leaves the downloaded packages in pip's cache, in the layer and in the image`,
          fix: { description: 'add --no-cache-dir', edits: [{ start: sub.end, end: sub.end, text: ' --no-cache-dir' }] },
        });
      }
    }
  },
});

/** A cache mount on pip's cache (`~/.cache/pip`, any user's `.cache`, a `…/pip` folder) or on the `--cache-dir` given. */
function cachedByMount(run: RunInstruction, cacheDirs: (string | undefined)[]): boolean {
  const pipCache = run.mounts.some((m) => m.type === 'cache' && m.target && /(\/\.cache(\/pip)?|(^|\/)pip(-cache)?)\/*$/.test(m.target));
  const dirs = cacheDirs.filter((d): d is string => d !== undefined);
  return pipCache || (dirs.length > 0 && cacheMountFor(run, ...dirs) !== undefined);
}

/** `ENV PIP_NO_CACHE_DIR=…` (or `ARG`) earlier in the stage or in a stage it is built FROM. */
function envDisablesCache(run: RunInstruction): boolean {
  const before = (ins: DfInstruction) => ins.start < run.instruction.start;
  for (let stage: DfStage | undefined = run.stage; stage; stage = stage.parent) {
    const own = stage === run.stage;
    for (const ins of stage.instructions) {
      if ((ins.keyword !== 'ENV' && ins.keyword !== 'ARG') || (own && !before(ins))) continue;
      if (ins.args.some((a) => /^PIP_NO_CACHE_DIR(=|$)/.test(a.value))) return true;
    }
  }
  return false;
}

/** `export PIP_NO_CACHE_DIR=1` earlier in the same RUN. */
function exportedBefore(run: RunInstruction, offset: number): boolean {
  return run.commands.some((c) => c.start < offset && c.name === 'export' && c.assignments.some((a) => a.name === 'PIP_NO_CACHE_DIR'));
}
