import { describe, expect, it } from 'vitest';
import healthcheckRequired from '../../../rules/compose/healthcheck-required.js';
import { RuleTester } from '../../../src/testing.js';

describe('compose/healthcheck-required', () => {
  it('is off in the recommended preset', () => {
    expect(healthcheckRequired.meta.recommended).toBe(false);
  });

  it('reports services without a healthcheck in compose or in the Dockerfile that builds them, at the service', async () => {
    await new RuleTester(healthcheckRequired).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: [
            'x-worker: &worker',
            '  image: acme/worker:1.4.2',
            '  restart: unless-stopped',
            '',
            'services:',
            '  nginx:',
            '    image: nginx:1.27',
            '    restart: unless-stopped',
            '    ports:',
            '      - "80:80"',
            '  api:',
            '    build: ./api',
            '    restart: unless-stopped',
            '  worker:',
            '    <<: *worker',
            '',
          ].join('\n'),
          files: { 'api/Dockerfile': 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "-m", "api"]\n' },
          errors: [
            { line: 6, column: 3, endLine: 6, endColumn: 8, message: 'service "nginx" has no healthcheck, so Compose cannot tell when it is ready or when it hangs' },
            { line: 11, column: 3, endLine: 11, endColumn: 6, message: 'service "api" has no healthcheck and api/Dockerfile has no HEALTHCHECK, so Compose cannot tell when it is ready or when it hangs' },
            { line: 14, column: 3, endLine: 14, endColumn: 9, message: 'service "worker" has no healthcheck, so Compose cannot tell when it is ready or when it hangs' },
          ],
        },
      ],
    });
  });

  it("accepts the seed's healthchecks, a Dockerfile HEALTHCHECK, one-shot jobs, disabled checks and Dockerfiles outside the run", async () => {
    await new RuleTester(healthcheckRequired).run({
      valid: [
        {
          filename: 'compose.yaml',
          code: [
            'services:',
            '  orchesity-api:',
            '    build: ./app',
            '    depends_on:',
            '      postgres:',
            '        condition: service_healthy',
            '      migrate:',
            '        condition: service_completed_successfully',
            '    restart: unless-stopped',
            '  postgres:',
            '    image: postgres:15-alpine',
            '    healthcheck:',
            '      test: ["CMD-SHELL", "pg_isready -U orchesity_user -d orchesity_db"]',
            '    restart: unless-stopped',
            '  migrate:',
            '    image: acme/migrate:2.0.1',
            '  seed-data:',
            '    image: acme/seed:2.0.1',
            '    restart: "no"',
            '  sidecar:',
            '    image: acme/sidecar:1.0.0',
            '    healthcheck:',
            '      disable: true',
            '  vendored:',
            '    build: ./not-in-this-run',
            '',
          ].join('\n'),
          files: {
            'app/Dockerfile':
              'FROM python:3.11-slim\nWORKDIR /app\nCOPY . .\nHEALTHCHECK --interval=30s --timeout=10s --start-period=40s --retries=3 \\\n    CMD curl -f http://localhost:8000/api/health || exit 1\nCMD ["uvicorn", "src.main:app", "--host", "0.0.0.0", "--port", "8000"]\n',
          },
        },
      ],
    });
  });
});
