import { defineRule, type ShNode } from '../kit/index.js';

/** Parts of a command whose expansions the shell performs in its own context but which never hold the command's arguments. */
const NOT_ARGUMENTS = new Set(['file_redirect', 'heredoc_redirect', 'herestring_redirect', 'heredoc_body']);
/** Nested code with a scope or evaluation of its own: left alone. */
const OWN_SCOPE = new Set(['command_substitution', 'process_substitution', 'arithmetic_expansion']);

export default defineRule<'shell'>({
  meta: {
    id: 'shell/prefix-assignment-scope',
    kind: 'shell',
    category: 'shell',
    severity: 'warning',
    fix: 'none',
    // off in recommended: `POSTGRES_DB= psql --set db="$POSTGRES_DB"` reads the outer value on purpose in every official PostgreSQL image
    recommended: false,
    summary: 'A command does not expand a variable that its own `VAR=value` prefix sets: the expansion happens before the assignment',
    runBodies: true,
    compat: { shellcheck: ['SC2097', 'SC2098'] },
  },
  check(ctx) {
    for (const cmd of ctx.shell.commands) {
      const parts = cmd.node.children;
      parts.forEach((assignment, i) => {
        if (assignment.type !== 'variable_assignment') return;
        const name = assignment.children.find((c) => c.field === 'name');
        if (name?.type !== 'variable_name') return;
        const reads = parts.slice(i + 1).flatMap((p) => expansionsOf(p, name.text));
        if (reads.length === 0) return;
        const command = parts.find((p) => p.field === 'name')?.text ?? 'the command';
        ctx.report({
          node: assignment,
          compat: 'SC2097',
          message: `${short(assignment.text)} is set only for ${short(command)}, but the same command line expands ${reads.map((r) => r.text.trim()).join(', ')}, which the shell does before the assignment; if the new value is meant there, assign ${name.text} on a line of its own first`,
        });
        for (const read of reads) {
          // tree-sitter-bash starts an expansion that follows blanks in a string at the blanks
          ctx.report({
            range: { start: read.start + read.text.indexOf('$'), end: read.end },
            compat: 'SC2098',
            message: `${read.text.trim()} is expanded before the command runs, so it has ${name.text}'s outer value, not the one set by ${short(assignment.text)} for this command`,
          });
        }
      });
    }
  },
});

/** Expansions of `name` in a part of the command, outside redirections and nested scopes. */
function expansionsOf(part: ShNode, name: string): ShNode[] {
  if (NOT_ARGUMENTS.has(part.type) || OWN_SCOPE.has(part.type)) return [];
  if ((part.type === 'simple_expansion' || part.type === 'expansion') && expandedName(part) === name) return [part];
  return part.children.flatMap((c) => expansionsOf(c, name));
}

/** `x` in `$x`, `${x}`, `${x:-…}`, `${#x}`, `${x[0]}`. */
function expandedName(n: ShNode): string | undefined {
  for (const c of n.children) {
    if (c.type === 'variable_name') return c.text;
    if (c.type === 'subscript') return c.children.find((d) => d.field === 'name')?.text;
  }
  return undefined;
}

function short(text: string): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length <= 30 ? t : `${t.slice(0, 27)}…`;
}
