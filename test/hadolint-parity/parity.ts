/**
 * Agreement with hadolint: each case is a small Dockerfile and the DL codes
 * hadolint reports on it with no configuration file. The Dockerfile rules
 * that stand in for DL codes lint it in memory; a finding counts as the code
 * it names (`compat`), or as its rule's only code.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { defaultOptions } from '../../src/config/validate.js';
import { hadolintChanges, parseHadolintConfig } from '../../src/config/peers.js';
import { applyChanges } from '../../src/config/load.js';
import { CORE_RULE_METAS } from '../../src/engine/core-rules.js';
import type { AnyRule } from '../../src/core/rule.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { lintFiles } from '../../src/engine/lint.js';
import { type FileConfig } from '../../src/engine/types.js';
import { createRegistry } from '../../src/core/registry.js';
import { TOOL } from '../../src/runner/run.js';
import builtins from '../../rules/index.js';

export interface ParityCase {
  /** The Dockerfile. */
  dockerfile: string;
  /** The DL codes hadolint reports on it. */
  expect: string[];
  /** Codes the case is about, which hadolint does not report (a negative case). */
  not?: string[];
  /** Where hadolint's behaviour comes from (wiki page, issue). */
  source: string;
  /**
   * A `.hadolint.yaml` the case runs under (a label schema, trusted
   * registries), as YAML text; without one, the rules that need a
   * configuration stay off, as hadolint's counterparts say nothing.
   */
  hadolint?: string;
}

export interface CodeScore {
  code: string;
  cases: number;
  agreed: number;
}

export interface Disagreement {
  index: number;
  code: string;
  expected: boolean;
  dockerfile: string;
}

export interface ParityResult {
  codes: CodeScore[];
  total: { cases: number; agreed: number };
  disagreements: Disagreement[];
}

export const CASES_FILE = path.join(path.dirname(new URL(import.meta.url).pathname), 'cases.yaml');

/** Rules that say nothing without a configuration (a label schema, a registry list), as hadolint's counterparts. */
const NEEDS_CONFIG = new Set(['dockerfile/label-schema', 'dockerfile/trusted-registries']);

export interface ParityCases {
  /** Codes hadolint ships disabled: counted only in the cases that name them. */
  scoped: string[];
  cases: ParityCase[];
}

export function readCases(file = CASES_FILE): ParityCases {
  const data = parseYaml(readFileSync(file, 'utf8')) as Partial<ParityCases>;
  return { scoped: data.scoped ?? [], cases: data.cases ?? [] };
}

const ROOT = path.resolve('/__stack_lint_hadolint_parity__');
const peerRules: AnyRule[] = builtins.rules.filter((r) => r.meta.kind === 'dockerfile' && r.meta.compat?.hadolint?.length);
const rules: AnyRule[] = peerRules.filter((r) => !NEEDS_CONFIG.has(r.meta.id));
const config: FileConfig = {
  rules: new Map(rules.map((r) => [r.meta.id, { severity: r.meta.severity, options: defaultOptions(r.meta) }])),
  settings: {},
  linterOptions: { reportUnusedDisableDirectives: 'off' },
};
const registry = createRegistry([...builtins.rules.map((r) => r.meta), ...CORE_RULE_METAS]);

/**
 * Rules that report more than their one peer code (a final image with no USER
 * at all, `dnf upgrade`): only their findings that name the code stand for it.
 */
const BROADER_THAN_PEER = new Set(['dockerfile/non-root-user', 'dockerfile/no-package-upgrade']);

/** The DL code a finding stands for, when it stands for one. */
export function codeOf(d: Diagnostic): string | undefined {
  if (d.compat || BROADER_THAN_PEER.has(d.ruleId)) return d.compat;
  const codes = registry.get(d.ruleId)?.compat?.hadolint ?? [];
  return codes.length === 1 ? codes[0] : undefined;
}

/** The configuration a case runs under: the defaults, changed by its `.hadolint.yaml` as the CLI changes them. */
function configFor(hadolint: string | undefined): FileConfig {
  if (hadolint === undefined) return config;
  const changes = hadolintChanges(parseHadolintConfig(path.join(ROOT, '.hadolint.yaml'), hadolint), registry, config.rules);
  const changed = new Map(config.rules);
  applyChanges(changed, changes);
  return { ...config, rules: changed };
}

/** The findings of the rules that stand in for DL codes on `dockerfile`, with their default options or those of `hadolint` (a `.hadolint.yaml`). */
export async function lintDockerfile(dockerfile: string, hadolint?: string): Promise<Diagnostic[]> {
  const file = path.join(ROOT, 'Dockerfile');
  const caseConfig = configFor(hadolint);
  const result = await lintFiles({
    cwd: ROOT,
    files: [{ path: file, kind: 'dockerfile' }],
    overlay: new Map([[file, dockerfile]]),
    rules: hadolint === undefined ? rules : peerRules,
    registry,
    config: { forFile: async () => caseConfig },
    tool: TOOL,
  });
  return result.diagnostics.filter((d) => !d.suppressed && !d.internal);
}

export async function reportedCodes(dockerfile: string, hadolint?: string): Promise<Set<string>> {
  return new Set((await lintDockerfile(dockerfile, hadolint)).flatMap((d) => codeOf(d) ?? []));
}

/** Scores every (case, code) pair the case is about: the codes expected, the codes named in `not`, and the codes reported. */
export async function runParity({ cases, scoped }: ParityCases): Promise<ParityResult> {
  const scores = new Map<string, CodeScore>();
  const disagreements: Disagreement[] = [];
  for (const [index, c] of cases.entries()) {
    const got = await reportedCodes(c.dockerfile, c.hadolint);
    const named = [...c.expect, ...(c.not ?? [])];
    const about = new Set([...named, ...[...got].filter((code) => !scoped.includes(code) || named.includes(code))]);
    for (const code of about) {
      const score = scores.get(code) ?? { code, cases: 0, agreed: 0 };
      scores.set(code, score);
      score.cases++;
      const expected = c.expect.includes(code);
      if (expected === got.has(code)) score.agreed++;
      else disagreements.push({ index, code, expected, dockerfile: c.dockerfile });
    }
  }
  const codes = [...scores.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
  const total = codes.reduce((t, s) => ({ cases: t.cases + s.cases, agreed: t.agreed + s.agreed }), { cases: 0, agreed: 0 });
  return { codes, total, disagreements };
}

export const percent = (agreed: number, cases: number): number => (cases ? (100 * agreed) / cases : 100);

export function formatParity(result: ParityResult): string {
  const rows = result.codes.map((s) => `${s.code.padEnd(8)} ${String(s.agreed).padStart(4)}/${String(s.cases).padEnd(4)} ${percent(s.agreed, s.cases).toFixed(1).padStart(6)}%`);
  const { agreed, cases } = result.total;
  return [...rows, `${'overall'.padEnd(8)} ${String(agreed).padStart(4)}/${String(cases).padEnd(4)} ${percent(agreed, cases).toFixed(1).padStart(6)}%`].join('\n');
}
