import { defineRule, errexitTracker, firstErrexit } from '../kit/index.js';

const CHANGES_DIRECTORY = new Set(['cd', 'pushd', 'popd']);

export default defineRule<'shell'>({
  meta: {
    id: 'shell/cd-checked',
    kind: 'shell',
    category: 'shell',
    severity: 'warning',
    fix: 'unsafe',
    summary: 'A `cd` that can fail is followed by `|| exit` when the script does not run under `set -e`',
    compat: { shellcheck: ['SC2164'] },
  },
  check(ctx) {
    const { shell } = ctx;
    // commands before a late `set -e` are shell/strict-mode's finding
    const setE = firstErrexit(shell);
    const errexitAt = errexitTracker(shell);
    for (const cmd of shell.commands) {
      if (!cmd.name || !CHANGES_DIRECTORY.has(cmd.name) || !cmd.nameWord) continue;
      if (cmd.name === 'cd' && cmd.args.length === 0) continue; // `cd` alone goes home
      if (cmd.inCondition || cmd.negated || cmd.pipeline) continue;
      if (cmd.after === '&&' || cmd.after === '||') continue; // `cd x && make`, `cd x || exit`
      if (errexitAt(cmd.start) || (setE !== undefined && cmd.start < setE)) continue;
      const leave = cmd.inFunction && !cmd.inSubshell ? 'return' : 'exit';
      ctx.report({
        node: cmd.nameWord,
        message: `if "${cmd.name}" fails, the script carries on in the wrong directory; add "|| ${leave}"`,
        fix: { description: `append "|| ${leave}"`, edits: [{ start: cmd.end, end: cmd.end, text: ` || ${leave}` }] },
      });
    }
  },
});
