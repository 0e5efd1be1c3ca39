export interface Judgement {
  key: string;
  verdict: 'tp' | 'fp' | 'noise';
  reason: string;
  at?: string;
  message?: string;
  open?: true;
  source: string;
}
export interface KeyedFinding {
  key: string;
  ruleId: string;
  at: string;
  message: string;
}
export interface RuleRow {
  rule: string;
  findings: number;
  tp: number;
  fp: number;
  noise: number;
  unjudged: number;
}
export const VERDICTS: readonly ['tp', 'fp', 'noise'];
export function keyFindings(findings: { relPath: string; ruleId: string; line: number }[], linesOf: (relPath: string) => string[]): string[];
export function linesReader(dir: string, files: { relPath: string; text: string }[]): (relPath: string) => string[];
export function loadJudgements(dir: string): Map<string, Judgement>;
export function compare(
  findings: KeyedFinding[],
  judgements: Map<string, Judgement>,
): { rows: RuleRow[]; unjudged: KeyedFinding[]; fpBack: (KeyedFinding & { reason: string })[]; fpOpen: (KeyedFinding & { reason: string })[]; fpFixed: Judgement[]; tpGone: Judgement[]; stale: Judgement[] };
export function rates(row: RuleRow): { judged: number; precision: number | null; noise: number | null };
export function total(rows: RuleRow[], rule?: string): RuleRow;
export function judgedRules(judgements: Map<string, Judgement>, metas: { id: string; severity: string }[]): string[];
export function inRecommended(metas: { id: string; recommended?: boolean }[]): (ruleId: string) => boolean;
