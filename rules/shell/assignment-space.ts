import { defineRule, walkNodes, type ShNode } from '../kit/index.js';

/** `IFS= read -r line` empties IFS for one `read` on purpose: the idiom, not a slip. */
const EMPTIED_ON_PURPOSE = new Set(['IFS']);
/** What separates `x=` from the next word: blanks, line continuations among them. */
const BLANKS = /^[ \t](?:[ \t]|\\\r?\n)*$/;

export default defineRule<'shell'>({
  meta: {
    id: 'shell/assignment-space',
    kind: 'shell',
    category: 'shell',
    severity: 'warning',
    fix: 'none',
    // off in recommended: on real scripts `PGHOST= psql …` empties a variable for one command on purpose far more often than it is a slip
    recommended: false,
    summary: 'No space after `=` in an assignment: `x= value` runs `value` as a command with `x` empty',
    runBodies: true,
    compat: { shellcheck: ['SC1007'] },
  },
  check(ctx) {
    const text = ctx.shell.file.text;
    walkNodes(ctx.shell.root, (n) => {
      // `variable_assignments`: assignments with no command after them (`ARCH= OPENSSL_ARCH=x && …`)
      if (n.type !== 'command' && n.type !== 'declaration_command' && n.type !== 'variable_assignments') return;
      const parts = n.children;
      for (let i = 0; i < parts.length - 1; i++) {
        const assignment = parts[i]!;
        if (assignment.type !== 'variable_assignment' || !isEmpty(assignment)) continue;
        const name = assignment.children.find((c) => c.field === 'name');
        if (!name || EMPTIED_ON_PURPOSE.has(name.text)) continue;
        const next = parts[i + 1]!;
        if (next.type === 'comment' || !BLANKS.test(text.slice(assignment.end, next.start))) continue;
        const message =
          n.type === 'variable_assignments'
            ? `${assignment.text} sets ${name.text} to an empty value and ${short(next.text)} is another assignment; if ${short(next.text)} was meant as its value, remove the space after "="; to empty it on purpose, write ${name.text}=''`
            : n.type === 'command'
            ? `${assignment.text} empties ${name.text} for the command that follows; if ${short(next.text)} was meant as its value, remove the space after "="; to empty it on purpose, write ${name.text}=''`
            : `${assignment.text} sets ${name.text} to an empty value and ${short(next.text)} is a word of its own; if it was meant as the value, remove the space after "="; to empty it on purpose, write ${name.text}=''`;
        ctx.report({ node: assignment, message });
      }
    });
  },
});

/** `x=` with nothing after the `=`. */
function isEmpty(assignment: ShNode): boolean {
  return !assignment.children.some((c) => c.field === 'value') && assignment.text.endsWith('=');
}

function short(text: string): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length <= 30 ? t : `${t.slice(0, 27)}…`;
}
