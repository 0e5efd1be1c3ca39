import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, runFix } from '../../src/engine/run.js';
import { FIXTURES, SHARED } from '../helpers/lint.js';

/** Every rule on, fixable ones included, so every fix is exercised. */
const ALL_ON = ['compose/services-order', 'compose/service-keys-order', 'compose/top-level-order', 'compose/ports-order', 'compose/depends-on-order', 'compose/volumes-unquoted', 'compose/no-new-privileges'].map((id) => `${id}: warning`);

function commentLines(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => l.trim().startsWith('#')).map((l) => l.trim());
}

const syntaxProblems = (r: Awaited<ReturnType<typeof run>>, file: string) =>
  r.diagnostics.filter((d) => d.file === file && (d.ruleId.endsWith('/syntax') || d.internal)).map((d) => d.message);

/**
 * `--fix --unsafe-fixes` on a copy of a tree: every fixed file still parses,
 * a second run changes nothing, YAML comment lines all survive, and line
 * endings are unchanged.
 */
async function checkTree(source: string): Promise<{ changed: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-fixprop-'));
  cpSync(source, dir, { recursive: true });
  const options = { cwd: dir, patterns: ['.'], noConfigLookup: true, cliRules: ALL_ON, unsafe: true };
  const original = await run(options);
  const first = await runFix(options);
  for (const change of first.changes) {
    const lintedBefore = change.before;
    const after = change.after;
    expect(after.includes('\r\n'), `${change.relPath}: line endings`).toBe(lintedBefore.includes('\r\n'));
    if (/\.ya?ml$/.test(change.path)) {
      const kept = new Set(commentLines(after));
      for (const c of commentLines(lintedBefore)) expect(kept.has(c), `${change.relPath}: comment "${c}" lost`).toBe(true);
    }
  }
  // Apply the first pass's changes, then fix again: nothing may change, and nothing may break.
  const { writeChanges } = await import('../../src/fix/commit.js');
  expect(await writeChanges(first.changes)).toEqual([]);
  const second = await runFix(options);
  expect(second.changes.map((c) => c.relPath)).toEqual([]);
  for (const change of first.changes) {
    // A file that did not parse before may still not parse; none may get worse.
    const was = syntaxProblems(original, change.path);
    expect(syntaxProblems(second.result, change.path).filter((m) => !was.includes(m)), `${change.relPath} no longer parses`).toEqual([]);
  }
  expect(first.dropped.filter((d) => !d.reason.includes('would not parse'))).toEqual([]);
  return { changed: first.changes.length };
}

describe('--fix --unsafe-fixes never breaks a file', () => {
  it.skipIf(!existsSync(path.join(SHARED, 'corpus')))('on the whole shared corpus', async () => {
    const { changed } = await checkTree(path.join(SHARED, 'corpus'));
    expect(changed).toBeGreaterThan(50);
  }, 240_000);

  it('on every fixture', async () => {
    const { changed } = await checkTree(FIXTURES);
    expect(changed).toBeGreaterThan(50);
  }, 240_000);

  it('on services sharing an anchor through merge keys, where sorting would move the anchor below its aliases', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-anchor-'));
    cpSync(path.join(FIXTURES, 'fix/merge-anchor'), dir, { recursive: true });
    const options = { cwd: dir, patterns: ['.'], noConfigLookup: true, cliRules: ALL_ON, unsafe: true };
    const first = await runFix(options);
    const { writeChanges } = await import('../../src/fix/commit.js');
    await writeChanges(first.changes);
    const text = readFileSync(path.join(dir, 'compose.yaml'), 'utf8');
    // The anchor still comes before every alias, every comment is kept, and the ports are quoted.
    expect(text.indexOf('&app')).toBeLessThan(text.indexOf('*app'));
    for (const c of commentLines(readFileSync(path.join(FIXTURES, 'fix/merge-anchor/compose.yaml'), 'utf8'))) expect(text).toContain(c);
    expect(text).toContain('- "2222:22"');
    expect(syntaxProblems(first.result, path.join(dir, 'compose.yaml'))).toEqual([]);
    expect((await runFix(options)).changes).toEqual([]);
  });
});
