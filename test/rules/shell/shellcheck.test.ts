import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Diagnostic } from '../../../src/core/diagnostic.js';
import { createRegistry } from '../../../src/core/registry.js';
import { offsetOf } from '../../../src/engine/shellcheck.js';
import { brief, lintFixtures } from '../../helpers/lint.js';

const HAVE_SHELLCHECK = spawnSync('shellcheck', ['--version']).status === 0;
const ON = ['shell/shellcheck: error'];
const ids = (found: Diagnostic[]) => found.filter((d) => d.ruleId.startsWith('shellcheck/') || d.ruleId === 'shell/shellcheck');

describe('shell/shellcheck without the binary', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('is off by default and runs nothing', async () => {
    const found = await lintFixtures(['shell/shellcheck/bad']);
    expect(ids(found)).toEqual([]);
  });

  it('when enabled but not installed, warns once for the whole run', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'no-shellcheck-'));
    try {
      vi.stubEnv('PATH', empty);
      const found = ids(await lintFixtures(['shell/shellcheck/bad', 'shell/shellcheck/good'], { cliRules: ON }));
      expect(found.map((d) => `${brief(d)} ${d.severity} ${d.message}`)).toEqual([
        'shell/shellcheck/bad/Dockerfile:1:1-1:1 shell/shellcheck warning shell/shellcheck is enabled, but no shellcheck program is on PATH, so ShellCheck did not run; install it (apt-get install shellcheck, brew install shellcheck, …) or turn the rule off',
      ]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('the shellcheck/SC<code> family in the registry', () => {
  const registry = createRegistry([{ id: 'shell/quote-expansions', kind: 'shell', category: 'shell', severity: 'warning', fix: 'safe', summary: 'x', compat: { shellcheck: ['SC2086'] } }]);

  it('knows every shellcheck/SC<code> id, with a link to the ShellCheck wiki', () => {
    expect(registry.get('shellcheck/SC2154')).toMatchObject({ id: 'shellcheck/SC2154', kind: 'shell', docsUrl: 'https://www.shellcheck.net/wiki/SC2154' });
    expect(registry.get('shellcheck/SC21')).toBeUndefined();
    expect(registry.ids()).not.toContain('shellcheck/SC2154');
  });

  it('maps a bare code to the built-in rule that claims it, else to the family id', () => {
    expect(registry.byCompatCode('SC2086')).toEqual(['shell/quote-expansions']);
    expect(registry.byCompatCode('SC2154')).toEqual(['shellcheck/SC2154']);
    expect(registry.byCompatCode('DL3008')).toEqual([]);
  });
});

describe('json1 columns', () => {
  it('count tabs as one column and characters as code points, giving UTF-16 offsets', () => {
    const text = 'a\n\techo 🐳 $x\n';
    expect(offsetOf(text, 2, 1)).toBe(2);
    expect(offsetOf(text, 2, 7)).toBe(text.indexOf('🐳'));
    expect(offsetOf(text, 2, 9)).toBe(text.indexOf('$x'));
  });
});

describe.skipIf(!HAVE_SHELLCHECK)('shell/shellcheck with ShellCheck installed', () => {
  it('reports a finding on the third line of a multi-line RUN at its line and column (tabs count one), ARG names exported', async () => {
    const found = ids(await lintFixtures(['shell/shellcheck/bad/Dockerfile'], { cliRules: ON }));
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'shell/shellcheck/bad/Dockerfile:5:11-5:16 shellcheck/SC2043 this loop will only ever run once. Bad quoting or missing glob/expansion?',
      'shell/shellcheck/bad/Dockerfile:6:10-6:26 shellcheck/SC2154 undefined_thing is referenced but not assigned',
    ]);
  });

  it('reports scripts at exact positions (astral characters included), with ShellCheck fixes as suggestions, and no duplicate of a built-in rule', async () => {
    const all = await lintFixtures(['shell/shellcheck/bad/check.sh'], { cliRules: ON });
    const found = ids(all);
    // expectations made with ShellCheck 0.9.0; later versions may add checks, so only these are required
    expect(found.map((d) => `${brief(d)} ${d.severity}`)).toEqual(
      expect.arrayContaining([
        'shell/shellcheck/bad/check.sh:6:7-6:12 shellcheck/SC2268 info',
        'shell/shellcheck/bad/check.sh:9:1-9:5 shellcheck/SC2162 info',
        'shell/shellcheck/bad/check.sh:10:22-10:36 shellcheck/SC2154 warning',
      ]),
    );
    const prefixes = found.find((d) => d.ruleId === 'shellcheck/SC2268')!;
    expect(prefixes.fix).toBeUndefined();
    expect(prefixes.suggestions![0]!.edits.map((e) => e.text)).toEqual(['', '']);
    // SC2086 belongs to shell/quote-expansions: never reported twice
    expect(all.some((d) => d.ruleId === 'shellcheck/SC2086')).toBe(false);
  });

  it('caps severities at the configured one and lets a per-code setting win', async () => {
    const found = ids(await lintFixtures(['shell/shellcheck/bad/check.sh'], { cliRules: ['shell/shellcheck: info', 'SC2162: off', 'shellcheck/SC2268: error'] }));
    const byId = new Map(found.map((d) => [d.ruleId, d.severity]));
    expect(byId.get('shellcheck/SC2268')).toBe('error');
    expect(byId.get('shellcheck/SC2154')).toBe('info');
    expect(byId.has('shellcheck/SC2162')).toBe(false);
    expect(found.every((d) => d.ruleId === 'shellcheck/SC2268' || d.severity === 'info')).toBe(true);
  });

  it('honours options: minLevel and exclude', async () => {
    const found = ids(
      await lintFixtures(['shell/shellcheck/bad/check.sh'], { cliRules: ['shell/shellcheck: [error, {"minLevel": "warning", "exclude": ["SC2154"]}]'] }),
    );
    expect(found.map((d) => d.ruleId)).not.toContain('shellcheck/SC2154');
    expect(found.map((d) => d.ruleId)).not.toContain('shellcheck/SC2268'); // style, below warning
    expect(found.map((d) => d.ruleId)).not.toContain('shellcheck/SC2162'); // info, below warning
  });

  it('honours stack-lint, hadolint and ShellCheck suppression comments', async () => {
    const found = ids(await lintFixtures(['shell/shellcheck/suppressed'], { cliRules: ON }));
    expect(found.map((d) => `${brief(d)} ${d.suppressed ? 'suppressed' : 'open'}`)).toEqual([
      'shell/shellcheck/suppressed/Dockerfile:3:14-3:19 shellcheck/SC2043 suppressed',
      'shell/shellcheck/suppressed/check.sh:4:1-4:5 shellcheck/SC2162 suppressed',
    ]);
    const all = await lintFixtures(['shell/shellcheck/suppressed'], { cliRules: ON });
    expect(all.filter((d) => d.ruleId.startsWith('stack-lint/'))).toEqual([]);
  });

  it('leaves a script that does not parse to shell/syntax: ShellCheck parse errors are not repeated', async () => {
    const found = await lintFixtures(['shell/shellcheck/broken'], { cliRules: ON });
    expect(found.filter((d) => d.ruleId === 'shell/syntax').map(brief)).toEqual(['shell/shellcheck/broken/broken.sh:4:1-4:1 shell/syntax']);
    expect(ids(found).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('finds nothing in clean files', async () => {
    expect(ids(await lintFixtures(['shell/shellcheck/good'], { cliRules: ON }))).toEqual([]);
  });
});
