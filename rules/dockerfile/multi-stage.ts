import { basename } from 'node:path';
import { defineRule, findSubcommand, isBuildToolchain, packageCommands, positionalArgs, runInstructions, type PackageCommand, type ShCommand } from '../kit/index.js';

/** What a build command looks like: the program, and the subcommands that build (none: any use builds). */
const BUILDS: Record<string, readonly string[] | undefined> = {
  cargo: ['build', 'install'],
  go: ['build'],
  mvn: ['package', 'install', 'verify', 'compile'],
  mvnw: ['package', 'install', 'verify', 'compile'],
  gradle: ['build', 'assemble', 'jar', 'bootjar', 'installdist'],
  gradlew: ['build', 'assemble', 'jar', 'bootjar', 'installdist'],
  dotnet: ['build', 'publish'],
  tsc: undefined,
  javac: undefined,
  rustc: undefined,
  gcc: undefined,
  'g++': undefined,
  cc: undefined,
  make: undefined,
  cmake: undefined,
  ninja: undefined,
};

export default defineRule<'dockerfile'>({
  meta: {
    id: 'dockerfile/multi-stage',
    kind: 'dockerfile',
    category: 'images',
    severity: 'warning',
    fix: 'none',
    summary: 'The final image carries no build toolchain: compilers, `-dev` packages and builds belong in a builder stage',
  },
  check(ctx) {
    for (const stage of ctx.dockerfile.imageStages) {
      for (const run of runInstructions(stage)) {
        if (run.onbuild) continue; // runs in the images built FROM this one, judged there
        const pkgs = packageCommands(run.commands);
        for (const p of pkgs) {
          if (p.action !== 'install' || !p.system) continue;
          const tools = p.packages.filter((a) => isBuildToolchain(a.name));
          if (!tools.length || removedLater(p, tools.map((t) => t.name), pkgs)) continue;
          const names = tools.map((t) => t.name);
          ctx.report({
            node: tools[0]!.word,
            message: `${p.manager} installs build toolchain (${names.join(', ')}) into the final image; install it in a builder stage and COPY --from only the result`,
          });
        }
        for (const cmd of run.commands) {
          const what = buildCommand(cmd);
          if (!what || toolchainRemovedAfter(cmd, pkgs)) continue;
          ctx.report({
            node: cmd,
            message: `"${what}" builds in the final image, which then ships the toolchain and the sources; build in a builder stage and COPY --from the output`,
          });
        }
      }
    }
  },
});

/** The build the command runs (`cargo build`, `npm run build`), or undefined. */
function buildCommand(cmd: ShCommand): string | undefined {
  if (!cmd.name) return undefined;
  const name = basename(cmd.name);
  if (name === 'npm' || name === 'yarn' || name === 'pnpm') {
    const pos = positionalArgs(cmd).map((w) => w.value);
    const script = pos[0] === 'run' || pos[0] === 'run-script' ? pos[1] : name === 'npm' ? undefined : pos[0];
    return script && /^build\b/.test(script) ? `${name} ${pos[0] === script ? '' : `${pos[0]} `}${script}` : undefined;
  }
  if (!Object.hasOwn(BUILDS, name)) return undefined;
  const subs = BUILDS[name];
  if (!subs) return name;
  const sub = findSubcommand(cmd, { withValue: ['-o', '-C', '-p', '-f', '-s', '--settings', '-c', '--configuration', '--target'] })?.value;
  return sub && subs.includes(sub.toLowerCase()) ? `${name} ${sub}` : undefined;
}

/** The install's toolchain is removed again later in the same `RUN` (`apk del .build-deps`, `apt-get purge --auto-remove`). */
function removedLater(install: PackageCommand, names: readonly string[], all: readonly PackageCommand[]): boolean {
  const virtual = install.manager === 'apk' ? install.flagValues('-t', '--virtual').map((v) => v.value) : [];
  return all.some((p) => {
    if (p.command.start <= install.command.start || p.action !== 'remove' || p.manager !== install.manager) return false;
    if (p.hasFlag('--auto-remove') || p.subcommand === 'autoremove' || p.subcommand === 'autopurge') return true;
    return p.packages.some((a) => names.includes(a.name) || virtual.includes(a.name));
  });
}

/** A build in a `RUN` that removes toolchain packages after it: the single-layer build-and-clean idiom. */
function toolchainRemovedAfter(cmd: ShCommand, pkgs: readonly PackageCommand[]): boolean {
  return pkgs.some(
    (p) =>
      p.command.start > cmd.start &&
      p.action === 'remove' &&
      p.system &&
      (p.hasFlag('--auto-remove') || p.subcommand === 'autoremove' || p.packages.some((a) => isBuildToolchain(a.name) || a.name.startsWith('.'))),
  );
}

