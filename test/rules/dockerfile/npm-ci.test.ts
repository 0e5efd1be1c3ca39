import { describe, expect, it } from 'vitest';
import npmCi from '../../../rules/dockerfile/npm-ci.js';
import { RuleTester } from '../../../src/testing.js';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/npm-ci';

describe(RULE, () => {
  it('reports npm install and npm i of a project whose lockfile the stage copies, at the subcommand', async () => {
    const found = await findings(RULE, ['dockerfile/npm-ci/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `dockerfile/npm-ci/bad/Dockerfile:4:9-4:16 ${RULE} npm install resolves the dependency ranges of package.json again and may rewrite the lockfile, so two builds can install different versions; npm ci installs exactly the lockfile the stage copies, and fails when it is out of date`,
      `dockerfile/npm-ci/bad/Dockerfile:11:9-11:10 ${RULE} npm i resolves the dependency ranges of package.json again and may rewrite the lockfile, so two builds can install different versions; npm ci installs exactly the lockfile the stage copies, and fails when it is out of date`,
    ]);
  });

  it('accepts npm ci, global and named installs, and a stage that copies no lockfile', async () => {
    expect(await findings(RULE, ['dockerfile/npm-ci/good'])).toEqual([]);
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
