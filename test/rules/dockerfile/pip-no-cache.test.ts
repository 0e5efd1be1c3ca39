import { describe, expect, it } from 'vitest';
import pipNoCache from '../../../rules/dockerfile/pip-no-cache.js';
import { RuleTester } from '../../../src/testing.js';

const UNCACHED = [
  'FROM python:3.12-slim',
  'RUN pip install flask',
  'RUN python3 -m pip install \\',
  '      --user \\',
  '      -r requirements.txt',
  'ONBUILD RUN pip3 install gunicorn',
  '',
].join('\n');

const FIXED = [
  'FROM python:3.12-slim',
  'RUN pip install --no-cache-dir flask',
  'RUN python3 -m pip install --no-cache-dir \\',
  '      --user \\',
  '      -r requirements.txt',
  'ONBUILD RUN pip3 install --no-cache-dir gunicorn',
  '',
].join('\n');

describe('dockerfile/pip-no-cache', () => {
  it('reports pip, python3 -m pip and pip3 installs (ONBUILD too) without --no-cache-dir, and inserts --no-cache-dir after install', async () => {
    await new RuleTester(pipNoCache).run({
      valid: [{ filename: 'Dockerfile', code: FIXED, name: 'the fixed file' }],
      invalid: [
        {
          filename: 'Dockerfile',
          code: UNCACHED,
          errors: [
            { line: 2, column: 9, endColumn: 16 },
            { line: 3, column: 20, endColumn: 27 },
            { line: 6, column: 18, endColumn: 25, message: "pip3 install without --no-cache-dir leaves the downloaded packages in pip's cache, in the layer and in the image" },
          ],
          output: FIXED,
        },
      ],
    });
  });

  it('offers its fix as unsafe: a flag changes what runs', () => {
    expect(pipNoCache.meta.fix).toBe('unsafe');
  });

  it('accepts --no-cache-dir anywhere, PIP_NO_CACHE_DIR (ENV, prefix, export) and cache mounts', async () => {
    await new RuleTester(pipNoCache).run({
      valid: [
        'FROM python:3.12-slim AS base\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n',
        'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\nRUN pip --no-cache-dir install uvicorn\n',
        'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n',
        'FROM python:3.12-slim\nRUN --mount=type=cache,target=/pipcache pip install --cache-dir=/pipcache httpx\n',
        'FROM python:3.12-slim\nRUN PIP_NO_CACHE_DIR=1 pip install rich\n',
        'FROM python:3.12-slim\nRUN export PIP_NO_CACHE_DIR=1 && pip install typer\n',
      ],
    });
  });

  it('accepts the abbreviations pip takes for --no-cache-dir (--no-cache), not a shorter ambiguous one', async () => {
    await new RuleTester(pipNoCache).run({
      valid: ['FROM python:3.12-slim\nRUN pip install --no-cache /wheels/*\nRUN pip install --no-cache-di flask\n'],
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM python:3.12-slim\nRUN pip install --no-c flask\n',
          errors: [{ line: 2, column: 9, message: "pip install without --no-cache-dir leaves the downloaded packages in pip's cache, in the layer and in the image" }],
          output: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir --no-c flask\n',
        },
      ],
    });
  });
});
