import { declaresDialect, defineRule, enclosingControls, isSourcedByOther, type ShCommand, type ShellDocument } from '../kit/index.js';

/** Commands that may come before `set -e` without doing anything that can fail unnoticed. */
const PRELUDE = new Set(['set', 'shopt', 'export', 'readonly', 'declare', 'typeset', 'trap', 'umask', ':', 'true']);

interface Options {
  pipefail: boolean;
}

export default defineRule<'shell', Options>({
  meta: {
    id: 'shell/strict-mode',
    kind: 'shell',
    category: 'shell',
    severity: 'warning',
    fix: 'unsafe',
    summary: 'A script sets `set -e` before its first command',
    recommended: false,
    options: {
      type: 'object',
      properties: { pipefail: { type: 'boolean', default: false } },
      additionalProperties: false,
    },
  },
  check(ctx) {
    const { shell } = ctx;
    // a library without a shebang that is sourced runs under its caller's options
    if (!shell.shebang && (declaresDialect(shell) || isSourcedByOther(shell, ctx.stack))) return;
    const flags = shebangFlags(shell);
    const topLevel = shell.commands.filter((c) => !c.inFunction && !c.inSubstitution && !c.inCondition);
    let errexit = flags.errexit;
    let pipefail = flags.pipefail;
    let firstUnguarded: ShCommand | undefined;
    for (const cmd of topLevel) {
      if (cmd.name === 'set') {
        const set = setFlags(cmd);
        errexit ||= set.errexit;
        pipefail ||= set.pipefail;
        if (errexit && !flags.errexit && firstUnguarded) break;
        continue;
      }
      if (errexit) break;
      if (cmd.name && PRELUDE.has(cmd.name) && !cmd.args.some((a) => /\$\(|`/.test(a.raw))) continue;
      firstUnguarded ??= cmd;
    }
    const runners = topLevel.filter((c) => !(c.name && PRELUDE.has(c.name)));
    if (!runners.length) return; // a library of functions, or nothing to run
    // One command, run once (`exec docker compose up "$@"`): its status is the script's, and nothing comes after it.
    const single = runners.length === 1 && enclosingControls(runners[0]!).length === 0;
    const wantPipefail = ctx.options.pipefail && shell.dialect === 'bash';

    if (!errexit && single) return;
    if (!errexit) {
      // `+set -euo pipefail`: the author meant set -e; say where it went wrong rather than that it is missing.
      const typo = topLevel.find((c) => c.name !== undefined && mistypedSet(c.name) && setFlags(c).errexit);
      if (typo?.nameWord) {
        const name = typo.name!;
        const stray = name.replace(/[A-Za-z]/g, '');
        const shown = [typo.nameWord, ...typo.args].map((w) => w.raw).join(' ');
        ctx.report({
          node: typo.nameWord,
          message: `"${shown}" runs a command named "${name}", not the set builtin, so the script goes on without -e; ${stray ? `remove the "${stray}"` : 'write "set"'}`,
          suggestions: [{ description: 'write "set"', edits: [{ start: typo.nameWord.start, end: typo.nameWord.end, text: 'set' }] }],
        });
        return;
      }
      const at = shell.shebang ?? firstUnguarded ?? topLevel[0]!;
      const line = wantPipefail || shell.dialect === 'bash' ? 'set -eo pipefail' : 'set -e';
      ctx.report({
        node: at,
        message: 'the script never sets -e, so a failing command does not stop it',
        fix: { description: `insert "${line}" at the top`, edits: [insertAtTop(shell, line)] },
      });
      return;
    }
    if (firstUnguarded) {
      ctx.report({
        node: firstUnguarded.nameWord ?? firstUnguarded,
        message: `"${firstUnguarded.name ?? 'this command'}" runs before set -e, so its failure goes unnoticed`,
      });
    }
    if (wantPipefail && !pipefail) {
      const set = topLevel.find((c) => c.name === 'set' && setFlags(c).errexit);
      ctx.report({ node: set ?? shell.shebang ?? topLevel[0]!, message: 'bash script sets -e without -o pipefail, so a failure inside a pipeline goes unnoticed' });
    }
  },
});

/**
 * A command name that is `set` with a slip of the keyboard: a stray character that is no letter (`+set`, `-set`,
 * `set.`) or a doubled letter (`sset`, `sett`). Real programs one letter away (`sed -e`, `seq`) are not slips.
 */
function mistypedSet(name: string): boolean {
  if (name === 'set') return false;
  return name.replace(/[^A-Za-z]/g, '') === 'set' || name.replace(/(.)\1+/g, '$1') === 'set';
}

function setFlags(cmd: ShCommand): { errexit: boolean; pipefail: boolean } {
  let errexit = false;
  let pipefail = false;
  const args = cmd.args.map((a) => a.value ?? '');
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-o' || a === '--') {
      const opt = args[i + 1];
      if (a === '-o' && opt === 'errexit') errexit = true;
      if (a === '-o' && opt === 'pipefail') pipefail = true;
      i++;
      continue;
    }
    if (/^-[a-zA-Z]+$/.test(a)) {
      if (a.includes('e')) errexit = true;
      // `-eo pipefail`: the option name follows a combined flag ending in `o`
      if (a.endsWith('o') && args[i + 1] === 'pipefail') pipefail = true;
      if (a.endsWith('o') && args[i + 1] === 'errexit') errexit = true;
    }
  }
  return { errexit, pipefail };
}

function shebangFlags(shell: ShellDocument): { errexit: boolean; pipefail: boolean } {
  const args = shell.shebang?.args ?? [];
  return {
    errexit: args.some((a) => /^-[a-zA-Z]*e/.test(a)),
    pipefail: args.includes('pipefail'),
  };
}

function insertAtTop(shell: ShellDocument, line: string) {
  const text = shell.file.text;
  if (shell.shebang) {
    const eol = text.indexOf('\n', shell.shebang.start);
    const nl = text.includes('\r\n') ? '\r\n' : '\n';
    if (eol < 0) return { start: text.length, end: text.length, text: `${nl}${line}${nl}` };
    return { start: eol + 1, end: eol + 1, text: `${line}${nl}` };
  }
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  return { start: 0, end: 0, text: `${line}${nl}` };
}
