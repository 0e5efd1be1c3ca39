import { describe, it } from 'vitest';
import wgetAndCurl from '../../../rules/dockerfile/wget-and-curl.js';
import { RuleTester } from '../../../src/testing.js';

const MESSAGE = 'this stage already uses wget (line 2); installing and using both curl and wget adds a tool the image does not need';

describe('dockerfile/wget-and-curl', () => {
  it('reports each RUN that uses the second download tool of a stage', async () => {
    await new RuleTester(wgetAndCurl).run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: [
            'FROM debian:12 AS fetch',
            'RUN wget -q https://example.com/a.tgz',
            'RUN curl -fsSLO https://example.com/b.tgz',
            'RUN echo done',
            'RUN wget -q https://example.com/c.tgz && curl -fsSL https://example.com/d',
            '',
          ].join('\n'),
          errors: [
            { line: 3, column: 5, endColumn: 9, message: MESSAGE },
            { line: 5, column: 42, endColumn: 46, message: MESSAGE },
          ],
        },
      ],
    });
  });

  it('accepts one tool per stage and installing the other', async () => {
    await new RuleTester(wgetAndCurl).run({
      valid: ['FROM debian:12 AS fetch\nRUN wget -q https://example.com/a.tgz\nFROM debian:12\nRUN curl -fsSLO https://example.com/b.tgz\nRUN apt-get install -y wget\n'],
    });
  });
});
