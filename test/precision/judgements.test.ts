import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare, inRecommended, judgedRules, keyFindings, loadJudgements, rates, total, type Judgement } from '../../scripts/precision/judgements.mjs';

const linesOf = (files: Record<string, string>) => (relPath: string) => (files[relPath] ?? '').split('\n');

describe('precision judgements', () => {
  it('key a finding by file, rule and line text, so that moving the line keeps its key', () => {
    const before = { 'a/compose.yaml': 'services:\n  web:\n    image: nginx\n' };
    const after = { 'a/compose.yaml': '# added\nservices:\n  web:\n    image: nginx\n' };
    const [k1] = keyFindings([{ relPath: 'a/compose.yaml', ruleId: 'compose/image-pinned', line: 3 }], linesOf(before));
    const [k2] = keyFindings([{ relPath: 'a/compose.yaml', ruleId: 'compose/image-pinned', line: 4 }], linesOf(after));
    expect(k1).toBe(k2);
    expect(k1).toMatch(/^a\/compose\.yaml#compose\/image-pinned#[0-9a-f]{12}#1$/);
  });

  it('rank findings of one rule on lines with the same text', () => {
    const files = { Dockerfile: 'RUN apt-get update\nRUN apt-get update\n' };
    const keys = keyFindings(
      [
        { relPath: 'Dockerfile', ruleId: 'dockerfile/apt-hygiene', line: 1 },
        { relPath: 'Dockerfile', ruleId: 'dockerfile/apt-hygiene', line: 1 },
        { relPath: 'Dockerfile', ruleId: 'dockerfile/apt-hygiene', line: 2 },
      ],
      linesOf(files),
    );
    expect(keys.map((k) => k.split('#')[3])).toEqual(['1', '2', '3']);
    expect(new Set(keys).size).toBe(3);
  });

  it('read judgement files and refuse a bad verdict, a missing reason or a key judged twice', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'judgements-'));
    writeFileSync(path.join(dir, 'a.jsonl'), '{"key":"k1","verdict":"tp","reason":"pinned nowhere"}\n\n{"key":"k2","verdict":"noise","reason":"example stack"}\n');
    expect([...loadJudgements(dir).keys()]).toEqual(['k1', 'k2']);
    writeFileSync(path.join(dir, 'b.jsonl'), '{"key":"k3","verdict":"maybe","reason":"?"}\n');
    expect(() => loadJudgements(dir)).toThrow('b.jsonl:1: verdict must be one of tp, fp, noise');
    writeFileSync(path.join(dir, 'b.jsonl'), '{"key":"k3","verdict":"fp","reason":" "}\n');
    expect(() => loadJudgements(dir)).toThrow('b.jsonl:1: no "reason"');
    writeFileSync(path.join(dir, 'b.jsonl'), '{"key":"k3","verdict":"tp","open":true,"reason":"x"}\n');
    expect(() => loadJudgements(dir)).toThrow('b.jsonl:1: only an fp judgement can be "open": true');
    writeFileSync(path.join(dir, 'b.jsonl'), '{"key":"k1","verdict":"fp","reason":"again"}\n');
    expect(() => loadJudgements(dir)).toThrow('b.jsonl:1: k1 is judged twice');
  });

  it('tell wrong findings that are back, known wrong ones still open or fixed, right findings that are gone, and rates per rule', () => {
    const j = (key: string, verdict: Judgement['verdict']): [string, Judgement] => [key, { key, verdict, reason: 'r', source: 'x.jsonl:1' }];
    const open = (key: string): [string, Judgement] => [key, { key, verdict: 'fp', open: true, reason: 'r', source: 'x.jsonl:2' }];
    const judgements = new Map<string, Judgement>([
      j('a#r1#h#1', 'tp'),
      j('a#r1#h#2', 'fp'),
      j('a#r1#h#3', 'noise'),
      open('a#r1#h#5'),
      j('a#r2#h#1', 'tp'),
      j('a#r2#h#2', 'fp'),
      j('a#r2#h#3', 'noise'),
      open('a#r2#h#4'),
    ]);
    const found = (key: string) => ({ key, ruleId: key.split('#')[1]!, at: 'a:1:1', message: 'm' });
    const outcome = compare(['a#r1#h#1', 'a#r1#h#2', 'a#r1#h#3', 'a#r1#h#4', 'a#r1#h#5'].map(found), judgements);
    expect(outcome.fpBack.map((f) => f.key)).toEqual(['a#r1#h#2']);
    expect(outcome.fpOpen.map((f) => f.key)).toEqual(['a#r1#h#5']);
    expect(outcome.fpFixed.map((g) => g.key)).toEqual(['a#r2#h#4']);
    expect(outcome.tpGone.map((g) => g.key)).toEqual(['a#r2#h#1']);
    expect(outcome.stale.map((g) => g.key)).toEqual(['a#r2#h#3']);
    expect(outcome.unjudged.map((f) => f.key)).toEqual(['a#r1#h#4']);
    expect(outcome.rows).toEqual([{ rule: 'r1', findings: 5, tp: 1, fp: 2, noise: 1, unjudged: 1 }]);
    expect(rates(total(outcome.rows))).toEqual({ judged: 4, precision: 2 / 4, noise: 1 / 4 });
  });

  it('turn on every rule that has judgements, at its default severity, and only those', () => {
    const judged = (key: string): [string, Judgement] => [key, { key, verdict: 'noise', reason: 'r', source: 'x.jsonl:1' }];
    const judgements = new Map([judged('a/compose.yaml#compose/logging-rotation#0123456789ab#1'), judged('Dockerfile#dockerfile/healthcheck#0123456789ab#1')]);
    const metas = [
      { id: 'compose/logging-rotation', severity: 'warning', recommended: false },
      { id: 'dockerfile/healthcheck', severity: 'info', recommended: false },
      { id: 'compose/cap-drop-all', severity: 'warning', recommended: false },
    ];
    expect(judgedRules(judgements, metas)).toEqual(['compose/logging-rotation: warning', 'dockerfile/healthcheck: info']);
  });

  it('tell the rules of the recommended preset from those left out of it', () => {
    const rec = inRecommended([
      { id: 'compose/logging-rotation', recommended: false },
      { id: 'compose/no-plaintext-secrets' },
    ]);
    expect([rec('compose/logging-rotation'), rec('compose/no-plaintext-secrets'), rec('core/internal-error')]).toEqual([false, true, true]);
  });
});
