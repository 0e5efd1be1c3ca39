import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-policy-'));
  mkdirSync(path.join(dir, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

async function lint(dir: string, only: (id: string) => boolean) {
  const run = await cli(['-f', 'json', '.'], dir);
  const report = JSON.parse(run.stdout) as { files: { path: string; diagnostics: { ruleId: string; line: number; column: number; severity: string; message: string; suppressed: unknown }[] }[] };
  return {
    ...run,
    found: report.files.flatMap((f) =>
      f.diagnostics.filter((d) => only(d.ruleId) && !d.suppressed).map((d) => `${f.path}:${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}`),
    ),
  };
}

const IMAGE = 'services:\n  web:\n    image: nginx\n';

describe('environments', () => {
  it('an override for the production environment makes a rule an error only in its files', async () => {
    const dir = project({
      '.stackpolicyrc.yaml': [
        'rules:',
        '  compose/image-pinned: warning',
        'environments:',
        '  production: ["docker-compose.prod.y*ml", "compose.prod.y*ml"]',
        'overrides:',
        '  - environment: production',
        '    rules:',
        '      compose/image-pinned: error',
        '',
      ].join('\n'),
      'docker-compose.yml': IMAGE,
      'docker-compose.prod.yml': IMAGE,
      'docker-compose.dev.yml': IMAGE,
    });
    const { found } = await lint(dir, (id) => id === 'compose/image-pinned');
    expect(found.map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual([
      'docker-compose.dev.yml:3:12 warning',
      'docker-compose.prod.yml:3:12 error',
      'docker-compose.yml:3:12 warning',
    ]);
  });

  it('refuses an override naming an environment that does not exist', async () => {
    const dir = project({
      '.stackpolicyrc.yaml': 'environments:\n  production: ["*.prod.yml"]\noverrides:\n  - environment: prodution\n    rules: {}\n',
      'compose.yaml': 'services: {}\n',
    });
    const run = await cli(['.'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('overrides[0].environment: unknown environment "prodution"; did you mean "production"?');
  });
});

describe('declarative policies', () => {
  const config = [
    'policies:',
    '  - id: acme/owner-label',
    '    message: every service names its owner',
    '    severity: error',
    '    compose:',
    '      require: labels["com.acme.owner"]',
    '  - id: acme/internal-registry',
    '    message: images come from the internal registry',
    '    compose:',
    '      match: { path: image, pattern: "^registry\\\\.acme\\\\.io/" }',
    '  - id: acme/oci-source',
    '    message: images say where their source is',
    '    dockerfile:',
    '      requireLabel: org.opencontainers.image.source',
    '      fromPattern: "^registry\\\\.acme\\\\.io/"',
    '',
  ].join('\n');

  it('turn into rules that report at the right place, with their message and severity', async () => {
    const dir = project({
      '.stackpolicyrc.yaml': config,
      'compose.yaml': [
        'services:',
        '  api:',
        '    image: registry.acme.io/api:1.0.0',
        '    labels: ["com.acme.owner=payments"]',
        '  web:',
        '    image: nginx:1.27',
        '    labels:',
        '      tier: frontend',
        '',
      ].join('\n'),
      'Dockerfile': 'FROM python:3.12-slim\nLABEL org.opencontainers.image.source=https://git.acme.io/x\n',
    });
    const { found } = await lint(dir, (id) => id.startsWith('acme/'));
    // Sorted by path: "Dockerfile" sorts before "compose.yaml" (upper case first).
    expect(found).toEqual([
      'Dockerfile:1:6 warning acme/oci-source images say where their source is ("python:3.12-slim" does not match /^registry\\.acme\\.io\\//)',
      'compose.yaml:5:3 error acme/owner-label service "web": every service names its owner (labels["com.acme.owner"] is not set)',
      'compose.yaml:6:12 warning acme/internal-registry service "web": images come from the internal registry (image does not match /^registry\\.acme\\.io\\//)',
    ]);
  });

  it('can be configured and suppressed like any rule', async () => {
    const dir = project({
      '.stackpolicyrc.yaml': `${config}rules:\n  acme/internal-registry: off\n`,
      'compose.yaml': 'services:\n  # stack-lint-disable-next-line acme/owner-label -- owned by the platform team\n  web:\n    image: nginx:1.27\n',
    });
    const { found } = await lint(dir, (id) => id.startsWith('acme/'));
    expect(found).toEqual([]);
  });

  it('refuse a path or pattern that cannot be read', async () => {
    const dir = project({ '.stackpolicyrc.yaml': 'policies:\n  - id: a/b\n    message: m\n    compose: { match: { path: image, pattern: "([" } }\n', 'compose.yaml': 'services: {}\n' });
    const run = await cli(['.'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('policies[0].compose.match.pattern: invalid regular expression');
  });
});

describe('linterOptions', () => {
  it('noInlineConfig ignores suppression comments; requireSuppressionReason reports those without a reason', async () => {
    const compose = 'services:\n  web:\n    image: nginx # stack-lint-disable-line compose/image-pinned\n';
    const off = project({ '.stackpolicyrc.yaml': 'linterOptions: { noInlineConfig: true }\nrules: { compose/image-pinned: error }\n', 'compose.yaml': compose });
    expect((await lint(off, (id) => id === 'compose/image-pinned')).found).toHaveLength(1);
    const reason = project({ '.stackpolicyrc.yaml': 'linterOptions: { requireSuppressionReason: true }\n', 'compose.yaml': compose });
    expect((await lint(reason, (id) => id.startsWith('stack-lint/'))).found).toEqual([
      'compose.yaml:3:18 warning stack-lint/invalid-disable suppression without a reason: add "-- <why>" after the rule ids',
    ]);
  });
});

describe('.stackpolicyrc.example', () => {
  it('shows every top-level key and loads without error', async () => {
    const { readFileSync } = await import('node:fs');
    const { ROOT } = await import('../helpers/lint.js');
    const { CONFIG_SCHEMA } = await import('../../src/config/schema.js');
    const text = readFileSync(path.join(ROOT, '.stackpolicyrc.example'), 'utf8');
    for (const key of Object.keys(CONFIG_SCHEMA.properties).filter((k) => !k.startsWith('$'))) expect(text).toMatch(new RegExp(`^${key}:`, 'm'));
    const dir = project({ '.stackpolicyrc.yaml': text, 'compose.yaml': 'services: {}\n' });
    const run = await cli(['.'], dir);
    expect(run.stderr).toBe('');
  });
});

describe('the built-in presets', () => {
  it('stack-lint:strict turns warnings into errors and switches on the off-by-default rules except layout and pinning', async () => {
    const dir = project({ '.stackpolicyrc.yaml': 'extends: [stack-lint:strict]\n', 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n' });
    const rules = JSON.parse((await cli(['--print-config', 'compose.yaml'], dir)).stdout).rules as Record<string, unknown>;
    // A rule with options prints as [severity, options].
    const printed = Object.fromEntries(Object.entries(rules).map(([id, v]) => [id, Array.isArray(v) ? v[0] : v]));
    expect(printed['compose/restart-policy']).toBe('error'); // a warning by default
    expect(printed['compose/no-new-privileges']).toBe('error'); // off by default
    expect(printed['compose/services-order']).toBe('off'); // layout stays off
    expect(printed['dockerfile/pin-package-versions']).toBe('off');
    expect(printed['dockerfile/healthcheck']).toBe('info'); // infos stay infos
  });
});
