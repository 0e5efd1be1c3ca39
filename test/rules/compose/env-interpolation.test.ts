import { describe, expect, it } from 'vitest';
import envInterpolation from '../../../rules/compose/env-interpolation.js';
import { RuleTester } from '../../../src/testing.js';

const bad = [
  'services:',
  '  web:',
  '    image: shop/web:${TAG}',
  '    environment:',
  '      API_URL: http://${API_HOST}:8080',
  '      SECOND: ${API_HOST}',
  '      PRICE: "costs $5"',
  '      BROKEN: "${UNCLOSED"',
  '      DB_PASSWORD: ${DB_PASSWORD:?set DB_PASSWORD}',
  '      SMTP_PASSWORD: ${SMTP_PASSWORD:?set SMTP_PASSWORD}',
  "    command: sh -c 'echo started on $HOSTNAME'",
  '    healthcheck:',
  '      test: ["CMD-SHELL", "curl -f http://localhost:${PORT:-80}/ || exit 1"]',
  '      interval: ${INTERVAL:-30s}',
  '  worker:',
  '    image: shop/worker:${TAG:-latest}',
  '    command: ["run", "--id", "${1}"]',
  '',
].join('\n');
const envFiles = { '.env': 'TAG=1.4.2\n', '.env.example': 'TAG=\nDB_PASSWORD=change-me\n' };
const noEnv = 'services:\n  db:\n    image: postgres:16.4\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n';

describe('compose/env-interpolation', () => {
  it('is off in the recommended preset', () => {
    expect(envInterpolation.meta.recommended).toBe(false);
  });

  it('reports bad syntax, variables neither .env nor .env.example defines (once each), and lone dollars', async () => {
    await new RuleTester(envInterpolation).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: bad,
          files: envFiles,
          errors: [
            {
              line: 5,
              column: 23,
              endLine: 5,
              endColumn: 34,
              message: 'API_HOST is not defined in .env or .env.example, so compose substitutes an empty string unless the shell exports it',
            },
            { line: 7, column: 21, endLine: 7, endColumn: 22, message: '"$5" has a "$" that does not start a variable: write "$$" for a literal dollar sign' },
            { line: 8, column: 16, endLine: 8, endColumn: 26, message: 'invalid interpolation format: "${UNCLOSED" has no closing "}"; write "$$" for a literal dollar sign' },
            {
              line: 10,
              column: 22,
              endLine: 10,
              endColumn: 57,
              message: '"${SMTP_PASSWORD:?set SMTP_PASSWORD}" makes SMTP_PASSWORD required, but it is not defined in .env or .env.example: compose refuses to start without it',
            },
            {
              line: 11,
              column: 37,
              endLine: 11,
              endColumn: 46,
              message:
                '"$HOSTNAME" is replaced by compose from the host environment when the file loads (HOSTNAME is not in .env or .env.example); write "$$HOSTNAME" if the container\'s shell should expand it',
            },
            {
              line: 17,
              column: 31,
              endLine: 17,
              endColumn: 35,
              message:
                'invalid interpolation format for "${1}": expected ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}, ${VAR:+alt} or ${VAR+alt}; write "$$" for a literal dollar sign',
            },
          ],
        },
      ],
    });
  });

  it('says when there is neither a .env nor a .env.example', async () => {
    await new RuleTester(envInterpolation).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: noEnv,
          errors: [
            {
              line: 5,
              column: 26,
              endLine: 5,
              endColumn: 46,
              message:
                'POSTGRES_PASSWORD is not defined in .env or .env.example (neither exists beside the file), so compose substitutes an empty string unless the shell exports it',
            },
          ],
        },
      ],
    });
  });

  it('accepts defaults, $$ escapes, defined variables and keys that look like variables', async () => {
    await new RuleTester(envInterpolation).run({
      valid: [
        {
          filename: 'compose.yaml',
          code: [
            'services:',
            '  web:',
            '    image: shop/web:${TAG}',
            '    environment:',
            '      API_URL: http://${API_HOST:-api}:8080',
            '      PRICE: "costs $$5"',
            '      OPTIONAL: ${EXTRA+set}',
            "    command: sh -c 'echo started on $$HOSTNAME'",
            '    healthcheck:',
            '      test: ["CMD-SHELL", "mysqladmin ping --password=\\"$$(cat /run/secrets/db)\\""]',
            '    labels:',
            '      "${KEYS_ARE_NEVER_INTERPOLATED}": "true"',
            '',
          ].join('\n'),
          files: { '.env': 'TAG=1.4.2\n' },
        },
      ],
    });
  });

  it('never reports the variables of the ignore option', async () => {
    await new RuleTester(envInterpolation).run({ valid: [{ filename: 'compose.yaml', code: noEnv, options: { ignore: ['POSTGRES_PASSWORD'] } }] });
  });
});
