import type { TextEdit } from 'vscode-languageserver/node.js';

/** `# stack-lint-disable-next-line <rule>` above the line, indented like it (a comment in all three kinds). */
export function disableForLine(text: string, line: number, ruleId: string): TextEdit {
  const lines = text.split('\n');
  const indent = /^[ \t]*/.exec(lines[line] ?? '')![0];
  const position = { line, character: 0 };
  return { range: { start: position, end: position }, newText: `${indent}# stack-lint-disable-next-line ${ruleId}${eol(text)}` };
}

/**
 * `# stack-lint-disable <rule>` at the top, after what must stay first: a
 * script's `#!` line and a Dockerfile's parser directives (`# syntax=…`,
 * `# escape=…`), which stop being directives after any other comment.
 */
export function disableForFile(text: string, ruleId: string): TextEdit {
  const lines = text.split('\n');
  let line = 0;
  if (lines[0]?.startsWith('#!')) line = 1;
  else while (line < lines.length && /^#\s*[a-z]+\s*=/i.test(lines[line]!)) line++;
  const position = { line, character: 0 };
  return { range: { start: position, end: position }, newText: `# stack-lint-disable ${ruleId}${eol(text)}` };
}

function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
