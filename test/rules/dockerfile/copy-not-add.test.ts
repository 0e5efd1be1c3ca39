import { describe, expect, it } from 'vitest';
import copyNotAdd from '../../../rules/dockerfile/copy-not-add.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(copyNotAdd);
const FIXED = ['FROM alpine:3.20', 'COPY app.py /app/', 'copy --chown=1000:1000 config/ settings.toml /etc/app/', 'ONBUILD COPY . /src', ''].join('\n');

describe('dockerfile/copy-not-add', () => {
  it('reports ADD of local files at the keyword, ONBUILD included, and replaces the keyword with COPY in the same case (unsafe: ADD unpacks a local tar whatever its name)', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: ['FROM alpine:3.20', 'ADD app.py /app/', 'add --chown=1000:1000 config/ settings.toml /etc/app/', 'ONBUILD ADD . /src', ''].join('\n'),
          errors: [
            {
              line: 2,
              column: 1,
              endLine: 2,
              endColumn: 4,
              message: 'ADD of local "app.py" does nothing COPY would not; COPY says so plainly, while ADD also fetches URLs and unpacks archives',
            },
            { line: 3, column: 1, endLine: 3, endColumn: 4 },
            { line: 4, column: 9, endLine: 4, endColumn: 12 },
          ],
          output: FIXED,
        },
      ],
    });
    expect(copyNotAdd.meta.fix).toBe('unsafe');
  });

  it('accepts the fixed file, archives, URLs, Git sources, --checksum and sources from variables', async () => {
    await tester.run({
      valid: [
        FIXED,
        [
          'ARG ARCHIVE=vendor.tar.xz',
          'FROM alpine:3.20',
          'ADD rootfs.tar.gz /',
          'ADD https://example.com/tool /usr/local/bin/tool',
          'ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/x.bin /x.bin',
          'ADD git@github.com:example/repo.git /src',
          'ADD ${ARCHIVE} /opt/',
          'COPY app.py /app/',
          '',
        ].join('\n'),
      ],
    });
  });
});
