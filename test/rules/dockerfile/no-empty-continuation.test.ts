import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixWithRule } from './fix-loop.js';

const RULE = 'dockerfile/no-empty-continuation';

describe(RULE, () => {
  it('reports empty lines inside a line continuation', async () => {
    const found = await findings(RULE, ['dockerfile/no-empty-continuation/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/no-empty-continuation/bad/Dockerfile:3:1-3:1 dockerfile/no-empty-continuation empty line inside a line continuation; BuildKit deprecates it and a future release will reject it (a comment line is fine)',
      'dockerfile/no-empty-continuation/bad/Dockerfile:5:1-5:4 dockerfile/no-empty-continuation empty line inside a line continuation; BuildKit deprecates it and a future release will reject it (a comment line is fine)',
      'dockerfile/no-empty-continuation/bad/Dockerfile:8:1-8:1 dockerfile/no-empty-continuation empty line inside a line continuation; BuildKit deprecates it and a future release will reject it (a comment line is fine)',
    ]);
  });

  it('accepts comment lines in continuations, blank lines between instructions and heredoc bodies', async () => {
    expect(await findings(RULE, ['dockerfile/no-empty-continuation/good'])).toEqual([]);
  });

  it('removes the empty lines, and the fixed file passes', async () => {
    const { text, remaining } = await fixWithRule(RULE, 'dockerfile/no-empty-continuation/bad/Dockerfile');
    expect(text).toBe('FROM alpine:3.20\nRUN apk add --no-cache \\\n    gnupg \\\n    curl\nEXPOSE \\\n80\n');
    expect(remaining).toEqual([]);
  });
});
