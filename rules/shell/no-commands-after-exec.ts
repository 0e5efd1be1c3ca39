import { childByField, defineRule, replacesShell, statementsAfter, type ShNode } from '../kit/index.js';

/** What a script runs after an `exec` only in case the `exec` itself fails: a message, then leaving. */
const FAILURE_HANDLING = new Set(['echo', 'printf', 'exit', 'return', ':', 'logger']);

export default defineRule<'shell'>({
  meta: {
    id: 'shell/no-commands-after-exec',
    kind: 'shell',
    category: 'shell',
    severity: 'warning',
    fix: 'none',
    summary: 'An `exec` that runs a program is the last command of its block: the commands after it never run',
    runBodies: true,
    compat: { shellcheck: ['SC2093'] },
  },
  check(ctx) {
    for (const cmd of ctx.shell.commands) {
      if (!replacesShell(cmd)) continue;
      const after = statementsAfter(cmd);
      if (!after.length || after.every(handlesFailure)) continue;
      const next = after.find((s) => !handlesFailure(s))!;
      const program = cmd.words.find((w, i) => i > 0 && !w.value?.startsWith('-'))!;
      ctx.report({
        node: cmd.words[0]!,
        message: `"exec" replaces the shell with ${program.raw}, so the commands after it (from line ${ctx.file.lines.position(next.start).line}) never run; drop "exec" if the script should carry on`,
      });
    }
  },
});

function handlesFailure(statement: ShNode): boolean {
  const command = statement.type === 'redirected_statement' ? childByField(statement, 'body') : statement;
  if (command?.type !== 'command') return false;
  return FAILURE_HANDLING.has(childByField(command, 'name')?.text ?? '');
}
