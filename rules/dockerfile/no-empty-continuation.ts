import { defineRule, escapeOf } from '../kit/index.js';

export default defineRule({
  meta: {
    id: 'dockerfile/no-empty-continuation',
    kind: 'dockerfile',
    category: 'syntax',
    severity: 'warning',
    fix: 'safe',
    summary: 'A line continuation is not followed by an empty line',
    compat: { buildkit: ['NoEmptyContinuation'] },
  },
  check(ctx) {
    const text = ctx.file.text;
    for (const ins of ctx.dockerfile.instructions) {
      const escape = escapeOf(ins);
      // heredoc bodies are data: empty lines there are content
      const heredoc = /<<-?\s*["']?[A-Za-z_]/.exec(text.slice(ins.start, ins.end));
      const firstBreak = heredoc ? text.indexOf('\n', ins.start + heredoc.index) : -1;
      const end = heredoc && firstBreak >= 0 ? firstBreak : ins.end;
      let lineStart = ins.start;
      let continued = false;
      while (lineStart < end) {
        let lineEnd = text.indexOf('\n', lineStart);
        if (lineEnd < 0 || lineEnd > text.length) lineEnd = text.length;
        const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
        if (continued && line.trim() === '') {
          ctx.report({
            range: { start: lineStart, end: lineStart + line.length },
            message: 'empty line inside a line continuation; BuildKit deprecates it and a future release will reject it (a comment line is fine)',
            fix: { description: 'remove the empty line', edits: [{ start: lineStart, end: Math.min(lineEnd + 1, text.length), text: '' }] },
          });
        } else if (!/^\s*#/.test(line) || !continued) {
          continued = line.trimEnd().endsWith(escape);
        }
        if (lineEnd >= text.length) break;
        lineStart = lineEnd + 1;
      }
    }
  },
});
