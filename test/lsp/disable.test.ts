import { describe, expect, it } from 'vitest';
import { disableForFile, disableForLine } from '../../src/lsp/disable.js';

describe('disable comments offered by the language server', () => {
  it('for a line: a disable-next-line comment above it, indented like it, in the file’s line endings', () => {
    expect(disableForLine('a:\n    - b\n', 1, 'compose/x')).toEqual({ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '    # stack-lint-disable-next-line compose/x\n' });
    expect(disableForLine('a\r\nb\r\n', 1, 'r/x').newText).toBe('# stack-lint-disable-next-line r/x\r\n');
  });

  it('for a file: after a #! line, after Dockerfile parser directives, else at the top', () => {
    expect(disableForFile('#!/bin/sh\necho\n', 'shell/x').range.start).toEqual({ line: 1, character: 0 });
    expect(disableForFile('# syntax=docker/dockerfile:1\n# escape=`\nFROM a\n', 'dockerfile/x')).toEqual({
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } },
      newText: '# stack-lint-disable dockerfile/x\n',
    });
    expect(disableForFile('services: {}\n', 'compose/x').range.start).toEqual({ line: 0, character: 0 });
  });
});
