/**
 * The known tree-sitter-bash grammar gaps (DESIGN.md) must not make any shell
 * rule report something that is not there, and the script after the gap must
 * still be linted: each fixture ends with a `docker-compose version` canary
 * that shell/compose-v2 has to find.
 */
import { describe, expect, it } from 'vitest';
import { shellRules } from '../../../rules/shell/index.js';
import { brief, lintFixtures } from '../../helpers/lint.js';

/** Every shell rule on (the ShellCheck bridge aside: it has its own tests). */
const ALL_SHELL_RULES = shellRules.filter((r) => r.meta.id !== 'shell/shellcheck').map((r) => `${r.meta.id}: warning`);

async function shellFindings(path: string): Promise<string[]> {
  const found = await lintFixtures([path], { cliRules: ALL_SHELL_RULES });
  expect(found.filter((d) => d.internal)).toEqual([]);
  return found.filter((d) => d.ruleId.startsWith('shell/')).map(brief);
}

describe('shell rules on the grammar gaps', () => {
  it('an argument after a mid-command redirect (echo >&2 "msg" x)', async () => {
    expect(await shellFindings('shell/grammar-gaps/gaps/redirect-mid-command.sh')).toEqual([
      'shell/grammar-gaps/gaps/redirect-mid-command.sh:8:1-8:15 shell/compose-v2',
    ]);
  });

  it('a redirect at the end of a list', async () => {
    expect(await shellFindings('shell/grammar-gaps/gaps/redirect-end-of-list.sh')).toEqual([
      // true positive: the file sets -u only
      'shell/grammar-gaps/gaps/redirect-end-of-list.sh:1:1-1:10 shell/strict-mode',
      'shell/grammar-gaps/gaps/redirect-end-of-list.sh:7:1-7:15 shell/compose-v2',
    ]);
  });

  it('a heredoc followed by ; on the same line', async () => {
    expect(await shellFindings('shell/grammar-gaps/gaps/heredoc-semicolon.sh')).toEqual([
      'shell/grammar-gaps/gaps/heredoc-semicolon.sh:11:1-11:15 shell/compose-v2',
    ]);
  });

  it('POSIX for name do', async () => {
    expect(await shellFindings('shell/grammar-gaps/gaps/for-without-in.sh')).toEqual([
      'shell/grammar-gaps/gaps/for-without-in.sh:8:1-8:15 shell/compose-v2',
    ]);
  });

  it('the same gaps inside Dockerfile RUN bodies', async () => {
    expect(await shellFindings('shell/grammar-gaps/gaps/Dockerfile')).toEqual(['shell/grammar-gaps/gaps/Dockerfile:8:5-8:19 shell/compose-v2']);
  });

  it('a script that does not parse is still linted on the parts that did', async () => {
    expect(await shellFindings('shell/grammar-gaps/broken/partial.sh')).toEqual([
      'shell/grammar-gaps/broken/partial.sh:3:1-3:15 shell/compose-v2',
      'shell/grammar-gaps/broken/partial.sh:4:1-4:1 shell/syntax',
    ]);
  });
});
