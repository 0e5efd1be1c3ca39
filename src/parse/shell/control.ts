import type { ShCommand, ShNode } from './types.js';

/** Nodes whose body runs only when a test says so, or as many times as a loop says. */
const CONTROL = new Set(['if_statement', 'elif_clause', 'else_clause', 'case_item', 'while_statement', 'for_statement', 'c_style_for_statement']);

/**
 * The `if`/`elif`/`else` branches, `case` items and loops a command sits in,
 * innermost first, up to the function it belongs to (a function's body is
 * judged where it is called). The condition of an `if` or `while` counts as
 * inside it; `cmd.inCondition` tells the two apart.
 */
export function enclosingControls(cmd: ShCommand): ShNode[] {
  const out: ShNode[] = [];
  for (let n: ShNode | undefined = cmd.node.parent; n; n = n.parent) {
    if (n.type === 'function_definition') break;
    if (CONTROL.has(n.type)) out.push(n);
  }
  return out;
}
