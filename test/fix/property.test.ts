import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import builtins from '../../rules/index.js';
import { prepare, run, runFix } from '../../src/runner/run.js';
import { fixFiles, type FileChange } from '../../src/fix/loop.js';
import { FIXTURES, SHARED } from '../helpers/lint.js';
import { commandWords, composeModels, dockerfileInstructions, parseDockerfileText, parseShellText } from '../helpers/what-runs.js';

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

/** Rules whose fixes `--fix` applies (an `unsafe` rule's fixes never are). */
const SAFE_RULES = new Set(builtins.rules.filter((r) => r.meta.fix === 'safe').map((r) => r.meta.id));

/** The first place two values differ, as `path: before → after`. */
function firstDifference(a: unknown, b: unknown, at = ''): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}/${key}`);
      if (d) return d;
    }
  }
  return `${at || '/'}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`;
}

/** Where the fixed texts change what runs (see test/helpers/what-runs.ts): one line per project or file. */
async function behaviourChanges(cwd: string, files: readonly { path: string; kind: string }[], changes: readonly FileChange[]): Promise<string[]> {
  const out: string[] = [];
  const compose = files.filter((f) => f.kind === 'compose').map((f) => f.path);
  const before = await composeModels(cwd, compose, new Map());
  const after = await composeModels(cwd, compose, new Map(changes.map((c) => [c.path, c.after])));
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const d = firstDifference(before.get(key), after.get(key));
    if (d) out.push(`${key} ${d}`);
  }
  const kinds = new Map(files.map((f) => [f.path, f.kind]));
  for (const c of changes) {
    const kind = kinds.get(c.path);
    const d =
      kind === 'dockerfile'
        ? firstDifference(dockerfileInstructions(await parseDockerfileText(c.path, c.before)), dockerfileInstructions(await parseDockerfileText(c.path, c.after)))
        : kind === 'shell'
          ? firstDifference(commandWords(await parseShellText(c.path, c.before)), commandWords(await parseShellText(c.path, c.after)))
          : undefined;
    if (d) out.push(`${c.relPath} ${d}`);
  }
  return out;
}

/** `--fix` on a tree, in memory: every rule with safe fixes on, safe fixes only. */
async function safeFixInMemory(cwd: string) {
  const prepared = await prepare({ cwd, patterns: ['.'], noConfigLookup: true, cliRules: [...SAFE_RULES].map((id) => `${id}: warning`), keepTexts: true, concurrency: 1 });
  // Only those rules run: the others offer no fix that `--fix` applies.
  const outcome = await fixFiles({ ...prepared, rules: prepared.rules.filter((r) => SAFE_RULES.has(r.meta.id)), unsafe: false });
  return { files: prepared.files, outcome };
}

describe.skipIf(!existsSync(path.join(SHARED, 'corpus')))('--fix (safe fixes) leaves what runs unchanged', () => {
  it('on the whole shared corpus: every project\'s merged compose model, every Dockerfile\'s instructions, every command\'s words', async () => {
    const cwd = path.join(SHARED, 'corpus');
    const { files, outcome } = await safeFixInMemory(cwd);
    // The safe fixes do change the texts: compose files, Dockerfiles.
    const changed = (kind: string) => outcome.changes.filter((c) => files.find((f) => f.path === c.path)?.kind === kind).length;
    expect(changed('compose')).toBeGreaterThan(30);
    expect(changed('dockerfile')).toBeGreaterThan(20);
    expect(await behaviourChanges(cwd, files, outcome.changes)).toEqual([]);
  }, 120_000);
});
