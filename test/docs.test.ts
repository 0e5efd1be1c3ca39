import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import builtins from '../rules/index.js';
import { CORE_RULE_METAS } from '../src/engine/core-rules.js';
import { FIXTURES, ROOT } from './helpers/lint.js';

const DOCS = path.join(ROOT, 'docs/rules');
const metas = [...builtins.rules.map((r) => r.meta), ...CORE_RULE_METAS];

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return pages(full);
    return name.endsWith('.md') && name !== 'index.md' ? [path.relative(DOCS, full).replace(/\.md$/, '')] : [];
  });
}

/** The sentence under the page title: the rule's summary. */
function summaryLine(text: string): string {
  return text.split('\n').slice(1).find((l) => l.trim() !== '')!.trim();
}

describe('rule docs and metadata agree', () => {
  it.each(metas.map((m) => [m.id, m] as const))('%s has a page whose title and summary match', (id, meta) => {
    const file = path.join(DOCS, `${id}.md`);
    expect(existsSync(file), `docs/rules/${id}.md is missing`).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe(`# ${id}`);
    expect(summaryLine(text)).toBe(meta.summary.endsWith('.') ? meta.summary : `${meta.summary}.`);
  });

  it.each(metas.map((m) => [m.id, m] as const))('%s has the standard sections and names its peer codes', (id, meta) => {
    const text = readFileSync(path.join(DOCS, `${id}.md`), 'utf8');
    const sections = text.split('\n').filter((l) => l.startsWith('## '));
    // A rule left out of `recommended` for its measured precision says so first.
    const leftOut = meta.recommended === false && sections[0] === '## Not in recommended' ? ['## Not in recommended'] : [];
    expect(sections).toEqual([...leftOut, '## Why', '## What it checks', '## Fires', '## Does not fire', '## Options', '## Fix']);
    for (const codes of Object.values(meta.compat ?? {})) for (const code of codes ?? []) expect(text, `${id} page should name ${code}`).toContain(code);
  });

  it('every page documents a rule that exists', () => {
    const ids = new Set(metas.map((m) => m.id));
    expect(pages(DOCS).filter((p) => !ids.has(p))).toEqual([]);
  });

  it.each(builtins.rules.map((r) => [r.meta.id] as const))('%s has fixtures', (id) => {
    expect(existsSync(path.join(FIXTURES, id)), `fixtures/${id}/ is missing`).toBe(true);
  });

  it('rule ids are unique and well-formed', () => {
    const ids = builtins.rules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^(compose|dockerfile|shell|stack)\/[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe('the rule index page', () => {
  it('is generated from metadata and up to date (npm run docs rewrites it)', async () => {
    const { ruleIndexMarkdown } = await import('../src/cli/rule-docs.js');
    const expected = ruleIndexMarkdown(builtins.rules.map((r) => r.meta));
    const file = path.join(DOCS, 'index.md');
    if (process.env.STACK_LINT_UPDATE_DOCS === '1') (await import('node:fs')).writeFileSync(file, expected);
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });
});

describe('stack-lint rule <id>', () => {
  it('prints a rule page by id and by peer code, and fails on an unknown one', async () => {
    const { cli } = await import('./helpers/cli.js');
    const byId = await cli(['rule', 'dockerfile/pinned-base-image'], ROOT);
    expect(byId.code).toBe(0);
    expect(byId.stdout.startsWith('# dockerfile/pinned-base-image\n')).toBe(true);
    const byCode = await cli(['rule', 'DL3007'], ROOT);
    expect(byCode.stdout.startsWith('(DL3007 is covered by dockerfile/pinned-base-image)\n\n# dockerfile/pinned-base-image')).toBe(true);
    const unknown = await cli(['rule', 'DL9999'], ROOT);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('stack-lint: no rule or peer code "DL9999"; see stack-lint --list-rules\n');
  });
});
