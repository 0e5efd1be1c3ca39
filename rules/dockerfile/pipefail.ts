import { basename } from 'node:path';
import {
  defineRule,
  imageBaseName,
  packageCommands,
  parseImageRef,
  runInstructions,
  type DfInstruction,
  type DfStage,
  type FixDescriptor,
  type RunInstruction,
  type ShCommand,
  type ShellDocument,
  type ShPipeline,
} from '../kit/index.js';

/** Commands whose failure in front of a pipe cannot matter (and `yes`, which pipefail would turn into a failure). */
const HARMLESS_SOURCES = new Set(['echo', 'printf', 'yes', 'true']);
/** Shells with `set -o pipefail`. */
const PIPEFAIL_SHELLS = new Set(['bash', 'zsh', 'ksh', 'ash', 'busybox']);
/** Base images (repository base names) whose `/bin/sh` is dash and that ship bash. */
const DEBIAN_LIKE = new Set([
  'debian', 'ubuntu', 'buildpack-deps', 'python', 'node', 'golang', 'rust', 'ruby', 'php', 'perl', 'openjdk', 'eclipse-temurin',
  'maven', 'gradle', 'cuda', 'r-base', 'julia', 'elixir', 'erlang', 'haskell', 'swift', 'clojure', 'gcc', 'pypy', 'sapmachine',
]);
const SHELL_LINE = 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]';

type Dialect = { shell: string; pipefail: boolean; from: 'SHELL' | 'heredoc' | 'default' };

export default defineRule<'dockerfile'>({
  meta: {
    id: 'dockerfile/pipefail',
    kind: 'dockerfile',
    category: 'reliability',
    severity: 'warning',
    fix: 'unsafe',
    summary: 'A `RUN` with a pipe runs under `set -o pipefail` or a `SHELL` with `-o pipefail`',
    recommended: false,
    compat: { hadolint: ['DL4006'] },
  },
  check(ctx) {
    const doc = ctx.dockerfile;
    for (const run of runInstructions(doc)) {
      const shell = shellInEffect(run);
      if (shell === null) continue; // a non-POSIX SHELL (pwsh, cmd)
      for (const script of run.scripts) {
        const dialect = dialectOf(run, script, shell);
        if (!dialect || dialect.pipefail) continue;
        const pipeline = firstUnprotectedPipeline(script);
        if (!pipeline) continue;
        const family = dialect.shell === 'sh' ? baseFamily(run) : undefined;
        const first = pipeline.commands[0]!;
        const who = first.name ? `"${first.name}"` : 'the first command';
        const why = `the pipeline's status is that of its last command, so a failure of ${who} goes unnoticed`;
        if (PIPEFAIL_SHELLS.has(dialect.shell) || family === 'alpine') {
          const shellName = dialect.shell === 'sh' || dialect.shell === 'busybox' ? 'ash' : dialect.shell;
          const advice =
            dialect.from === 'heredoc'
              ? 'add "set -o pipefail" at the top of the heredoc script'
              : `add "set -o pipefail" before it (or SHELL ["/bin/${shellName}", "-o", "pipefail", "-c"])`;
          ctx.report({ range: pipeline, message: `${why}; ${advice}`, ...setPipefailFix(run, script) });
        } else if (dialect.from === 'heredoc') {
          const dash = dialect.shell === 'sh' ? '/bin/sh (dash on Debian and Ubuntu)' : dialect.shell;
          ctx.report({
            range: pipeline,
            message: `${why}; ${dash} has no pipefail option, so run the heredoc with #!/bin/bash and "set -o pipefail"`,
          });
        } else {
          const fix = run.onbuild ? undefined : shellFix(run.instruction);
          ctx.report({
            range: pipeline,
            message: `${why}; /bin/sh (dash on Debian and Ubuntu) has no pipefail option, so put ${SHELL_LINE} before this RUN`,
            ...(fix && family === 'debian' ? { fix } : fix ? { suggestions: [fix] } : {}),
          });
        }
        break; // one finding per RUN
      }
    }
  },
});

/** The `SHELL` argv in effect for the RUN; undefined for the default `/bin/sh -c`; null for a non-POSIX shell. */
function shellInEffect(run: RunInstruction): readonly string[] | undefined | null {
  for (let stage: DfStage | undefined = run.stage; stage; stage = stage.parent) {
    const list = stage.instructions;
    for (let i = list.length - 1; i >= 0; i--) {
      const ins = list[i]!;
      if (stage === run.stage && ins.start >= run.instruction.start) continue;
      if (ins.keyword !== 'SHELL' || !ins.execForm) continue;
      const argv = jsonStrings(ins);
      const exe = basename((argv[0] ?? '').replace(/\\/g, '/')).toLowerCase().replace(/\.exe$/, '');
      return ['sh', 'bash', 'dash', 'ash', 'ksh', 'zsh', 'mksh', 'busybox'].includes(exe) ? argv : null;
    }
  }
  return undefined;
}

function jsonStrings(ins: DfInstruction): string[] {
  const ast = ins.ast as unknown as { getJSONStrings?: () => { getJSONValue(): string }[] };
  return ast.getJSONStrings?.().map((s) => s.getJSONValue()) ?? [];
}

/** Which shell runs the script and whether pipefail is already on from outside it. */
function dialectOf(run: RunInstruction, script: ShellDocument, shell: readonly string[] | undefined): Dialect | undefined {
  const commandLine = run.run.argsSpan && script.baseOffset === run.run.argsSpan.start;
  if (!commandLine) {
    // a heredoc body: its #! line, else the shell it is fed to (`RUN <<EOF bash`), else the RUN's shell
    if (script.shebang) {
      return { shell: script.shebang.interpreter, pipefail: hasPipefail(script.shebang.args), from: 'heredoc' };
    }
    const fed = /^\s*<<-?\s*["']?\w+["']?\s+((?:\S*\/)?(?:ba|da|a|z|k)?sh)\b([^\n]*)/.exec(run.run.argsText);
    if (fed) return { shell: basename(fed[1]!), pipefail: /pipefail/.test(fed[2]!), from: 'heredoc' };
  }
  if (shell) return { shell: basename(shell[0]!).toLowerCase(), pipefail: hasPipefail(shell), from: 'SHELL' };
  return { shell: 'sh', pipefail: false, from: 'default' };
}

/** `-o pipefail`, `-eo pipefail`, `-opipefail` among shell arguments. */
function hasPipefail(args: readonly string[]): boolean {
  return args.some((a, i) => a === '-opipefail' || (a === 'pipefail' && i > 0 && /^-[A-Za-z]*o$/.test(args[i - 1]!)));
}

/** The first pipeline that runs before any `set -o pipefail` and whose failure would be hidden. */
function firstUnprotectedPipeline(script: ShellDocument): ShPipeline | undefined {
  const commands = flatten(script.commands);
  const seen = new Set<ShPipeline>();
  for (const cmd of commands) {
    const p = cmd.pipeline;
    if (!p || seen.has(p)) continue;
    seen.add(p);
    if (p.commands.slice(0, -1).every((c) => c.name !== undefined && HARMLESS_SOURCES.has(basename(c.name)))) continue;
    if (failsOnEmptyInput(p.commands.at(-1)!)) continue;
    if (commands.some((c) => c.start < p.start && c.outer === cmd.outer && setsPipefail(c))) continue;
    if (cmd.outer && hasPipefail(cmd.outer.args.map((a) => a.value ?? ''))) continue; // bash -o pipefail -c '…'
    return p;
  }
  return undefined;
}

/**
 * The last command fails by itself when what comes through the pipe is empty
 * (a failing producer usually prints nothing): `grep` selects no line,
 * `sha256sum -c -` finds no checksum line.
 */
function failsOnEmptyInput(cmd: ShCommand): boolean {
  const name = cmd.name === undefined ? '' : basename(cmd.name);
  if (name === 'grep' || name === 'egrep' || name === 'fgrep') return true;
  return /^(sha(1|224|256|384|512)?|md5|b2)sum$/.test(name) && cmd.args.some((a) => a.value === '-c' || a.value === '--check');
}

function flatten(list: readonly ShCommand[]): ShCommand[] {
  const out: ShCommand[] = [];
  for (const c of list) {
    out.push(c);
    if (c.inner) out.push(...flatten(c.inner));
  }
  return out;
}

function setsPipefail(cmd: ShCommand): boolean {
  return cmd.name === 'set' && hasPipefail(cmd.args.map((a) => a.value ?? ''));
}

/** `alpine` when the stage is Alpine-based (its /bin/sh is BusyBox ash), `debian` when it is known to have bash. */
function baseFamily(run: RunInstruction): 'alpine' | 'debian' | undefined {
  let root: DfStage | undefined = run.stage;
  const stages: DfStage[] = [];
  while (root) {
    stages.push(root);
    if (!root.parent) break;
    root = root.parent;
  }
  if (!root) return undefined;
  const ref = parseImageRef(root.resolvedImage);
  const uses = (managers: string[]) =>
    stages.some((s) => runInstructions(s).some((r) => packageCommands(r.commands).some((p) => managers.includes(p.manager))));
  if (/alpine/i.test(ref.tag ?? '') || imageBaseName(ref) === 'alpine' || uses(['apk'])) return 'alpine';
  if (uses(['apt-get', 'apt'])) return 'debian';
  if (DEBIAN_LIKE.has(imageBaseName(ref)) && !/(busybox|distroless|windows|nanoserver)/i.test(ref.tag ?? '')) return 'debian';
  return undefined;
}

/** `set -o pipefail` at the start of the script (after a heredoc's #! line). */
function setPipefailFix(run: RunInstruction, script: ShellDocument): { fix?: FixDescriptor } {
  const text = script.text;
  if (script.shebang) {
    const eol = text.indexOf('\n');
    if (eol < 0) return {};
    return { fix: { description: 'set pipefail first', edits: [{ start: script.baseOffset + eol + 1, end: script.baseOffset + eol + 1, text: 'set -o pipefail\n' }] } };
  }
  const lead = text.length - text.trimStart().length;
  const heredoc = !(run.run.argsSpan && script.baseOffset === run.run.argsSpan.start);
  const at = script.baseOffset + lead;
  return { fix: { description: 'set pipefail first', edits: [{ start: at, end: at, text: heredoc ? 'set -o pipefail\n' : 'set -o pipefail; ' }] } };
}

/** A `SHELL` line with pipefail, inserted above the instruction with the same indentation. */
function shellFix(ins: DfInstruction): FixDescriptor | undefined {
  const text = ins.file.text;
  const lineStart = text.lastIndexOf('\n', ins.start - 1) + 1;
  const indent = text.slice(lineStart, ins.start);
  if (indent.trim() !== '') return undefined;
  return { description: 'run RUN under bash with pipefail', edits: [{ start: lineStart, end: lineStart, text: `${indent}${SHELL_LINE}\n` }] };
}
