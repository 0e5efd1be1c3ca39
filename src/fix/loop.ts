import { promises as fs } from 'node:fs';
import type { Diagnostic, Fix } from '../core/diagnostic.js';
import { lintFiles } from '../engine/lint.js';
import { type LintFilesOptions } from '../engine/types.js';
import { confirmShellSyntaxError, parseSource } from '../stack/parse-files.js';
import type { LintedFile, LintResult } from '../core/result.js';
import { createSourceFile, type FileKind } from '../core/source.js';
import { relativePath } from '../parse/sources.js';
import { fileKind } from '../kinds/index.js';
import { applyEdits, selectFixes } from './apply.js';

/** Passes of lint → fix → re-lint before giving up on fixes that keep producing fixes. */
export const MAX_FIX_PASSES = 10;

export interface FileChange {
  path: string;
  relPath: string;
  /** The text as read (BOM included). */
  before: string;
  /** The fixed text (BOM kept). */
  after: string;
}

export interface DroppedFix {
  ruleId: string;
  relPath: string;
  line: number;
  reason: string;
}

export interface FixOutcome {
  /** The lint result of the fixed texts: what remains. */
  result: LintResult;
  /** The files as first linted, before any fix (with the secrets found in them, for masking diffs). */
  original: LintedFile[];
  changes: FileChange[];
  /** Fixes applied, per rule id. */
  applied: Record<string, number>;
  dropped: DroppedFix[];
  passes: number;
  /** The run's project root: fixes are written inside it only (see ./commit.ts). */
  projectRoot?: string;
}

export interface FixRunOptions extends LintFilesOptions {
  /** Apply `unsafe` fixes too. */
  unsafe: boolean;
}

/**
 * The fix loop: lint, apply every fix that does not overlap another, re-parse,
 * re-lint, until nothing changes (at most MAX_FIX_PASSES). A fix whose result no
 * longer parses is dropped and reported. Works on texts in memory; writing is
 * the caller's business.
 */
export async function fixFiles(options: FixRunOptions): Promise<FixOutcome> {
  const kinds = new Map(options.files.map((f) => [f.path, f.kind]));
  const originals = new Map<string, string>();
  for (const f of options.files) {
    const raw =
      options.overlay?.get(f.path) ??
      (await fs.readFile(f.path).then((b) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b), () => undefined));
    if (raw !== undefined) originals.set(f.path, raw);
  }
  const current = new Map(originals);
  const applied: Record<string, number> = {};
  const dropped: DroppedFix[] = [];
  // A fix that broke the file once would break it again: it is not retried in later passes.
  const refused = new Set<string>();
  const keyOf = (c: Candidate) => `${c.diagnostic.ruleId}\u0000${c.fix.file}\u0000${JSON.stringify(c.fix.edits)}`;
  let result = await lintFiles({ ...options, overlay: current });
  const original = result.files;
  let passes = 0;

  while (passes < MAX_FIX_PASSES) {
    const byFile = groupFixable(result.diagnostics, options.unsafe);
    let changed = false;
    for (const [file, candidates] of byFile) {
      const raw = current.get(file);
      const kind = kinds.get(file);
      if (raw === undefined || !kind) continue;
      const bom = raw.startsWith('\uFEFF') ? '\uFEFF' : '';
      const body = raw.slice(bom.length);
      const fresh = candidates.filter((c) => !refused.has(keyOf(c)));
      const chosen = await keepParsable(file, kind, body, selectFixes(fresh), options.cwd, (c, reason) => {
        refused.add(keyOf(c));
        dropped.push({ ruleId: c.diagnostic.ruleId, relPath: c.diagnostic.relPath, line: c.diagnostic.range.start.line, reason });
      });
      if (!chosen.length) continue;
      const next = applyEdits(body, chosen.flatMap((c) => c.fix.edits));
      if (next === body) continue;
      current.set(file, bom + next);
      for (const c of chosen) applied[c.diagnostic.ruleId] = (applied[c.diagnostic.ruleId] ?? 0) + 1;
      changed = true;
    }
    if (!changed) break;
    passes++;
    result = await lintFiles({ ...options, overlay: current });
  }

  const changes: FileChange[] = [];
  for (const [path, before] of originals) {
    const after = current.get(path)!;
    if (after !== before) changes.push({ path, relPath: relativePath(options.cwd, path), before, after });
  }
  return { result, original, changes, applied, dropped, passes };
}

interface Candidate {
  fix: Fix;
  diagnostic: Diagnostic;
}

function groupFixable(diagnostics: readonly Diagnostic[], unsafe: boolean): Map<string, Candidate[]> {
  const out = new Map<string, Candidate[]>();
  for (const d of diagnostics) {
    if (!d.fix || d.suppressed || (d.fix.safety === 'unsafe' && !unsafe)) continue;
    const list = out.get(d.fix.file) ?? [];
    list.push({ fix: d.fix, diagnostic: d });
    out.set(d.fix.file, list);
  }
  return out;
}

/** Keeps the fixes whose combined result still parses; tries them one by one when all together do not. */
async function keepParsable(
  file: string,
  kind: FileKind,
  body: string,
  chosen: Candidate[],
  cwd: string,
  drop: (c: Candidate, reason: string) => void,
): Promise<Candidate[]> {
  const before = await syntaxError(file, kind, body, cwd);
  const breaks = async (cands: Candidate[]) => {
    const text = applyEdits(body, cands.flatMap((c) => c.fix.edits));
    const err = await syntaxError(file, kind, text, cwd);
    return err !== undefined && before === undefined ? err : undefined;
  };
  if (!(await breaks(chosen))) return chosen;
  const kept: Candidate[] = [];
  for (const c of chosen) {
    const err = await breaks([...kept, c]);
    if (err) drop(c, `the fixed file would not parse (${err}); fix not applied`);
    else kept.push(c);
  }
  return kept;
}

async function syntaxError(file: string, kind: FileKind, text: string, cwd: string): Promise<string | undefined> {
  const parsed = await parseSource(createSourceFile({ path: file, relPath: relativePath(cwd, file), kind, text }));
  if (parsed.problems.length) return parsed.problems[0]!.message;
  if (!parsed.doc) return undefined;
  // the scripts the file holds (a script itself, a Dockerfile's RUN bodies), as its kind says
  for (const script of fileKind(parsed.kind).shellScripts?.(parsed.doc) ?? []) {
    const err = await confirmShellSyntaxError(script);
    if (err) return err.message;
  }
  return undefined;
}
