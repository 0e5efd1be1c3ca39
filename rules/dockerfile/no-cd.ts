import path from 'node:path';
import {
  buildsOnScratch,
  defineRule,
  enclosingControls,
  positionalArgs,
  runInstructions,
  type DfInstruction,
  type DfStage,
  type RunInstruction,
  type ShCommand,
} from '../kit/index.js';

export default defineRule<'dockerfile'>({
  meta: {
    id: 'dockerfile/no-cd',
    kind: 'dockerfile',
    category: 'style',
    severity: 'warning',
    fix: 'none',
    summary: '`WORKDIR` sets the working directory instead of `RUN cd …`, and `WORKDIR` paths are absolute',
    compat: { hadolint: ['DL3003', 'DL3000'], buildkit: ['WorkdirRelativePath'] },
  },
  check(ctx) {
    const doc = ctx.dockerfile;
    for (const run of runInstructions(doc)) {
      // The folder the RUN is in, followed through its cds while it is known: set by a WORKDIR of the file, or / on
      // scratch; not for an ONBUILD RUN, which runs in an image not yet written.
      let cwd = run.stage && !run.onbuild ? (previousWorkdir(run.stage, run.instruction) ?? (buildsOnScratch(run.stage) ? '/' : undefined)) : undefined;
      for (const cmd of run.commands) {
        if (cmd.name !== 'cd' || runsApart(cmd)) continue;
        const target = cdTarget(cmd, run);
        cwd = nextDir(cwd, cmd);
        if (!target) continue;
        const workdir = target.startsWith('/') ? target : cwd;
        ctx.report({
          node: cmd,
          compat: 'DL3003',
          message: `"cd ${target}" changes the directory for this RUN only and hides where the commands run; use WORKDIR ${workdir ?? "with the folder's absolute path"} instead`,
        });
      }
    }
    for (const stage of doc.stages) {
      for (const ins of stage.instructions) {
        if (ins.keyword !== 'WORKDIR') continue;
        const arg = ins.args[0];
        const dir = arg?.value;
        if (!arg || !dir || isAbsolute(dir) || dir.startsWith('$')) continue;
        const previous = previousWorkdir(stage, ins);
        if (previous) {
          const absolute = path.posix.join(previous, dir);
          ctx.report({
            node: arg,
            compat: 'DL3000',
            message: `relative WORKDIR "${dir}" resolves against the previous WORKDIR; write the absolute path "${absolute}"`,
            suggestions: [{ description: `write "${absolute}"`, edits: [{ start: arg.start, end: arg.end, text: absolute }] }],
          });
        } else {
          ctx.report({
            node: arg,
            compat: 'DL3000',
            message: `relative WORKDIR "${dir}" depends on the base image's working directory, which can change with the base image; use an absolute path`,
          });
        }
      }
    }
  },
});

/**
 * The cd does not move the rest of the RUN, or not always: it is in a
 * subshell, function or substitution, a condition, an if/case branch or a
 * loop, or runs only when the command before it failed (`test -d x || cd y`).
 * WORKDIR cannot say any of that.
 */
function runsApart(cmd: ShCommand): boolean {
  return cmd.inSubshell || cmd.inFunction || cmd.inSubstitution || cmd.inCondition || cmd.before === '||' || enclosingControls(cmd).length > 0;
}

/**
 * The folder a `cd` changes to, when WORKDIR would do: a static folder that the
 * same RUN does not remove later, and that is not a temporary or going-back move.
 */
function cdTarget(cmd: ShCommand, run: RunInstruction): string | undefined {
  const word = positionalArgs(cmd)[0];
  if (!word) return undefined; // `cd` alone: home
  const dir = word.value;
  if (dir === undefined) return undefined; // cd "$tempDir": built and thrown away in this RUN
  if (dir === '-' || dir === '..' || dir === '/' || dir === '~' || dir.startsWith('../') || /^\/(tmp|var\/tmp|dev\/shm)(\/|$)/.test(dir)) return undefined;
  const norm = dir.replace(/\/+$/, '');
  const removed = run.commands.some(
    (c) => c.start > cmd.start && c.name === 'rm' && c.args.some((a) => (a.value ?? a.raw).replace(/["']/g, '').replace(/\/+\*?$/, '') === norm),
  );
  return removed ? undefined : dir;
}

/** The working directory after `cd`, from the one before it; undefined when either is not known. */
function nextDir(cwd: string | undefined, cmd: ShCommand): string | undefined {
  const dir = positionalArgs(cmd)[0]?.value;
  if (dir === undefined || dir === '-' || dir.startsWith('~')) return undefined;
  if (dir.startsWith('/')) return path.posix.normalize(dir);
  return cwd === undefined ? undefined : path.posix.join(cwd, dir);
}

function isAbsolute(dir: string): boolean {
  const unquoted = dir.replace(/^["']|["']$/g, '');
  return unquoted.startsWith('/') || /^[A-Za-z]:[\\/]/.test(unquoted) || unquoted.startsWith('\\');
}

/** The static absolute WORKDIR in effect before `ins` in its stage or the stages it is built FROM. */
function previousWorkdir(stage: DfStage, ins: DfInstruction): string | undefined {
  const dirs: string[] = [];
  const chain: DfStage[] = [];
  for (let s: DfStage | undefined = stage; s; s = s.parent) chain.unshift(s);
  for (const s of chain) {
    for (const i of s.instructions) {
      if (s === stage && i.start >= ins.start) break;
      if (i.keyword === 'WORKDIR' && i.args[0]) dirs.push(i.args[0].value);
    }
  }
  let current: string | undefined;
  for (const d of dirs) {
    if (d.startsWith('$')) current = undefined;
    else if (d.startsWith('/')) current = d;
    else if (current) current = path.posix.join(current, d);
  }
  return current;
}
