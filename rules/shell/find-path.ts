import { defineRule } from '../kit/index.js';

/** Options `find` takes before its paths. */
const LEADING_OPTIONS = /^-(?:[HLP]+|D|O\d*)$/;

export default defineRule<'shell'>({
  meta: {
    id: 'shell/find-path',
    kind: 'shell',
    category: 'shell',
    severity: 'info',
    fix: 'unsafe',
    // off in recommended: GNU and BusyBox find, the ones in containers, default to "."
    recommended: false,
    summary: '`find` is given the folder to search: BSD and macOS `find` have no default',
    runBodies: true,
    compat: { shellcheck: ['SC2185'] },
  },
  check(ctx) {
    for (const cmd of ctx.shell.commands) {
      if (cmd.name !== 'find' || cmd.wrappers.length || !cmd.nameWord) continue;
      let i = 0;
      while (i < cmd.args.length && LEADING_OPTIONS.test(cmd.args[i]!.value ?? '')) i += cmd.args[i]!.value === '-D' ? 2 : 1;
      const first = cmd.args[i];
      if (first && !(first.value !== undefined && (first.value.startsWith('-') || first.value === '(' || first.value === '!'))) continue;
      const at = first ? first.start : cmd.nameWord.end;
      ctx.report({
        node: cmd.nameWord,
        message: 'find has no folder to search: GNU and BusyBox find use ".", BSD and macOS find stop with an error; name it (find . …)',
        fix: { description: 'search "."', edits: [{ start: at, end: at, text: first ? '. ' : ' .' }] },
      });
    }
  },
});
