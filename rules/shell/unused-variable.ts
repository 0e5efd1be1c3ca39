import { defineRule, sourcersOf, sourceTarget, variableUse, type ShellDocument, type StackModel } from '../kit/index.js';

/** Variables the shell itself or the programs it starts read without the script naming them. */
const READ_BY_THE_SHELL = new Set(['IFS', 'PATH', 'PS1', 'PS2', 'PS4', 'CDPATH', 'HOME', 'OPTIND', 'TMOUT', 'TMPDIR', 'LANG', 'LANGUAGE', 'TZ', 'BASH_XTRACEFD', 'HISTFILE', 'SHELLOPTS', 'POSIXLY_CORRECT', 'GLOBIGNORE', 'TIMEFORMAT', 'MAILPATH', 'ENV']);

export default defineRule<'shell'>({
  meta: {
    id: 'shell/unused-variable',
    kind: 'shell',
    category: 'shell',
    severity: 'warning',
    fix: 'none',
    summary: 'A variable the script assigns is read somewhere, or exported for the programs it starts',
    runBodies: true,
    compat: { shellcheck: ['SC2034'] },
  },
  check(ctx) {
    // a script without a shebang may be a file other scripts source, to set variables for them
    if (!ctx.run && !ctx.shell.shebang) return;
    const use = variableUse(ctx.shell);
    if (use.opaque) return;
    // what the files it sources read, and (a script of the run) what the scripts that source it read
    const read = new Set(use.read);
    const sourced = readsOfSourced(ctx.shell, ctx.stack, ctx.run ? undefined : ctx.shell);
    if (!sourced) return;
    for (const name of sourced) read.add(name);
    if (!ctx.run) {
      for (const by of sourcersOf(ctx.shell, ctx.stack)) {
        const theirs = variableUse(by);
        if (theirs.opaque) return;
        for (const name of theirs.read) read.add(name);
        const more = readsOfSourced(by, ctx.stack, by);
        if (!more) return;
        for (const name of more) read.add(name);
      }
    }
    for (const [name, nodes] of use.assigned) {
      if (read.has(name) || use.exported.has(name) || READ_BY_THE_SHELL.has(name) || name.startsWith('_') || name.startsWith('LC_')) continue;
      ctx.report({
        node: nodes[nodes.length - 1]!,
        message: `${name} is assigned but never read; remove it, or export it if a program the script starts needs it`,
      });
    }
  },
});

/**
 * The names read by the files a script sources (one level: what those source
 * in turn must be known too), or undefined when one is not a script of the
 * run or reaches variables by computed names.
 */
function readsOfSourced(shell: ShellDocument, stack: StackModel, script: ShellDocument | undefined, depth = 0): Set<string> | undefined {
  const names = new Set<string>();
  const sourcing = shell.commands.filter((c) => c.name === 'source' || c.name === '.');
  for (const cmd of sourcing) {
    const target = script ? sourceTarget(stack, script, cmd) : undefined;
    if (target?.kind === 'ignored') continue;
    if (target?.kind !== 'script' || depth > 3) return undefined;
    const file = target.script;
    if (file === shell) continue;
    const use = variableUse(file);
    if (use.opaque) return undefined;
    for (const name of use.read) names.add(name);
    const deeper = readsOfSourced(file, stack, file, depth + 1);
    if (!deeper) return undefined;
    for (const name of deeper) names.add(name);
  }
  return names;
}
