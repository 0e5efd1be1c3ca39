import { describe, expect, it } from 'vitest';
import { lintFixtures } from '../../helpers/lint.js';

/** Rules that read instructions, words and variables, and so must understand `# escape=\``; off-by-default ones included. */
const RULES = [
  'add-for-archives', 'consecutive-run', 'container-irrelevant-commands', 'copy-ignored-file', 'copy-relative-destination',
  'dnf-hygiene', 'env-self-reference', 'expose-format', 'from-args', 'from-platform-flag', 'instruction-casing',
  'label-key-format', 'legacy-key-value', 'maintainer-deprecated', 'no-copy-whole-stage', 'no-empty-continuation',
  'no-inline-ignore', 'no-sudo', 'numeric-user', 'pin-package-versions', 'single-cmd', 'single-entrypoint',
  'single-healthcheck', 'syntax', 'undefined-var', 'unknown-flag', 'use-shell-instruction', 'useradd-large-uid',
  'wget-and-curl', 'wget-progress', 'yarn-cache-clean', 'yum-hygiene', 'zypper-hygiene',
].map((r) => `dockerfile/${r}`);

describe('Windows Dockerfiles (# escape=`)', () => {
  it('parse and lint without findings: backslash paths, backtick continuations, PowerShell RUN bodies, USER names', async () => {
    const found = await lintFixtures(['dockerfile/syntax/good/windows.Dockerfile'], { cliRules: RULES.map((id) => `${id}: warning`) });
    expect(found.filter((d) => RULES.includes(d.ruleId)).map((d) => `${d.range.start.line} ${d.ruleId} ${d.message}`)).toEqual([]);
  });
});
