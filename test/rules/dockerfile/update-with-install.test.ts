import { describe, it } from 'vitest';
import updateWithInstall from '../../../rules/dockerfile/update-with-install.js';
import { RuleTester } from '../../../src/testing.js';

describe('dockerfile/update-with-install', () => {
  it('reports an index update with no install in its RUN', async () => {
    await new RuleTester(updateWithInstall).run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n\nFROM alpine:3.20\nRUN apk update\n',
          errors: [
            {
              line: 2,
              column: 5,
              endColumn: 19,
              message: 'apt-get update alone in a RUN is cached as its own layer, so later installs keep using the stale index and miss security updates; update and install in the same RUN',
            },
            { line: 6, column: 5, endColumn: 15 },
          ],
        },
      ],
    });
  });

  it('accepts updates followed by an install or upgrade in the same RUN', async () => {
    await new RuleTester(updateWithInstall).run({
      valid: [
        'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
        'FROM debian:12-slim\nRUN apt-get update && apt-get upgrade -y\n',
        'FROM alpine:3.20\nRUN apk update && apk add --no-cache curl\n',
      ],
    });
  });
});
