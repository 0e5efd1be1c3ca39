import { describe, it } from 'vitest';
import noExposedSsh from '../../../rules/dockerfile/no-exposed-ssh.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(noExposedSsh);
const offersSsh = (port: string) =>
  `EXPOSE ${port} offers SSH: a container should not run an SSH server; use docker exec (or kubectl exec) to get a shell`;

describe('dockerfile/no-exposed-ssh', () => {
  it('reports port 22, alone or in a range', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM ubuntu:24.04\nEXPOSE 80 22/tcp\nEXPOSE 20-25\n',
          errors: [
            { line: 2, column: 11, endLine: 2, endColumn: 17, message: offersSsh('22/tcp') },
            { line: 3, column: 8, endLine: 3, endColumn: 13, message: offersSsh('20-25') },
          ],
        },
      ],
    });
  });

  it('accepts other ports, UDP 22 and builder stages', async () => {
    await tester.run({ valid: ['FROM ubuntu:24.04 AS build\nEXPOSE 22\n\nFROM ubuntu:24.04\nEXPOSE 2222 8022 22/udp\n'] });
  });
});
