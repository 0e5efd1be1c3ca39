import { defineRule, variableUse } from '../kit/index.js';

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
    for (const [name, nodes] of use.assigned) {
      if (use.read.has(name) || use.exported.has(name) || READ_BY_THE_SHELL.has(name) || name.startsWith('_') || name.startsWith('LC_')) continue;
      ctx.report({
        node: nodes[nodes.length - 1]!,
        message: `${name} is assigned but never read; remove it, or export it if a program the script starts needs it`,
      });
    }
  },
});
