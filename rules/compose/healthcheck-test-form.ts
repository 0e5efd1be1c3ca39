import { defineRule, isMap, isScalar, isSeq, type TextEdit, type YSeq } from '../kit/index.js';

const FORMS = ['CMD', 'CMD-SHELL', 'NONE'];

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/healthcheck-test-form',
    kind: 'compose',
    category: 'correctness',
    severity: 'error',
    fix: 'none',
    summary: 'A healthcheck `test` list starts with `CMD`, `CMD-SHELL` or `NONE`',
  },
  check(ctx) {
    const seen = new Set<YSeq>();
    for (const service of ctx.compose.services) {
      const hc = service.get('healthcheck');
      const test = isMap(hc) ? hc.get('test') : undefined;
      if (!isSeq(test) || seen.has(test)) continue;
      seen.add(test);
      const where = `service "${service.name}"`;
      const first = test.items[0];
      if (!first) {
        ctx.report({ node: test, message: `${where} has an empty healthcheck test list; use ["NONE"] or "disable: true" to turn the check off` });
        continue;
      }
      const word = isScalar(first) && first.value !== null ? String(first.value) : undefined;
      if (word !== undefined && FORMS.includes(word)) {
        if (word === 'NONE' && test.items.length > 1) {
          ctx.report({ node: test.items[1]!, message: `${where}'s healthcheck test is ["NONE", …]: NONE disables the check and takes no command` });
        } else if (word !== 'NONE' && test.items.length === 1) {
          ctx.report({ node: first, message: `${where}'s healthcheck test is ["${word}"] with no command to run` });
        }
        continue;
      }
      const upper = word?.toUpperCase();
      const hint = upper && FORMS.includes(upper) ? `"${word}" must be written "${upper}"` : `the list runs nothing Docker understands; start it with "CMD" (run the command) or "CMD-SHELL" (run it with /bin/sh -c)`;
      const edit = insertCmd(ctx.file.text, test);
      ctx.report({
        node: first,
        message: `${where}'s healthcheck test starts with ${word === undefined ? 'a non-string item' : `"${word}"`}, not CMD, CMD-SHELL or NONE: ${hint}`,
        ...(edit && !(upper && FORMS.includes(upper)) ? { suggestions: [{ description: 'start the test with "CMD"', edits: [edit] }] } : {}),
      });
    }
  },
});

/** Inserts a `CMD` item before the first one, in the list's own style. */
function insertCmd(text: string, test: YSeq): TextEdit | undefined {
  const first = test.items[0]!;
  if (first.file.text !== text) return undefined; // written in another file (an anchor elsewhere)
  if (test.flow) {
    const quote = isScalar(first) && first.style === 'single' ? "'" : '"';
    return { start: first.start, end: first.start, text: `${quote}CMD${quote}, ` };
  }
  // Block style: a new `- CMD` line with the same indentation as the first item's dash.
  const lineStart = text.lastIndexOf('\n', first.start - 1) + 1;
  const dash = text.slice(lineStart, first.start);
  if (!/^\s*-\s+$/.test(dash)) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { start: lineStart, end: lineStart, text: `${dash}CMD${eol}` };
}
