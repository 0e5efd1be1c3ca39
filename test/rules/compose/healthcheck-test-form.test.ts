import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../helpers/edits.js';
import { brief, FIXTURES, findings } from '../../helpers/lint.js';

const RULE = 'compose/healthcheck-test-form';

describe(RULE, () => {
  it('reports test lists that do not start with CMD, CMD-SHELL or NONE, or misuse them', async () => {
    const found = await findings(RULE, ['compose/healthcheck-test-form/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'compose/healthcheck-test-form/bad/compose.yaml:5:14-5:20 compose/healthcheck-test-form service "web"\'s healthcheck test starts with "curl", not CMD, CMD-SHELL or NONE: the list runs nothing Docker understands; start it with "CMD" (run the command) or "CMD-SHELL" (run it with /bin/sh -c)',
      'compose/healthcheck-test-form/bad/compose.yaml:10:11-10:15 compose/healthcheck-test-form service "api"\'s healthcheck test starts with "wget", not CMD, CMD-SHELL or NONE: the list runs nothing Docker understands; start it with "CMD" (run the command) or "CMD-SHELL" (run it with /bin/sh -c)',
      'compose/healthcheck-test-form/bad/compose.yaml:16:14-16:25 compose/healthcheck-test-form service "db"\'s healthcheck test starts with "cmd-shell", not CMD, CMD-SHELL or NONE: "cmd-shell" must be written "CMD-SHELL"',
      'compose/healthcheck-test-form/bad/compose.yaml:20:22-20:38 compose/healthcheck-test-form service "cache"\'s healthcheck test is ["NONE", …]: NONE disables the check and takes no command',
      'compose/healthcheck-test-form/bad/compose.yaml:24:13-24:15 compose/healthcheck-test-form service "queue" has an empty healthcheck test list; use ["NONE"] or "disable: true" to turn the check off',
    ]);
  });

  it('suggests (never applies) a CMD first item, in flow and block style', async () => {
    const found = await findings(RULE, ['compose/healthcheck-test-form/bad']);
    expect(found[0]!.fix).toBeUndefined();
    const text = readFileSync(path.join(FIXTURES, 'compose/healthcheck-test-form/bad/compose.yaml'), 'utf8');
    const lines = (i: number) => applyEdits(text, found[i]!.suggestions![0]!.edits).split('\n');
    expect(lines(0)[4]).toBe('      test: ["CMD", "curl", "-f", "http://localhost/"]');
    expect(lines(1).slice(8, 11)).toEqual(['      test:', '        - CMD', '        - wget']);
  });

  it('accepts CMD, CMD-SHELL, NONE and the string form', async () => {
    expect(await findings(RULE, ['compose/healthcheck-test-form/good'])).toEqual([]);
  });
});
