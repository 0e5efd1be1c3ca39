// The precision harness's bookkeeping: which finding a judgement is about,
// and how the findings of a run compare with the judgements on file.
//
// A judgement names its finding by a key that survives unrelated edits to
// the linted file: the file's path, the rule, a hash of the text of the line
// the finding starts on (trimmed), and the finding's rank among the findings
// of that rule on lines with the same text in that file. Moving a line keeps
// its key; changing the line makes it a new finding, to be judged again.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** The three verdicts: right and worth acting on, wrong, right but nothing a maintainer would change. */
export const VERDICTS = ['tp', 'fp', 'noise'];

/** @param {string} text */
function lineHash(text) {
  return createHash('sha1').update(text.trim()).digest('hex').slice(0, 12);
}

/**
 * Keys for the findings of a run, in their order.
 * @param {{ relPath: string, ruleId: string, line: number }[]} findings
 * @param {(relPath: string) => string[]} linesOf the lines of a linted file
 */
export function keyFindings(findings, linesOf) {
  const seen = new Map();
  return findings.map((f) => {
    const text = linesOf(f.relPath)[f.line - 1] ?? '';
    const base = `${f.relPath}#${f.ruleId}#${lineHash(text)}`;
    const rank = (seen.get(base) ?? 0) + 1;
    seen.set(base, rank);
    return `${base}#${rank}`;
  });
}

/**
 * The lines of a linted file: the text the run linted, or (for a file the run
 * reports on but does not lint, such as a `.env`) the file on disk.
 * @param {string} dir the folder the run linted
 * @param {{ relPath: string, text: string }[]} files the run's linted files
 */
export function linesReader(dir, files) {
  const texts = new Map(files.map((f) => [f.relPath, f.text]));
  return (relPath) => {
    if (!texts.has(relPath)) {
      let text = '';
      try {
        text = readFileSync(path.join(dir, relPath), 'utf8');
      } catch {
        // A finding on a file that is gone: its lines hash as empty.
      }
      texts.set(relPath, text);
    }
    return texts.get(relPath).split(/\r\n|\r|\n/);
  };
}

/**
 * Reads every `*.jsonl` file of the judgements folder: one judgement a line,
 * `{"key", "verdict", "reason", "at", "message"}` (`at` and `message` only
 * help a reader; the key decides). A wrong finding not fixed yet carries
 * `"open": true`; without it, its return fails the suite.
 * @param {string} dir
 * @returns {Map<string, { key: string, verdict: string, reason: string, at?: string, message?: string, source: string }>}
 */
export function loadJudgements(dir) {
  const judgements = new Map();
  if (!existsSync(dir)) return judgements;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort()) {
    const lines = readFileSync(path.join(dir, name), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      const where = `${name}:${i + 1}`;
      let entry;
      try {
        entry = JSON.parse(line);
      } catch (error) {
        throw new Error(`${where}: not JSON (${error.message})`);
      }
      if (typeof entry.key !== 'string') throw new Error(`${where}: no "key"`);
      if (!VERDICTS.includes(entry.verdict)) throw new Error(`${where}: verdict must be one of ${VERDICTS.join(', ')}`);
      if (typeof entry.reason !== 'string' || !entry.reason.trim()) throw new Error(`${where}: no "reason"`);
      if (entry.open !== undefined && (entry.open !== true || entry.verdict !== 'fp')) throw new Error(`${where}: only an fp judgement can be "open": true`);
      if (judgements.has(entry.key)) throw new Error(`${where}: ${entry.key} is judged twice`);
      judgements.set(entry.key, { ...entry, source: where });
    });
  }
  return judgements;
}

/**
 * Compares a run's findings with the judgements.
 * @param {{ key: string, ruleId: string, at: string, message: string }[]} findings
 * @param {ReturnType<typeof loadJudgements>} judgements
 */
export function compare(findings, judgements) {
  const present = new Set(findings.map((f) => f.key));
  const perRule = new Map();
  const row = (rule) => {
    let r = perRule.get(rule);
    if (!r) perRule.set(rule, (r = { rule, findings: 0, tp: 0, fp: 0, noise: 0, unjudged: 0 }));
    return r;
  };
  const unjudged = [];
  const fpBack = [];
  const fpOpen = [];
  for (const f of findings) {
    const r = row(f.ruleId);
    r.findings++;
    const j = judgements.get(f.key);
    if (!j) {
      r.unjudged++;
      unjudged.push(f);
      continue;
    }
    r[j.verdict]++;
    if (j.verdict === 'fp') (j.open ? fpOpen : fpBack).push({ ...f, reason: j.reason });
  }
  const gone = [...judgements.values()].filter((j) => !present.has(j.key));
  return {
    rows: [...perRule.values()].sort((a, b) => a.rule.localeCompare(b.rule)),
    unjudged,
    /** Findings judged wrong that are reported (again). */
    fpBack,
    /** Findings judged wrong and marked `open`: known, not fixed yet. */
    fpOpen,
    /** Findings judged wrong and marked `open` that are no longer reported: drop the mark, so they stay fixed. */
    fpFixed: gone.filter((j) => j.verdict === 'fp' && j.open),
    /** Findings judged right that are no longer reported: a lost true finding. */
    tpGone: gone.filter((j) => j.verdict === 'tp'),
    /** Noise no longer reported: judgements to drop. (A wrong finding no longer reported stays judged, so it cannot come back.) */
    stale: gone.filter((j) => j.verdict === 'noise'),
  };
}

/**
 * The rules the corpus is linted with, as `cliRules` on top of the defaults:
 * every rule that has judgements, at its default severity, so a rule that
 * leaves `recommended` keeps its judgements checked.
 */
export function judgedRules(judgements, metas) {
  const judged = new Set([...judgements.values()].map((j) => j.key.split('#')[1]));
  return metas.filter((m) => judged.has(m.id)).map((m) => `${m.id}: ${m.severity}`);
}

/** Whether a rule is on in `stack-lint:recommended` (rules without metadata here, the core ones, always are). */
export function inRecommended(metas) {
  const off = new Set(metas.filter((m) => m.recommended === false).map((m) => m.id));
  return (ruleId) => !off.has(ruleId);
}

/** Precision: the share of judged findings that are right (tp or noise); noise: the share that is right but not worth acting on. */
export function rates(r) {
  const judged = r.tp + r.fp + r.noise;
  return {
    judged,
    precision: judged ? (r.tp + r.noise) / judged : null,
    noise: judged ? r.noise / judged : null,
  };
}

/** Sums rows into one. */
export function total(rows, rule = 'overall') {
  return rows.reduce(
    (t, r) => ({ ...t, findings: t.findings + r.findings, tp: t.tp + r.tp, fp: t.fp + r.fp, noise: t.noise + r.noise, unjudged: t.unjudged + r.unjudged }),
    { rule, findings: 0, tp: 0, fp: 0, noise: 0, unjudged: 0 },
  );
}
