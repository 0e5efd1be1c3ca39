import { describe, expect, it } from 'vitest';
import exposeFormat from '../../../rules/dockerfile/expose-format.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(exposeFormat);
const hostMapping = (port: string) =>
  `EXPOSE ${port} maps a host address or port; EXPOSE only documents the container port (publish with docker run -p or compose ports:), and BuildKit will reject this form`;
const FIXED = 'FROM nginx:1.27\nEXPOSE 80/tcp 127.0.0.1:8080:80 443:443/udp\n';

describe('dockerfile/expose-format', () => {
  it('reports upper-case protocols and host addresses or ports in EXPOSE, and lower-cases the protocol (safe)', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM nginx:1.27\nEXPOSE 80/TCP 127.0.0.1:8080:80 443:443/udp\n',
          errors: [
            { line: 2, column: 11, endLine: 2, endColumn: 14, message: 'protocol "TCP" in EXPOSE 80/TCP should be lower-case' },
            { line: 2, column: 15, endLine: 2, endColumn: 32, message: hostMapping('127.0.0.1:8080:80') },
            { line: 2, column: 33, endLine: 2, endColumn: 44, message: hostMapping('443:443/udp') },
          ],
          output: FIXED,
        },
      ],
    });
    expect(exposeFormat.meta.fix).toBe('safe');
  });

  it('leaves host mappings for a person', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: FIXED,
          errors: [
            { line: 2, column: 15, endLine: 2, endColumn: 32 },
            { line: 2, column: 33, endLine: 2, endColumn: 44 },
          ],
        },
      ],
    });
  });

  it('accepts ports, ranges, lower-case protocols and variables', async () => {
    await tester.run({ valid: ['FROM nginx:1.27\nARG PORT=8080\nEXPOSE 80 443/tcp 53/udp 8000-8010 $PORT/tcp\n'] });
  });
});
