import { defineRule, packageCommands, runInstructions, type DfInstruction, type PackageCommand } from '../kit/index.js';

export default defineRule({
  meta: {
    id: 'dockerfile/build-deps-same-layer',
    kind: 'dockerfile',
    category: 'image-size',
    severity: 'warning',
    fix: 'none',
    summary: 'System packages removed in a stage are removed in the same `RUN` that installed them',
  },
  check(ctx) {
    for (const stage of ctx.dockerfile.stages) {
      // Package name (or apk --virtual group) → the RUN that installed it.
      const installedBy = new Map<string, DfInstruction>();
      for (const view of runInstructions(stage)) {
        if (view.onbuild) continue;
        for (const pkg of packageCommands(view.commands)) {
          if (!pkg.system) continue;
          if (pkg.action === 'install') {
            for (const name of installedNames(pkg)) installedBy.set(name, view.run);
            continue;
          }
          if (pkg.action !== 'remove') continue;
          for (const p of pkg.packages) {
            const earlier = installedBy.get(p.name.toLowerCase());
            if (!earlier || earlier === view.run) continue;
            const line = ctx.file.lines.position(earlier.start).line;
            ctx.report({
              node: p.word,
              message: `${p.name} is removed in a later RUN than the one that installed it (line ${line}): that layer keeps it, so the image is no smaller; install, use and remove it in one RUN`,
            });
          }
        }
      }
    }
  },
});

/** The packages an install adds, and its apk `--virtual` group. */
function installedNames(pkg: PackageCommand): string[] {
  const names = pkg.packages.filter((p) => !p.local && !p.dynamic).map((p) => p.name.toLowerCase());
  const group = pkg.manager === 'apk' ? pkg.flagValues('--virtual', '-t').at(-1)?.value : undefined;
  return group ? [...names, group.toLowerCase()] : names;
}
