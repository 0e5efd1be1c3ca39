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
