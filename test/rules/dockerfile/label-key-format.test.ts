import { describe, it } from 'vitest';
import labelKeyFormat from '../../../rules/dockerfile/label-key-format.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(labelKeyFormat);
const CHARACTERS = 'has characters other than lower-case letters, digits, "." and "-"';

describe('dockerfile/label-key-format', () => {
  it("reports label keys outside Docker's key format and reserved namespaces", async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: [
            'FROM alpine:3.20',
            'LABEL com.docker.label="reserved" Maintainer="ops@example.com"',
            'LABEL org..example="x" build_date="2024-01-01" 1version="1" app-="x"',
            'ONBUILD LABEL io.docker.thing="y"',
            '',
          ].join('\n'),
          errors: [
            { line: 2, column: 7, endLine: 2, endColumn: 23, message: 'label key "com.docker.label" uses the namespace com.docker, which Docker reserves' },
            { line: 2, column: 35, endLine: 2, endColumn: 45, message: `label key "Maintainer" ${CHARACTERS}` },
            { line: 3, column: 7, endLine: 3, endColumn: 19, message: 'label key "org..example" has consecutive separators' },
            { line: 3, column: 24, endLine: 3, endColumn: 34, message: `label key "build_date" ${CHARACTERS}` },
            { line: 3, column: 48, endLine: 3, endColumn: 56, message: 'label key "1version" does not start with a lower-case letter' },
            { line: 3, column: 61, endLine: 3, endColumn: 65, message: 'label key "app-" does not end with a lower-case letter or digit' },
            { line: 4, column: 15, endLine: 4, endColumn: 30, message: 'label key "io.docker.thing" uses the namespace io.docker, which Docker reserves' },
          ],
        },
      ],
    });
  });

  it('accepts reverse-DNS keys and keys written with variables', async () => {
    await tester.run({
      valid: [
        'FROM alpine:3.20\nLABEL org.opencontainers.image.title="app" maintainer="ops@example.com" version="1.2.3" com.example.build-date="2024-01-01"\n',
        'FROM alpine:3.20\nLABEL "$LABEL_KEY"="dynamic"\n',
      ],
    });
  });
});
