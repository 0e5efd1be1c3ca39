import { describe, expect, it } from 'vitest';
import npmCi from '../../../rules/dockerfile/npm-ci.js';
import { RuleTester } from '../../../src/testing.js';

const RESOLVES_AGAIN =
  'resolves the dependency ranges of package.json again and may rewrite the lockfile, so two builds can install different versions; npm ci installs exactly the lockfile the stage copies, and fails when it is out of date';

describe('dockerfile/npm-ci', () => {
  it('reports npm install and npm i of a project whose lockfile the stage copies, at the subcommand', async () => {
    await new RuleTester(npmCi).run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM node:22.11-alpine AS frontend\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm install\nCOPY . .\nRUN npm run build\n',
          errors: [{ line: 4, column: 9, endColumn: 16, message: `npm install ${RESOLVES_AGAIN}` }],
          output: 'FROM node:22.11-alpine AS frontend\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n',
          name: 'npm install',
        },
        {
          filename: 'Dockerfile',
          code: 'FROM node:22.11-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm i --omit=dev && npm cache clean --force\n',
          errors: [{ line: 4, column: 9, endColumn: 10, message: `npm i ${RESOLVES_AGAIN}` }],
          output: 'FROM node:22.11-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev && npm cache clean --force\n',
          name: 'npm i, lockfile copied by a wildcard',
        },
      ],
    });
  });

  it('accepts npm ci, global and named installs, and a stage that copies no lockfile', async () => {
    const locked = 'FROM node:22.11-alpine\nWORKDIR /app\nCOPY package.json package-lock.json ./\n';
    await new RuleTester(npmCi).run({
      valid: [
        { filename: 'Dockerfile', code: `${locked}RUN npm ci\n`, name: 'npm ci' },
        { filename: 'Dockerfile', code: `${locked}RUN npm install --global pnpm@9.15.0\n`, name: 'a global install' },
        { filename: 'Dockerfile', code: `${locked}RUN npm install left-pad@1.3.0\n`, name: 'a named install' },
        { filename: 'Dockerfile', code: 'FROM node:22.11-alpine\nWORKDIR /app\n# No lockfile is copied: npm ci would fail.\nCOPY package.json ./\nRUN npm install --omit=dev\n', name: 'no lockfile' },
      ],
    });
  });

  it('replaces the subcommand with ci (unsafe: ci fails on a stale lockfile and starts from an empty node_modules)', async () => {
    await new RuleTester(npmCi).run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM node:22.11-alpine\nCOPY package.json package-lock.json ./\nRUN npm install --omit=dev \\\n && npm cache clean --force\n',
          errors: [{ line: 3, column: 9, endColumn: 16 }],
          output: 'FROM node:22.11-alpine\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev \\\n && npm cache clean --force\n',
        },
      ],
    });
    expect(npmCi.meta.fix).toBe('unsafe');
  });
});
