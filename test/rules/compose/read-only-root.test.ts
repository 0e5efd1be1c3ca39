import { describe, expect, it } from 'vitest';
import readOnlyRoot from '../../../rules/compose/read-only-root.js';
import { RuleTester } from '../../../src/testing.js';

const ADVICE = 'with a writable root filesystem, so whoever breaks in can change its programs and files; set read_only: true and give the paths it writes a tmpfs or a volume';

describe('compose/read-only-root', () => {
  it('is off in the recommended preset', () => {
    expect(readOnlyRoot.meta.recommended).toBe(false);
  });

  it('reports services that publish a port on the network with a writable root filesystem', async () => {
    await new RuleTester(readOnlyRoot).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: `services:
  orchesity-api:
    image: orchesity/api:1.2.0
    ports:
      - "8000:8000"
  nginx:
    image: nginx:1.27-alpine
    read_only: false
    ports:
      - "80:80"
`,
          errors: [
            { line: 2, column: 3, endLine: 2, endColumn: 16, message: `service "orchesity-api" takes requests from the network (host port 8000) ${ADVICE}` },
            { line: 8, column: 5, endLine: 8, endColumn: 14, message: `service "nginx" takes requests from the network (host port 80) ${ADVICE}` },
          ],
        },
      ],
    });
  });

  it('accepts read_only: true, ports on loopback, services that publish nothing, data services, and a fragment whose base is unknown', async () => {
    await new RuleTester(readOnlyRoot).run({
      valid: [
        `services:
  orchesity-api:
    image: orchesity/api:1.2.0
    read_only: true
    # Read-only filesystem (where possible)
    volumes:
      - type: tmpfs
        target: /tmp
        tmpfs:
          size: 100M
    ports:
      - "8000:8000"
  admin:
    image: orchesity/admin:1.2.0
    ports:
      - "127.0.0.1:9000:9000"   # reachable from the host only
  worker:
    image: orchesity/worker:1.2.0   # publishes nothing
  postgres:
    image: postgres:16.4
    ports:
      - "5432:5432"
`,
        // What "postgres" runs is decided by a base file that is not there.
        { filename: 'fragment/docker-compose.override.dev.yml', code: 'services:\n  postgres:\n    ports:\n      - "5432:5432"\n' },
      ],
    });
  });
});
