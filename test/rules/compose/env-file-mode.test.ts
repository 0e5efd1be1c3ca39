import { chmodSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import envFileMode from '../../../rules/compose/env-file-mode.js';
import { run } from '../../../src/runner/run.js';
import { RuleTester } from '../../../src/testing.js';
import { brief, findings, FIXTURES } from '../../helpers/lint.js';

const RULE = 'compose/env-file-mode';
const ON = { cliRules: [`${RULE}: warning`] };

describe(RULE, () => {
  it('is off in the recommended preset', () => {
    expect(envFileMode.meta.recommended).toBe(false);
  });

  // On disk: the finding depends on the file's permission mode, which an in-memory file does not have.
  it('reports an env_file holding secrets that others can read, naming the secrets, never their values', async () => {
    const found = await findings(RULE, ['compose/env-file-mode/bad'], ON);
    expect(found.map((d) => `${brief(d)} ${d.message.replace(/mode 6\d\d, so [a-z' ]+ can/, 'mode 6x4, so … can')}`)).toEqual([
      `compose/env-file-mode/bad/compose.yaml:4:15-4:24 ${RULE} service "api" reads env_file ".env.prod", which holds secrets (SECRET_KEY, OPENAI_API_KEY) but has mode 6x4, so … can read them; chmod 600 it`,
    ]);
    expect(found[0]!.message).not.toContain('f3b9c2a7');
  });

  // On disk: modes 600, 640 and 644 are what these cases vary.
  it('accepts an env_file of mode 600 and one without literal secrets, and reports mode 640 to the group', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-env-mode-'));
    try {
      cpSync(path.join(FIXTURES, 'compose/env-file-mode/bad'), tmp, { recursive: true });
      chmodSync(path.join(tmp, '.env.prod'), 0o600);
      const result = await run({ cwd: tmp, patterns: ['.'], noConfigLookup: true, ...ON });
      expect(result.diagnostics.filter((d) => d.ruleId === RULE)).toEqual([]);
      chmodSync(path.join(tmp, '.env.prod'), 0o640);
      const group = await run({ cwd: tmp, patterns: ['.'], noConfigLookup: true, ...ON });
      expect(group.diagnostics.filter((d) => d.ruleId === RULE).map((d) => d.message)).toEqual([
        `service "api" reads env_file ".env.prod", which holds secrets (SECRET_KEY, OPENAI_API_KEY) but has mode 640, so the file's group can read them; chmod 600 it`,
      ]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    expect(await findings(RULE, ['compose/env-file-mode/good'], ON)).toEqual([]);
  });

  it('accepts files whose mode is unknown, as in memory', async () => {
    await new RuleTester(envFileMode).run({
      valid: [{ filename: 'compose.yaml', code: 'services:\n  api:\n    image: a:1\n    env_file: .env\n', files: { '.env': 'SECRET_KEY=f3b9c2a7d41e8b6f0a5c9d2e7b1f4a8c\n' } }],
    });
  });
});
