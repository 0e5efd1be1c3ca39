import { defineRule, mayContain, type ShNode, walkNodes } from '../kit/index.js';

/** Programs that take code or patterns of their own in single quotes, where `$x` is theirs (or a later shell's) to expand. */
const TAKES_CODE = new Set([
  'awk', 'gawk', 'mawk', 'nawk', 'perl', 'jq', 'yq', 'sh', 'bash', 'dash', 'ash', 'ksh', 'zsh', 'ssh', 'trap', 'eval', 'filter-branch', 'xprop', 'alias',
]);
/** `$name`, `${`, `$(`, `$1` or a backtick: what double quotes would expand. */
const LOOKS_EXPANDED = /\$[A-Za-z0-9_{(]|`/;

export default defineRule<'shell'>({
  meta: {
    id: 'shell/single-quoted-expansion',
    kind: 'shell',
    category: 'shell',
    severity: 'info',
    fix: 'none',
    // off in recommended: `envsubst '$VAR'`, awk-like programs and templates quote `$` on purpose far more often than by mistake
    recommended: false,
    summary: 'Single quotes do not hold `$var`, `$(…)` or backticks meant to expand: they stay literal',
    runBodies: true,
    compat: { shellcheck: ['SC2016'] },
  },
  check(ctx) {
    if (!mayContain(ctx.shell.root, 'raw_string')) return;
    walkNodes(ctx.shell.root, (n) => {
      if (n.type !== 'raw_string' || !LOOKS_EXPANDED.test(n.text)) return;
      const command = enclosingCommand(n);
      if (command && takesCode(command)) return;
      const what = n.text.match(/\$\{?[A-Za-z0-9_(]*|`/)![0];
      ctx.report({
        node: n,
        message: `${short(n.text)} is in single quotes, so the shell passes ${what === '`' ? 'the backticks' : what} on literally; use double quotes if it should expand`,
      });
    });
  },
});

function enclosingCommand(n: ShNode): ShNode | undefined {
  for (let p = n.parent; p; p = p.parent) {
    if (p.type === 'command' || p.type === 'declaration_command') return p;
    if (p.type === 'command_substitution' || p.type === 'program') return undefined;
  }
  return undefined;
}

/** A word of the command names a program that reads code of its own. */
function takesCode(command: ShNode): boolean {
  return command.children.some((c) => {
    const word = c.type === 'command_name' ? c.text : c.field === 'argument' && c.type === 'word' ? c.text : undefined;
    return word !== undefined && TAKES_CODE.has(word.slice(word.lastIndexOf('/') + 1));
  });
}

function short(text: string): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length <= 30 ? t : `${t.slice(0, 27)}…`;
}
