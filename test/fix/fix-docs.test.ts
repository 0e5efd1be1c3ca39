import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import builtins from '../../rules/index.js';
import { ROOT } from '../helpers/lint.js';

const fixable = builtins.rules.map((r) => r.meta).filter((m) => m.fix !== 'none');
const FIXES = path.join(ROOT, 'docs/fixes.md');

/** The rows of docs/fixes.md's table: rule, link, safety. */
function tableRows(): { id: string; link: string; fix: string }[] {
  return readFileSync(FIXES, 'utf8')
    .split('\n')
    .flatMap((line) => {
      const m = /^\| \[([a-z-]+\/[a-z0-9-]+)\]\(([^)]+)\) \| (safe|unsafe) \| .+ \|$/.exec(line);
      return m ? [{ id: m[1]!, link: m[2]!, fix: m[3]! }] : [];
    });
}

describe('what each fix is, written down', () => {
  it.each(fixable.map((m) => [m.id, m.fix] as const))('%s: its page says %s, in the table and in a Fix section that says why', (id, fix) => {
    const page = readFileSync(path.join(ROOT, 'docs/rules', `${id}.md`), 'utf8');
    expect(page).toContain(`| Fix | ${fix} |`);
    const section = page.slice(page.indexOf('\n## Fix\n') + '\n## Fix\n'.length).trim();
    // "Safe (why…" / "Unsafe (why…": the verdict first, then the reason.
    expect(section).toMatch(new RegExp(`^${fix === 'safe' ? 'Safe' : 'Unsafe'}\\b[^.]*(\\(|:)`));
  });

  it('docs/fixes.md lists every fixable rule once, with its safety, linking its page', () => {
    const rows = tableRows();
    expect(rows.map((r) => `${r.id} ${r.fix}`)).toEqual(fixable.map((m) => `${m.id} ${m.fix}`).sort());
    for (const r of rows) {
      expect(r.link).toBe(`rules/${r.id}.md`);
      expect(existsSync(path.join(ROOT, 'docs', r.link))).toBe(true);
    }
  });
});
