import { basename } from 'node:path';
import {
  defineRule,
  findSubcommand,
  flagValues,
  packageCommand,
  runInstructions,
  type DfInstruction,
  type DfStage,
  type ShCommand,
} from '../kit/index.js';

/** The manifests each ecosystem installs from: what should be copied before the rest. */
const MANIFESTS: Record<string, string> = {
  node: 'package.json and the lockfile',
  python: 'the requirements file (or pyproject.toml and the lockfile)',
  go: 'go.mod and go.sum',
  rust: 'Cargo.toml and Cargo.lock',
  ruby: 'Gemfile and Gemfile.lock',
  php: 'composer.json and composer.lock',
  maven: 'pom.xml',
  gradle: 'the build.gradle files',
  dotnet: 'the project files',
};

interface State {
  /** The first COPY/ADD of the whole build context, if any. */
  wholeCopy: DfInstruction | undefined;
  /** Ecosystems whose dependencies were installed already (before any whole copy, or reported). */
  installed: Set<string>;
}

export default defineRule<'dockerfile'>({
  meta: {
    id: 'dockerfile/layer-cache-order',
    kind: 'dockerfile',
    category: 'performance',
    severity: 'warning',
    fix: 'none',
    summary: 'Dependency manifests are copied and installed before the rest of the source',
    recommended: false,
  },
  check(ctx) {
    const states = new Map<DfStage, State>();
    for (const stage of ctx.dockerfile.stages) {
      const inherited = stage.parent ? states.get(stage.parent) : undefined;
      const state: State = { wholeCopy: inherited?.wholeCopy, installed: new Set(inherited?.installed) };
      const runs = new Map(runInstructions(stage).map((r) => [r.instruction, r]));
      for (const ins of stage.instructions) {
        if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && !state.wholeCopy && copiesWholeContext(ins)) {
          state.wholeCopy = ins;
          continue;
        }
        const run = runs.get(ins);
        if (!run || run.onbuild) continue;
        for (const cmd of run.commands) {
          const step = dependencyStep(cmd);
          if (!step || state.installed.has(step.ecosystem)) continue;
          state.installed.add(step.ecosystem);
          if (!state.wholeCopy) continue;
          const copy = state.wholeCopy;
          const line = ctx.file.lines.position(copy.start).line;
          ctx.report({
            node: cmd,
            message: `"${step.label}" runs after ${copy.keyword} of the whole build context (line ${line}), so every source change installs all dependencies again; copy ${MANIFESTS[step.ecosystem]} first, install, then copy the rest`,
          });
        }
      }
      states.set(stage, state);
    }
  },
});

/** COPY/ADD of the whole context: `.`, `./`, `*` or `./*` among the sources, from the context (not another stage). */
function copiesWholeContext(ins: DfInstruction): boolean {
  if (ins.flags.some((f) => f.name.toLowerCase() === 'from')) return false;
  const args = ins.args.map((a) => a.value);
  if (args.length < 2) return false;
  return args.slice(0, -1).some((s) => s === '.' || s === './' || s === '*' || s === './*');
}

/** The dependency-installing step a command is, with its ecosystem. */
function dependencyStep(cmd: ShCommand): { ecosystem: string; label: string } | undefined {
  const name = cmd.name === undefined ? undefined : basename(cmd.name);
  if (!name) return undefined;
  const pkg = packageCommand(cmd);
  if (pkg && (pkg.manager === 'npm' || pkg.manager === 'yarn' || pkg.manager === 'pnpm' || pkg.manager === 'pip')) {
    const label = `${pkg.toolWord.raw}${pkg.subcommand ? ` ${pkg.subcommand}` : ''}`;
    if (pkg.action !== 'install') return undefined;
    if (pkg.manager === 'pip') return pkg.flagValues('-r', '--requirement').length ? { ecosystem: 'python', label: `${label} -r` } : undefined;
    return pkg.packages.length === 0 && !pkg.global ? { ecosystem: 'node', label } : undefined;
  }
  const sub = findSubcommand(cmd, { withValue: ['-C', '-p', '-f', '-s', '-c', '--configuration', '--settings', '-o', '--output'] })?.value;
  const step = (ecosystem: string) => ({ ecosystem, label: `${name}${sub ? ` ${sub}` : ''}` });
  switch (name) {
    case 'poetry':
    case 'pipenv':
      return sub === 'install' || sub === 'sync' ? step('python') : undefined;
    case 'uv':
      return sub === 'sync' || (sub === 'pip' && flagValues(cmd, '-r', '--requirement').length > 0) ? step('python') : undefined;
    case 'go':
      return sub === 'mod' && cmd.args.some((a) => a.value === 'download') ? { ecosystem: 'go', label: 'go mod download' } : undefined;
    case 'cargo':
      return sub === 'fetch' || sub === 'build' || sub === 'vendor' ? step('rust') : undefined;
    case 'bundle':
    case 'bundler':
      return sub === 'install' || sub === undefined ? step('ruby') : undefined;
    case 'composer':
      return sub === 'install' ? step('php') : undefined;
    case 'mvn':
    case 'mvnw':
      return sub && /^(dependency:|package$|install$|verify$|compile$)/.test(sub) ? step('maven') : undefined;
    case 'gradle':
    case 'gradlew':
      return sub && /^(build|assemble|dependencies|bootJar|jar|installDist)$/.test(sub) ? step('gradle') : undefined;
    case 'dotnet':
      return sub === 'restore' || sub === 'build' || sub === 'publish' ? step('dotnet') : undefined;
    default:
      return undefined;
  }
}
