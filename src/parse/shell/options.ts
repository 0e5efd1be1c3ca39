/**
 * Shell options a script turns on or off with `set` (and its shebang flags):
 * is `errexit` (`set -e`) in effect at a given point?
 */
import type { ShCommand, ShellDocument } from './types.js';

export interface SetChange {
  /** true for `-e` / `-o errexit`, false for `+e` / `+o errexit`, undefined when not touched. */
  errexit?: boolean;
  pipefail?: boolean;
  nounset?: boolean;
}

/** What one `set` command turns on or off. */
export function setChanges(cmd: ShCommand): SetChange {
  const out: SetChange = {};
  const args = cmd.args.map((a) => a.value ?? '');
  const named = (on: boolean, name: string | undefined): void => {
    if (name === 'errexit') out.errexit = on;
    if (name === 'pipefail') out.pipefail = on;
    if (name === 'nounset') out.nounset = on;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--' || a === '-') break;
    if (a === '-o' || a === '+o') {
      named(a === '-o', args[i + 1]);
      i++;
      continue;
    }
    if (/^[-+][a-zA-Z]+$/.test(a)) {
      const on = a[0] === '-';
      if (a.includes('e')) out.errexit = on;
      if (a.includes('u')) out.nounset = on;
      // `-eo pipefail`: the option name follows a cluster ending in `o`
      if (a.endsWith('o')) {
        named(on, args[i + 1]);
        i++;
      }
      continue;
    }
    break; // positional parameters follow
  }
  return out;
}

/** Flags on the shebang line (`#!/bin/sh -e`, `#!/bin/bash -eu`). */
export function shebangChanges(shell: ShellDocument): SetChange {
  const out: SetChange = {};
  const args = shell.shebang?.args ?? [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-o' || a === '+o') {
      if (args[i + 1] === 'errexit') out.errexit = a === '-o';
      if (args[i + 1] === 'pipefail') out.pipefail = a === '-o';
      i++;
    } else if (/^-[a-zA-Z]+$/.test(a)) {
      if (a.includes('e')) out.errexit = true;
      if (a.includes('u')) out.nounset = true;
    }
  }
  return out;
}

/**
 * Whether `set -e` is in effect at a given offset: from the shebang, or a
 * top-level `set -e` earlier in the script and no `set +e` after it. (A
 * `set -e` inside a function, a subshell or a condition does not count.) For
 * a command in a function, the script's state where the function is written
 * is used. Build once per script, ask many times.
 */
export function errexitTracker(shell: ShellDocument): (offset: number) => boolean {
  const initial = shebangChanges(shell).errexit ?? false;
  const changes: { at: number; on: boolean }[] = [];
  for (const cmd of shell.commands) {
    if (cmd.name !== 'set' || cmd.inFunction || cmd.inSubstitution || cmd.inCondition || cmd.inSubshell) continue;
    const on = setChanges(cmd).errexit;
    if (on !== undefined) changes.push({ at: cmd.start, on });
  }
  return (offset) => {
    let on = initial;
    for (const c of changes) {
      if (c.at >= offset) break;
      on = c.on;
    }
    return on;
  };
}

/** Whether `set -e` is in effect at `offset` (see `errexitTracker`, for many questions about one script). */
export function errexitAt(shell: ShellDocument, offset: number): boolean {
  return errexitTracker(shell)(offset);
}

/** Whether the script turns `set -e` on anywhere at top level (or on its shebang). */
export function setsErrexit(shell: ShellDocument): boolean {
  if (shebangChanges(shell).errexit) return true;
  return shell.commands.some(
    (c) => c.name === 'set' && !c.inFunction && !c.inSubstitution && !c.inCondition && setChanges(c).errexit === true,
  );
}

/** Offset of the first top-level `set -e` (0 when the shebang sets it), or undefined when the script never sets it. */
export function firstErrexit(shell: ShellDocument): number | undefined {
  if (shebangChanges(shell).errexit) return 0;
  return shell.commands.find(
    (c) => c.name === 'set' && !c.inFunction && !c.inSubstitution && !c.inCondition && !c.inSubshell && setChanges(c).errexit === true,
  )?.start;
}
