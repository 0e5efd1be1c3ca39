import { describe, expect, it } from 'vitest';
import wgetProgress from '../../../rules/dockerfile/wget-progress.js';
import { RuleTester } from '../../../src/testing.js';

const MESSAGE = 'wget without --progress=dot:giga (or -q / -nv) prints a line per few kilobytes and can bloat the build log to megabytes';

describe('dockerfile/wget-progress', () => {
  it('is off in the recommended preset', () => {
    expect(wgetProgress.meta.recommended).toBe(false);
  });

  it('reports wget without a progress or quiet option', async () => {
    await new RuleTester(wgetProgress).run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM debian:12\nRUN wget https://example.com/big.iso\nONBUILD RUN wget -O /tmp/x https://example.com/x\n',
          errors: [
            { line: 2, column: 5, endColumn: 9, message: MESSAGE },
            { line: 3, column: 13, endColumn: 17, message: MESSAGE },
          ],
        },
      ],
    });
  });

  it('accepts --progress, -q, -nv, -o and BusyBox-based stages', async () => {
    await new RuleTester(wgetProgress).run({
      valid: [
        {
          filename: 'Dockerfile',
          code: [
            'FROM debian:12 AS build',
            'RUN wget --progress=dot:giga https://example.com/big.iso \\',
            ' && wget -qO- https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/x.gpg \\',
            ' && wget -q https://example.com/a \\',
            ' && wget -nv https://example.com/b \\',
            ' && wget -o /tmp/wget.log https://example.com/c',
            '',
          ].join('\n'),
          name: 'progress and quiet options',
        },
        { filename: 'Dockerfile', code: 'FROM alpine:3.20\nRUN wget -O /tmp/x https://example.com/x\n', name: 'Alpine' },
        { filename: 'Dockerfile', code: 'FROM busybox:1.36 AS tools\nRUN wget http://example.com/y\n', name: 'BusyBox' },
      ],
    });
  });
});
