import { defineRule, unquotedGlob, type ShCommand, type ShWord } from '../kit/index.js';

/** grep's short options that take a value (`-e` gives the pattern). */
const VALUED = new Set(['e', 'f', 'm', 'A', 'B', 'C', 'd', 'D']);

export default defineRule<'shell'>({
  meta: {
    id: 'shell/grep-pattern-quoted',
    kind: 'shell',
    category: 'shell',
    severity: 'warning',
    fix: 'none',
    summary: "grep's pattern is quoted when it holds `*`, `?` or `[…]`, which the shell would expand as a glob first",
    runBodies: true,
    compat: { shellcheck: ['SC2062'] },
  },
  check(ctx) {
    for (const cmd of ctx.shell.commands) {
      if (cmd.name !== 'grep') continue;
      const pattern = grepPattern(cmd);
      if (!pattern || !unquotedGlob(pattern.node)) continue;
      ctx.report({
        node: pattern,
        message: `grep's pattern ${pattern.raw} is unquoted: when a file name matches it as a glob, grep searches for that name instead (or gets no pattern at all); quote it: '${pattern.raw.replace(/'/g, `'\\''`)}'`,
      });
    }
  },
});

/** The pattern word: the first `-e`'s value, else the first operand. */
function grepPattern(cmd: ShCommand): ShWord | undefined {
  const args = cmd.args;
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value ?? args[i]!.raw;
    if (v === '--') return args[i + 1];
    if (v === '--regexp') return args[i + 1];
    if (/^--(?:regexp|file)(?:=|$)/.test(v)) return undefined; // `--regexp=…`: glued; `--file`: patterns from a file
    if (v.startsWith('--') || v === '-' || !v.startsWith('-')) {
      if (v.startsWith('--')) continue;
      return args[i];
    }
    for (let j = 1; j < v.length; j++) {
      if (!VALUED.has(v[j]!)) continue;
      if (j + 1 < v.length) {
        if (v[j] === 'e' || v[j] === 'f') return undefined; // `-epattern`: glued to the option; `-ffile`: patterns from a file
      } else if (v[j] === 'e') return args[i + 1];
      else if (v[j] === 'f') return undefined; // patterns from a file: every operand is a file
      else i++;
      break;
    }
  }
  return undefined;
}
