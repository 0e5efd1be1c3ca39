import { describe, expect, it } from 'vitest';
import rule from '../../../rules/shell/group-redirects.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);

describe('shell/group-redirects', () => {
  it('reports three or more commands in a row appending to one file, at the first', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'conf.sh',
          code: '#!/bin/sh\necho "[main]" >> "$conf"\necho "a=1" >> "$conf"\nprintf "b=%s\\n" 2 >> "$conf"\n',
          errors: [{ line: 2, column: 1, endLine: 2, endColumn: 25, message: '3 commands in a row append to "$conf"; group them and redirect once: { …; } >> "$conf"' }],
        },
      ],
    });
  });

  it('accepts two appends, other files, and a truncating redirect in between', async () => {
    await tester.run({
      valid: [{ filename: 'conf.sh', code: '#!/bin/sh\necho a >> f\necho b >> f\necho c >> g\necho a >> i\necho b > i\necho c >> i\necho x 2>> f\necho y 2>> f\necho z 2>> f\n' }],
    });
  });

  it('reports inside a multi-line RUN at the position in the Dockerfile', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine\nRUN echo a >> /etc/conf; \\\n    echo b >> /etc/conf; \\\n    echo c >> /etc/conf\n',
          errors: [{ line: 2, column: 5, endLine: 2, endColumn: 24, message: /^3 commands in a row append to \/etc\/conf/ }],
        },
      ],
    });
  });

  it('is off in recommended', () => {
    expect(rule.meta.recommended).toBe(false);
  });
});
