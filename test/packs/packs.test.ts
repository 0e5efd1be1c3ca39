import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/lint.js';

const ACME = path.join(FIXTURES, 'packs/acme/index.mjs');

const COMPOSE = [
  'services:',
  '  api:',
  '    image: acme/api:1.4.2',
  '    restart: always',
  '  # stack-lint-disable-next-line acme/owner-label -- batch jobs are owned by the platform team',
  '  worker:',
  '    image: acme/worker:3.1.0',
  '  job:',
  '    image: acme/job:2.0.0',
  '    labels:',
  '      com.acme.owner: data-team',
  '',
].join('\n');

function project(config: string, files: Record<string, string> = { 'compose.yaml': COMPOSE }): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-pack-'));
  mkdirSync(path.join(dir, '.git'));
  writeFileSync(path.join(dir, '.stackpolicyrc.yaml'), config);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const CONFIG = `plugins: [${JSON.stringify(ACME)}]\nextends: [stack-lint:recommended, "@acme/stack-policy"]\n`;

/** The pack's findings, and image pinning (which the strict preset configures). */
function findings(stdout: string): string[] {
  const report = JSON.parse(stdout) as { files: { path: string; diagnostics: { ruleId: string; line: number; column: number; severity: string }[] }[] };
  return report.files.flatMap((f) =>
    f.diagnostics
      .filter((d) => d.ruleId.startsWith('acme/') || d.ruleId === 'compose/image-pinned')
      .map((d) => `${f.path}:${d.line}:${d.column} ${d.severity} ${d.ruleId}`),
  );
}

describe('an org rule pack', () => {
  it('loads from plugins:, and its rules fire with the preset severities and honour suppressions', async () => {
    const dir = project(CONFIG);
    const run = await cli(['-f', 'json', '.'], dir);
    expect(run.stderr).toBe('');
    expect(findings(run.stdout)).toEqual(['compose.yaml:2:3 warning acme/owner-label', 'compose.yaml:4:14 info acme/restart-unless-stopped']);
  });

  it('fixes with --fix', async () => {
    const dir = project(CONFIG);
    const run = await cli(['--fix', '.'], dir);
    expect(run.stdout).toMatch(/fixed \d+ problems? in 1 file \(.*acme\/restart-unless-stopped: 1/);
    const fixed = readFileSync(path.join(dir, 'compose.yaml'), 'utf8');
    expect(fixed).toContain('    restart: unless-stopped\n');
    expect(fixed).not.toContain('restart: always');
  });

  it('applies a preset of the pack by name, and config rules of the pack with options', async () => {
    const strict = project(`plugins: [${JSON.stringify(ACME)}]\nextends: ["@acme/stack-policy:strict"]\nrules:\n  acme/owner-label: [error, { label: team }]\n`);
    const run = await cli(['-f', 'json', '.'], strict);
    expect(findings(run.stdout)).toEqual([
      'compose.yaml:2:3 error acme/owner-label',
      'compose.yaml:3:12 error compose/image-pinned',
      'compose.yaml:4:14 error acme/restart-unless-stopped',
      'compose.yaml:7:12 error compose/image-pinned',
      'compose.yaml:8:3 error acme/owner-label',
      'compose.yaml:9:12 error compose/image-pinned',
    ]);
  });

  it('appears in --list-rules and in SARIF with its docs link', async () => {
    const dir = project(CONFIG);
    const list = JSON.parse((await cli(['--list-rules', '-f', 'json'], dir)).stdout) as { rules: { id: string; pack: string; docs: string }[] };
    expect(list.rules.filter((r) => r.pack === '@acme/stack-policy').map((r) => [r.id, r.docs])).toEqual([
      ['acme/internal-registry', 'https://policy.acme.example/rules/internal-registry.md'],
      ['acme/owner-label', 'https://policy.acme.example/rules/owner-label.md'],
      ['acme/restart-unless-stopped', 'https://policy.acme.example/rules/restart-unless-stopped.md'],
    ]);
    const sarif = JSON.parse((await cli(['-f', 'sarif', '.'], dir)).stdout);
    const rule = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'acme/owner-label');
    expect(rule.helpUri).toBe('https://policy.acme.example/rules/owner-label.md');
    expect(rule.help.markdown).toContain('https://policy.acme.example/rules/owner-label.md');
  });

  it('is refused under --no-code-config', async () => {
    const run = await cli(['--no-code-config', '.'], project(CONFIG));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`refusing to load plugins (${ACME}) because --no-code-config is set`);
  });
});

describe('pack load errors exit 2 and name the pack and the problem', () => {
  const write = (dir: string, name: string, body: string) => {
    writeFileSync(path.join(dir, name), body);
    return `./${name}`;
  };
  const rule = (id: string, extra = '') =>
    `{ meta: { id: '${id}', kind: 'compose', category: 'x', severity: 'warning', fix: 'none', summary: 'x'${extra} }, check() {} }`;

  it.each([
    ['a plugin that cannot be found', () => ['./nowhere.mjs', ''], /plugin "\.\/nowhere\.mjs" failed to load/],
    ['a package that is not installed', () => ['@acme/nothing', ''], /cannot find plugin "@acme\/nothing" .*looked for @acme\/nothing, @acme\/stack-lint-plugin-nothing/],
    ['a module that throws', (d: string) => [write(d, 'boom.mjs', 'throw new Error("kaboom");'), ''], /plugin "\.\/boom\.mjs" failed to load: kaboom/],
    ['no default export', (d: string) => [write(d, 'empty.mjs', 'export const x = 1;'), ''], /exports no pack/],
    ['a rule outside the namespace', (d: string) => [write(d, 'ns.mjs', `export default { meta: { name: 'ns', namespace: 'acme' }, rules: [${rule('other/x')}] };`), ''], /pack "ns" \(\.\/ns\.mjs\): rules\[0\] "other\/x": the id must be "acme\/<name>"/],
    ['invalid metadata', (d: string) => [write(d, 'meta.mjs', `export default { meta: { name: 'm', namespace: 'm' }, rules: [{ meta: { id: 'm/x', kind: 'helm', category: 'x', severity: 'warning', fix: 'none', summary: 'x' }, check() {} }] };`), ''], /rules\[0\] "m\/x": meta.kind must be compose, dockerfile, shell or stack/],
    ['a scope a dockerfile rule cannot have', (d: string) => [write(d, 'scope.mjs', `export default { meta: { name: 's', namespace: 's' }, rules: [{ meta: { id: 's/x', kind: 'dockerfile', category: 'x', severity: 'warning', fix: 'none', summary: 'x', scope: 'environment' }, check() {} }] };`), ''], /rules\[0\] "s\/x": meta.scope must be file, or environment for a compose rule/],
    ['a part scope a dockerfile rule cannot have', (d: string) => [write(d, 'parts.mjs', `export default { meta: { name: 'p', namespace: 'p' }, rules: [{ meta: { id: 'p/x', kind: 'dockerfile', category: 'x', severity: 'warning', fix: 'none', summary: 'x' }, parts: [{ check() {} }, { scope: 'environment', check() {} }] }] };`), ''], /rules\[0\] "p\/x": parts\[1\].scope must be file, or environment for a compose or stack rule/],
    ['a version it does not support', (d: string) => [write(d, 'old.mjs', `export default { meta: { name: 'old', namespace: 'old' }, requires: '>=99', rules: [] };`), ''], /pack "old" \(\.\/old\.mjs\): requires stack-lint >=99, but this is stack-lint \d/],
    ['a reserved namespace', (d: string) => [write(d, 'res.mjs', `export default { meta: { name: 'res', namespace: 'compose' }, rules: [] };`), ''], /namespace "compose" is reserved/],
    [
      'a rule id collision between packs',
      (d: string) => [
        write(d, 'one.mjs', `export default { meta: { name: 'one', namespace: 'acme' }, rules: [${rule('acme/x')}] };`),
        write(d, 'two.mjs', `export default { meta: { name: 'two', namespace: 'acme' }, rules: [${rule('acme/x')}] };`),
      ],
      /pack "two" \(\.\/two\.mjs\): rule id "acme\/x" is already defined by another pack/,
    ],
  ])('%s', async (_name, make, message) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-packerr-'));
    mkdirSync(path.join(dir, '.git'));
    writeFileSync(path.join(dir, 'compose.yaml'), 'services: {}\n');
    const plugins = (make as (d: string) => string[])(dir).filter(Boolean);
    writeFileSync(path.join(dir, '.stackpolicyrc.yaml'), `plugins: ${JSON.stringify(plugins)}\n`);
    const run = await cli(['.'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('.stackpolicyrc.yaml');
  });
});
