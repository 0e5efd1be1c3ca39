import { existsSync } from 'node:fs';
import path from 'node:path';
import { discover } from '../discover/discover.js';
import { FILE_KINDS } from '../kinds/index.js';
import { SEARCH_PLACES } from '../config/index.js';
import { writeFileAtomic } from '../core/write-file.js';
import type { RuleRegistry } from '../core/registry.js';
import { importPeers, importedPeerLines } from './init-peers.js';

const ENVIRONMENT = /(?:^|[.-])(dev|development|test|ci|staging|prod|production)\.ya?ml$/i;

/**
 * `stack-lint init`: writes a commented `.stackpolicyrc.yaml` for the
 * repository in `cwd` (which kinds of files it has, which compose
 * environments), and never overwrites a config that is already there.
 */
export async function init(cwd: string, registry: RuleRegistry): Promise<{ written?: string; refused?: string; imported?: string[] }> {
  const existing = SEARCH_PLACES.filter((p) => p !== 'package.json').find((p) => existsSync(path.join(cwd, p)));
  if (existing) return { refused: `${existing} already exists; stack-lint init changes nothing` };
  const peers = importPeers(cwd, registry);
  const imported = importedPeerLines(peers);
  const files = await discover({ cwd, patterns: ['.'], ignore: [], errorOnUnmatched: false });
  const count = (kind: string) => files.filter((f) => f.kind === kind).length;
  const envs = new Map<string, string[]>();
  for (const f of files) {
    if (f.kind !== 'compose') continue;
    const m = ENVIRONMENT.exec(path.basename(f.path));
    if (!m) continue;
    const name = { dev: 'development', prod: 'production' }[m[1]!.toLowerCase()] ?? m[1]!.toLowerCase();
    const rel = path.relative(cwd, f.path).split(path.sep).join('/');
    envs.set(name, [...(envs.get(name) ?? []), rel]);
  }
  const lines = [
    '# stack-lint configuration (https://github.com/stack-lint/stack-lint)',
    '# yaml-language-server: $schema=./node_modules/stack-lint/schemas/stackpolicyrc.schema.json',
    `# Found: ${FILE_KINDS.map((k) => `${count(k.name)} ${k.noun}(s)`).join(', ')}.`,
    '',
    '# Presets applied in order; later wins. Org packs add theirs (e.g. "@acme/stack-policy:strict").',
    'extends: [stack-lint:recommended]',
    '',
    '# Rule packs to load (npm packages or ./files). Nothing unlisted is ever loaded.',
    'plugins: []',
    '',
    '# Severity per rule: off | info | warning | error, or [severity, { options }].',
    '# `stack-lint --list-rules` lists them; hadolint/ShellCheck/BuildKit codes work too.',
    '# For example:  compose/image-pinned: [error, { requireDigest: true }]',
    ...imported.rules,
    '',
  ];
  if (envs.size) {
    lines.push('# Compose environments found in this repository, for stricter rules where it matters.', 'environments:');
    for (const [name, list] of [...envs].sort()) lines.push(`  ${name}: [${list.map((f) => JSON.stringify(f)).join(', ')}]`);
    lines.push('');
    if (envs.has('production') || imported.overrides.length) {
      lines.push('overrides:');
      if (envs.has('production')) lines.push('  - environment: production', '    rules:', '      compose/image-pinned: [error, { requireDigest: true }]');
      lines.push(...imported.overrides, '');
    }
  } else {
    lines.push('# Named sets of files, for overrides by environment:', '# environments:', '#   production: ["docker-compose.prod.yml"]', '');
    if (imported.overrides.length) lines.push('overrides:', ...imported.overrides, '');
  }
  lines.push(
    '# Files never linted (node_modules and .git never are).',
    'ignores: []',
    '',
    '# Report stack-lint-disable comments that suppress nothing.',
    'linterOptions:',
    '  reportUnusedDisableDirectives: warning',
    '',
  );
  const target = path.join(cwd, '.stackpolicyrc.yaml');
  await writeFileAtomic(target, lines.join('\n'));
  return { written: target, imported: peers.sources };
}
