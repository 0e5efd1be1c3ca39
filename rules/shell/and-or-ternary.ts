import { defineRule, type ShNode } from '../kit/index.js';

/** Commands after `||` that make `A && B || C` a plain fallback: they only report or leave. */
const FALLBACKS = new Set(['echo', 'printf', 'exit', 'return']);

export default defineRule<'shell'>({
  meta: {
    id: 'shell/and-or-ternary',
    kind: 'shell',
    category: 'shell',
    severity: 'info',
    fix: 'none',
    // off in recommended: mostly `check && echo ok || fail`, where B cannot fail
    recommended: false,
    summary: '`A && B || C` is not read as if-then-else: C also runs when A succeeds and B fails',
    runBodies: true,
    compat: { shellcheck: ['SC2015'] },
  },
  check(ctx) {
    const visit = (n: ShNode): void => {
      if (n.type === 'list' && n.children[1]?.type === '||' && !inCondition(n)) {
        const left = n.children[0]!;
        const and = left.type === 'list' ? left.children[1] : undefined;
        if (and?.type === '&&' && !isFallback(n.children[2])) {
          ctx.report({ node: and, message: 'A && B || C is not if-then-else: C runs when A succeeds and B fails too; use if A; then B; else C; fi' });
        }
      }
      for (const c of n.children) visit(c);
    };
    visit(ctx.shell.root);
  },
});

/** C only reports, leaves, or assigns: running it after a failed B is what the author wants anyway. */
function isFallback(c: ShNode | undefined): boolean {
  if (!c) return false;
  if (c.type === 'variable_assignment') return true;
  const command = c.type === 'redirected_statement' ? c.children.find((d) => d.field === 'body') : c;
  if (command?.type !== 'command') return false;
  const name = command.children.find((d) => d.field === 'name');
  return name !== undefined && FALLBACKS.has(name.text);
}

/** The list is, or is inside, the condition of an `if`, `while` or `until`. */
function inCondition(n: ShNode): boolean {
  for (let p: ShNode | undefined = n; p; p = p.parent) if (p.field === 'condition') return true;
  return false;
}
