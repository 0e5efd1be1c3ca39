/**
 * Every rule's example folders, linted as a user would lint them: the
 * `bad/` folder makes the rule fire and the `good/` folder does not. The
 * exact findings are each rule's own test (in memory); this keeps the
 * real-shaped examples under `fixtures/<kind>/<name>/` honest, with every
 * rule on at once as in a strict run.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import builtins from '../rules/index.js';
import type { Diagnostic } from '../src/core/diagnostic.js';
import { run } from '../src/runner/run.js';
import { FIXTURES } from './helpers/lint.js';

/** Rules whose bad example needs options the defaults do not set, as their docs pages show. */
const OPTIONS: Record<string, string> = {
  'dockerfile/label-schema': 'dockerfile/label-schema: [warning, {schema: {version: semver, org.opencontainers.image.url: url, org.opencontainers.image.created: rfc3339, org.opencontainers.image.licenses: spdx, org.opencontainers.image.revision: hash, org.opencontainers.image.authors: email, org.opencontainers.image.title: text}, strict: true}]',
  'dockerfile/trusted-registries': 'dockerfile/trusted-registries: [warning, {allowed: [docker.io, "*.mirror.example.com"]}]',
};

const rules = builtins.rules.filter((r) => r.check && existsSync(path.join(FIXTURES, r.meta.id, 'bad')));

describe('fixtures', () => {
  let found: Diagnostic[] = [];
  beforeAll(async () => {
    const cliRules = builtins.rules.map((r) => OPTIONS[r.meta.id] ?? `${r.meta.id}: ${r.meta.severity}`);
    const result = await run({ cwd: FIXTURES, patterns: ['compose', 'dockerfile', 'shell', 'stack'], noConfigLookup: true, cliRules });
    found = result.diagnostics.filter((d) => !d.suppressed);
  }, 120_000);

  it('covers the rules (a guard against an empty check)', () => {
    expect(rules.length).toBeGreaterThan(100);
  });

  it.each(rules.map((r) => [r.meta.id] as const))('%s fires on its bad example and not on its good one', (id) => {
    const inside = (folder: string) => found.filter((d) => d.ruleId === id && d.relPath.startsWith(`${id}/${folder}/`)).map((d) => `${d.relPath}:${d.range.start.line}`);
    expect(inside('bad').length, `fixtures/${id}/bad does not make ${id} fire`).toBeGreaterThan(0);
    expect(inside('good'), `fixtures/${id}/good makes ${id} fire`).toEqual([]);
  });
});
