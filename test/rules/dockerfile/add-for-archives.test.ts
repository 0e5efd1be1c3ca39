import { describe, it } from 'vitest';
import addForArchives from '../../../rules/dockerfile/add-for-archives.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(addForArchives);

describe('dockerfile/add-for-archives', () => {
  it('reports a copied tar archive that a later RUN of the stage unpacks, at the source', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: [
            'FROM debian:12',
            'COPY packaged-app.tar.gz /usr/src/app/',
            'WORKDIR /usr/src/app',
            'RUN foo && tar -xzf packaged-app.tar.gz && rm packaged-app.tar.gz',
            'COPY vendor/bundle.tar /opt/bundle.tar',
            'RUN tar xf /opt/bundle.tar -C /opt',
            '',
          ].join('\n'),
          errors: [
            {
              line: 2,
              column: 6,
              endLine: 2,
              endColumn: 25,
              message: '"packaged-app.tar.gz" is copied and then unpacked with tar on line 4; ADD unpacks a local tar archive itself, without keeping the archive in a layer',
            },
            {
              line: 5,
              column: 6,
              endLine: 5,
              endColumn: 23,
              message: '"vendor/bundle.tar" is copied and then unpacked with tar on line 6; ADD unpacks a local tar archive itself, without keeping the archive in a layer',
            },
          ],
        },
      ],
    });
  });

  it('accepts archives copied from stages, zip files, non-archives and archives that are not unpacked', async () => {
    await tester.run({
      valid: [
        'FROM debian:12 AS build\nCOPY packaged-app.tar /usr/src/app\nFROM debian:12\nCOPY --from=build /usr/src/app/packaged-app.tar /opt/app.tar\nRUN tar -xf /opt/app.tar\n',
        'FROM debian:12\nCOPY release.zip /opt/\nRUN unzip /opt/release.zip\n',
        'FROM debian:12\nCOPY package.json /usr/src/app/\nRUN tar -xf package.json\n',
        'FROM debian:12\nCOPY keep.tar.gz /srv/keep.tar.gz\n',
      ],
    });
  });
});
