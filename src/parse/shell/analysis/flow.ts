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
