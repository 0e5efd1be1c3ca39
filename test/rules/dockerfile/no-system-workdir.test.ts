import { describe, it } from 'vitest';
import noSystemWorkdir from '../../../rules/dockerfile/no-system-workdir.js';
import { RuleTester } from '../../../src/testing.js';

const SYSTEM = "is a system directory: the application's files and relative COPYs land among the operating system's; use a folder of its own such as /app";

describe('dockerfile/no-system-workdir', () => {
  it('reports system folders, and / when files are then copied relative to it', async () => {
    await new RuleTester(noSystemWorkdir).run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.20\nWORKDIR /usr/bin\nWORKDIR /etc/\n\nFROM alpine:3.20\nWORKDIR /\nCOPY . .\n',
          errors: [
            { line: 2, column: 9, endColumn: 17, message: `WORKDIR /usr/bin ${SYSTEM}` },
            { line: 3, column: 9, endColumn: 14, message: `WORKDIR /etc/ ${SYSTEM}` },
            { line: 6, column: 9, endColumn: 10, message: 'WORKDIR / makes the relative COPY on line 7 write into the root of the file system; use a folder of its own such as /app' },
          ],
        },
      ],
    });
  });

  it('accepts / without relative copies, application folders and folders below /etc', async () => {
    await new RuleTester(noSystemWorkdir).run({
      valid: [
        { filename: 'Dockerfile', code: 'FROM alpine:3.20\nWORKDIR /\nRUN ls\n', name: '/ without relative copies' },
        { filename: 'Dockerfile', code: 'FROM alpine:3.20\nWORKDIR /app\nCOPY . .\n', name: 'an application folder' },
        { filename: 'Dockerfile', code: 'FROM alpine:3.20\nWORKDIR /etc/nginx\nCOPY nginx.conf /etc/nginx/nginx.conf\n', name: 'a folder below /etc' },
      ],
    });
  });
});
