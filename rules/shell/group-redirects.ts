import { defineRule, walkNodes, type ShNode } from '../kit/index.js';

/** How many commands in a row appending to one file make the group worth it. */
const RUN = 3;

export default defineRule<'shell'>({
  meta: {
    id: 'shell/group-redirects',
    kind: 'shell',
    category: 'shell',
    severity: 'info',
    fix: 'none',
    // off in recommended: a style; each `>>` opens the file again, which costs little
    recommended: false,
    summary: 'Several commands in a row that append to the same file are grouped: `{ a; b; c; } >> file`',
    runBodies: true,
    compat: { shellcheck: ['SC2129'] },
  },
  check(ctx) {
    walkNodes(ctx.shell.root, (list) => {
      const statements = list.children.filter((s) => s.named && s.field === undefined && s.type !== 'comment' && s.type !== 'heredoc_body');
      for (let i = 0; i < statements.length; ) {
        const target = appendTarget(statements[i]!);
        let j = i + 1;
        while (target !== undefined && j < statements.length && appendTarget(statements[j]!) === target) j++;
        if (target !== undefined && j - i >= RUN) {
          ctx.report({ node: statements[i]!, message: `${j - i} commands in a row append to ${target}; group them and redirect once: { …; } >> ${target}` });
        }
        i = j;
      }
    });
  },
});

/** The file a statement appends its output to (`cmd >> file`), as written. */
function appendTarget(s: ShNode): string | undefined {
  if (s.type !== 'redirected_statement') return undefined;
  const redirects = s.children.filter((c) => c.field === 'redirect');
  const append = redirects.find((r) => r.type === 'file_redirect' && r.children.some((c) => c.type === '>>') && !r.children.some((c) => c.type === 'file_descriptor' && c.text !== '1'));
  return append?.children.find((c) => c.field === 'destination')?.text;
}
