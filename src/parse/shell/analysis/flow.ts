/**
 * Control flow, as far as rules need it: which statements follow a command in
 * the same list (a script's top level, `{ … }`, `( … )`, `do … done`, the
 * branches of `if` and `case`), and which commands end the shell there, so
 * that what follows them never runs.
 */
import type { ShCommand, ShNode } from '../types.js';

/** Siblings that are not statements of the list: clauses of the enclosing `if`, comments, heredoc bodies. */
const NOT_STATEMENTS = new Set(['comment', 'heredoc_body', 'elif_clause', 'else_clause']);

/**
 * The node that stands for `cmd` in its list: the command itself, or the
 * `redirected_statement` around it. `undefined` when the command is only part
 * of a statement (`a && b`, `a | b`, `! a`), is a condition (`if a; then`),
 * or runs in the background (`a &`): then the list's next statement does not
 * simply follow it.
 */
export function statementOf(cmd: ShCommand): ShNode | undefined {
  let node = cmd.node;
  if (node.parent?.type === 'redirected_statement') node = node.parent;
  const list = node.parent;
  if (!list || node.field !== undefined) return undefined;
  if (list.type === 'list' || list.type === 'pipeline' || list.type === 'negated_command' || list.type === 'redirected_statement') return undefined;
  const siblings = list.children;
  const next = siblings[siblings.indexOf(node) + 1];
  if (next && !next.named && next.type === '&') return undefined;
  return node;
}

/** The statements after `cmd` in its list, in order; empty when `cmd` is not a statement of its own (see `statementOf`). */
export function statementsAfter(cmd: ShCommand): ShNode[] {
  const node = statementOf(cmd);
  if (!node) return [];
  const siblings = node.parent!.children;
  return siblings.slice(siblings.indexOf(node) + 1).filter((s) => s.named && s.field === undefined && !NOT_STATEMENTS.has(s.type));
}

/**
 * `exec` with a program to run (`exec nginx -g 'daemon off;'`, `exec "$@"`):
 * the program replaces the shell. `exec` with redirections only
 * (`exec >log 2>&1`) changes the shell's descriptors and returns.
 */
export function replacesShell(cmd: ShCommand): boolean {
  const [first, ...rest] = cmd.words;
  return first?.value === 'exec' && rest.some((w) => !w.value?.startsWith('-'));
}

/** Statements of a list node: its named children without a field that are not clauses, comments or heredoc bodies. */
function statementsOf(list: ShNode, field?: string): ShNode[] {
  return list.children.filter((s) => s.named && s.field === field && !NOT_STATEMENTS.has(s.type));
}

/**
 * The statements whose exit status nothing uses: every statement of a list
 * but the one that gives the list its status (the last of the script, of a
 * function body, of a subshell, of a loop's or an `if`'s condition). Loop
 * bodies and `if` branches count whole: what comes after them decides the
 * status that is checked. Statements of `case` branches are left out.
 */
export function statementsNotReturned(root: ShNode): ShNode[] {
  const out: ShNode[] = [];
  const allButLast = (list: ShNode[]) => out.push(...list.slice(0, -1));
  const visit = (n: ShNode): void => {
    switch (n.type) {
      case 'program':
      case 'subshell':
        allButLast(statementsOf(n));
        break;
      case 'compound_statement':
        if (n.children[0]?.type !== '{') break;
        if (n.parent?.type === 'function_definition') allButLast(statementsOf(n));
        else out.push(...statementsOf(n));
        break;
      case 'do_group':
        out.push(...statementsOf(n));
        break;
      case 'while_statement':
        allButLast(statementsOf(n, 'condition'));
        break;
      case 'if_statement':
      case 'elif_clause':
      case 'else_clause': {
        const then = n.children.findIndex((c) => c.type === 'then');
        const all = statementsOf(n);
        if (n.type === 'if_statement') {
          allButLast(statementsOf(n, 'condition'));
          out.push(...all);
        } else if (n.type === 'elif_clause') {
          allButLast(all.filter((s) => s.start < n.children[then]!.start));
          out.push(...all.filter((s) => s.start > n.children[then]!.start));
        } else out.push(...all);
        break;
      }
    }
    for (const c of n.children) visit(c);
  };
  visit(root);
  return out.sort((a, b) => a.start - b.start);
}
