#!/usr/bin/env node
// npm run precision [-- options]
//
// Lints the shared corpus (../shared/corpus, projects included) with every
// rule that has judgements turned on (the recommended ones and those that left
// recommended for strict), matches every finding with the judgements in
// test/precision/judgements/, and prints precision and noise per rule, overall
// and for the rules of the recommended preset, then what needs attention: findings judged wrong that are back,
// findings judged right that are gone, findings nobody has judged yet.
//
//   --corpus <dir>      lint this folder instead of ../shared/corpus
//   --config <file>     lint with this config file instead of the judged rules
//   --rule <id>         only this rule (repeatable)
//   --list <what>       list findings: tp, fp, open (wrong, not fixed yet), noise, unjudged, stale
//   --template          print unjudged findings as judgement lines to fill in
//   --settle            rewrite the judgement files: fixed wrong findings lose "open", noise no longer reported is dropped
//
// Exit code: 1 when a finding judged wrong (and not marked open) is reported
// or one judged right is missing, else 0 (unjudged findings are listed, not
// failed).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import { compare, inRecommended, judgedRules, keyFindings, linesReader, loadJudgements, rates, total } from './precision/judgements.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: path.resolve(root, '../shared/corpus') },
    config: { type: 'string' },
    rule: { type: 'string', multiple: true },
    list: { type: 'string', multiple: true },
    template: { type: 'boolean', default: false },
    settle: { type: 'boolean', default: false },
  },
});

const { run, allRuleMetas } = await import(path.join(root, 'dist/index.js'));
const metas = allRuleMetas();
const allJudgements = loadJudgements(path.join(root, 'test/precision/judgements'));
const result = await run({
  cwd: values.corpus,
  patterns: ['.'],
  ...(values.config ? { configFile: path.resolve(values.config) } : { noConfigLookup: true, cliRules: judgedRules(allJudgements, metas) }),
});

const linesOf = linesReader(values.corpus, result.files);

const wanted = (rule) => !values.rule || values.rule.includes(rule);
const reported = result.diagnostics.filter((d) => !d.suppressed && wanted(d.ruleId));
const keys = keyFindings(
  reported.map((d) => ({ relPath: d.relPath, ruleId: d.ruleId, line: d.range.start.line })),
  linesOf,
);
const findings = reported.map((d, i) => ({
  key: keys[i],
  ruleId: d.ruleId,
  at: `${d.relPath}:${d.range.start.line}:${d.range.start.column}`,
  message: d.message,
}));
const judgements = new Map(
  [...allJudgements].filter(([, j]) => wanted(j.key.split('#')[1])),
);
const outcome = compare(findings, judgements);

const pct = (x) => (x === null ? '    –' : `${(100 * x).toFixed(1).padStart(5)}%`);
const recommended = inRecommended(metas);
const header = ['rule', 'rec', 'findings', 'tp', 'fp', 'noise', 'unjudged', 'precision', 'noise'];
const line = (r, rec = recommended(r.rule) ? 'yes' : '–') => {
  const { precision, noise } = rates(r);
  return [r.rule.padEnd(40), rec.padStart(4), ...[r.findings, r.tp, r.fp, r.noise, r.unjudged].map((n) => String(n).padStart(8)), pct(precision).padStart(10), pct(noise).padStart(8)].join(' ');
};
console.log([header[0].padEnd(40), header[1].padStart(4), ...header.slice(2, 7).map((h) => h.padStart(8)), header[7].padStart(10), header[8].padStart(8)].join(' '));
for (const r of outcome.rows) console.log(line(r));
console.log(line(total(outcome.rows), ''));
console.log(line(total(outcome.rows.filter((r) => recommended(r.rule)), 'recommended only'), 'yes'));

const show = (title, items, describe) => {
  if (!items.length) return;
  console.log(`\n${title} (${items.length}):`);
  for (const item of items) console.log(`  ${describe(item)}`);
};
const lists = new Set(values.list ?? []);
show('judged wrong, reported again', outcome.fpBack, (f) => `${f.at} ${f.ruleId}: ${f.message}  [${f.reason}]`);
show('judged wrong and marked open, no longer reported: remove "open"', outcome.fpFixed, (j) => `${j.source} ${j.at ?? j.key}`);
show('judged right, no longer reported', outcome.tpGone, (j) => `${j.at ?? j.key} ${j.key.split('#')[1]}: ${j.message ?? ''}`);
if (lists.has('open')) show('known wrong, not fixed yet', outcome.fpOpen, (f) => `${f.at} ${f.ruleId}: ${f.message}  [${f.reason}]`);
for (const verdict of ['tp', 'fp', 'noise']) {
  if (!lists.has(verdict)) continue;
  const items = findings.filter((f) => judgements.get(f.key)?.verdict === verdict);
  show(verdict, items, (f) => `${f.at} ${f.ruleId}: ${f.message}  [${judgements.get(f.key).reason}]`);
}
if (lists.has('stale')) show('judgements of findings no longer reported', outcome.stale, (j) => `${j.source} ${j.key}`);
if (lists.has('unjudged')) show('unjudged', outcome.unjudged, (f) => `${f.at} ${f.ruleId}: ${f.message}`);
else if (outcome.unjudged.length) console.log(`\n${outcome.unjudged.length} findings are not judged yet (--list unjudged, --template).`);
if (values.template) {
  for (const f of outcome.unjudged) console.log(JSON.stringify({ key: f.key, at: f.at, message: f.message, verdict: '', reason: '' }));
}
if (values.settle) {
  const fixed = new Set(outcome.fpFixed.map((j) => j.key));
  const stale = new Set(outcome.stale.map((j) => j.key));
  const files = new Set([...fixed, ...stale].map((key) => judgements.get(key).source.split(':')[0]));
  for (const name of files) {
    const file = path.join(root, 'test/precision/judgements', name);
    const kept = [];
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const entry = JSON.parse(line);
      if (stale.has(entry.key)) continue;
      if (fixed.has(entry.key)) delete entry.open;
      kept.push(JSON.stringify(entry));
    }
    writeFileSync(file, kept.map((l) => `${l}\n`).join(''));
  }
  console.log(`\nsettled: ${fixed.size} fixed wrong findings now guarded, ${stale.size} stale noise judgements dropped`);
}
process.exitCode = outcome.fpBack.length || outcome.tpGone.length ? 1 : 0;
