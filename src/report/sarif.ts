import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Diagnostic, Fix, Severity } from '../core/diagnostic.js';
import type { FormatOptions, LintedFile, LintResult } from '../core/result.js';
import type { RuleMeta } from '../core/rule.js';
import { LineIndex } from '../core/location.js';
import { compareStrings, fileOf, indexFiles, JSON_SPLICE, jsonChunks, relPathOf } from './common.js';
import { findingFingerprints, LineHashCache } from './fingerprint.js';
import { maskedText } from './secrets.js';

/**
 * SARIF 2.1.0 for GitHub code scanning (and any other SARIF consumer).
 *
 * What GitHub needs, and where it is done here:
 * - `$schema`, `version: '2.1.0'`, one run per tool and category.
 * - `tool.driver.rules[]`: `id`, `shortDescription.text`, `fullDescription.text` and
 *   `help.text` are required (non-empty); `help.markdown` is shown when present and
 *   carries the docs link (GitHub ignores `helpUri`, which is set anyway).
 *   `properties.tags` (GitHub shows 10 and rejects more than 20: we keep 10),
 *   `properties.precision`, and `properties['security-severity']` as a string
 *   ("0.1"–"10.0") for security rules.
 * - `results[]`: `message.text`, exactly one location whose `artifactLocation.uri`
 *   is relative to the repository root (`uriBaseId: '%SRCROOT%'`), all four region
 *   coordinates (1-based, `endColumn` exclusive), and `partialFingerprints`:
 *   `primaryLocationLineHash` as GitHub computes it, plus `stackLintFindingHash/v1`,
 *   unique per finding, because GitHub merges results whose rule and fingerprints
 *   agree (two findings of one rule on one line would be one alert) (see ./fingerprint.ts).
 *   A file the report has no text of (an `env_file` a compose finding points into) gets
 *   the finding hash only: its line hash would be computed from the raw line, and the
 *   line hash is a polynomial of the line's characters that gives a short secret on it
 *   back; the upload action fills it in from the checkout if it wants one.
 *   At most 25,000 results per run: more is an error here, not a rejected upload.
 * - `automationDetails.id` is GitHub's "category/run-id" string. Our category
 *   option is the category alone, so a `/` is appended when missing (as the
 *   codeql-action does): "compose/" is category "compose" with no run id, and
 *   every upload with that category replaces the previous one. A category that
 *   already ends in `/` is used as given.
 * - Suppressed findings are left out unless `includeSuppressed` is set: GitHub
 *   ignores `suppressions` and would show them as open alerts. Included, they
 *   are `inSource` (a comment or the config) or `external` (the bulk
 *   suppressions file).
 * - With a baseline, results carry `baselineState`, and the baseline's results
 *   that are gone follow as `absent`.
 * - Internal errors are not results: they go to
 *   `invocations[0].toolExecutionNotifications`, with `executionSuccessful: false`.
 *
 * Columns are UTF-16 code units (`columnKind: 'utf16CodeUnits'`), as everywhere
 * in stack-lint; fix offsets (`charOffset`/`charLength`) are in the same units.
 */

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** GitHub code scanning rejects runs with more results than this. */
export const SARIF_MAX_RESULTS = 25_000;
/** GitHub shows at most 10 tags per rule (and rejects more than 20). */
export const SARIF_MAX_TAGS = 10;
export const SRCROOT = '%SRCROOT%';
/** The `partialFingerprints` key of the per-finding identity (see `findingFingerprints`). */
export const FINDING_HASH = 'stackLintFindingHash/v1';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

const PROBLEM_SEVERITY: Record<Severity, string> = {
  error: 'error',
  warning: 'warning',
  info: 'recommendation',
};

const COMPAT_TOOLS: Record<string, string> = {
  hadolint: 'hadolint',
  buildkit: 'BuildKit',
  shellcheck: 'ShellCheck',
  dclint: 'DCLint',
  kics: 'KICS',
};

export function buildSarifLog(result: LintResult, options: FormatOptions): Sarif.Log {
  const files = indexFiles(result);
  const lineIndexes = new Map<string, LineIndex>();
  const hashes = new LineHashCache();

  const findings = result.diagnostics.filter((d) => !d.internal && (!d.suppressed || options.includeSuppressed));
  const internal = result.diagnostics.filter((d) => d.internal);
  if (findings.length > SARIF_MAX_RESULTS) {
    throw new Error(
      `SARIF output would have ${thousands(findings.length)} results, but GitHub code scanning rejects runs ` +
        `with more than ${thousands(SARIF_MAX_RESULTS)} results. ` +
        'Lint fewer paths, turn off noisy rules, or raise the minimum severity.',
    );
  }

  // Rules: every enabled rule (sorted by id for stable indexes), plus a stub for
  // any rule id a finding uses that is not among them.
  const metas = new Map<string, RuleMeta>();
  for (const meta of result.rules) if (!metas.has(meta.id)) metas.set(meta.id, meta);
  const rules: Sarif.ReportingDescriptor[] = [...metas.values()]
    .sort((a, b) => compareStrings(a.id, b.id))
    .map(ruleDescriptor);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  for (const d of findings) {
    if (!ruleIndex.has(d.ruleId)) {
      ruleIndex.set(d.ruleId, rules.length);
      rules.push(stubDescriptor(d));
    }
  }

  // Fingerprints hash the texts with their secrets masked.
  const texts = new Map(result.files.map((f) => [f.path, maskedText(f)]));
  const findingHashes = findingFingerprints(findings, texts);
  const results = findings.map((d): Sarif.Result => {
    const file = fileOf(files, d);
    const region = regionOf(d, file);
    const res: Sarif.Result = {
      ruleId: d.ruleId,
      ruleIndex: ruleIndex.get(d.ruleId)!,
      level: LEVEL[d.severity],
      message: { text: d.message || d.ruleId },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(d.relPath), region } }],
    };
    // The line hash matches what GitHub computes for the line (but on a line near a secret, which is
    // masked first: the action then warns and keeps ours); the finding hash tells apart findings on
    // one line (GitHub would merge results with the same rule and fingerprints into one alert).
    const lineHash = file ? hashes.get(file.path, texts.get(file.path)!, region.startLine!) : undefined;
    res.partialFingerprints = { ...(lineHash ? { primaryLocationLineHash: lineHash } : {}), [FINDING_HASH]: findingHashes.get(d)! };
    if (d.compat) res.properties = { compat: d.compat };
    const fixes: Sarif.Fix[] = [];
    if (d.fix) fixes.push(sarifFix(d.fix, d, d.fix.safety));
    for (const s of d.suggestions ?? []) fixes.push(sarifFix(s, d, 'suggestion'));
    if (fixes.length > 0) res.fixes = fixes;
    if (d.baselineState) res.baselineState = d.baselineState;
    if (d.suppressed) {
      const suppression: Sarif.Suppression = { kind: d.suppressed.kind === 'external' ? 'external' : 'inSource' };
      if (d.suppressed.justification) suppression.justification = d.suppressed.justification;
      res.suppressions = [suppression];
    }
    return res;
  });
  for (const r of result.baselineAbsent ?? []) results.push(absentResult(r));

  const notifications = internal.map((d): Sarif.Notification => {
    const n: Sarif.Notification = {
      level: 'error',
      message: { text: d.message || `internal error in ${d.ruleId}` },
      locations: [
        { physicalLocation: { artifactLocation: artifactLocation(d.relPath), region: regionOf(d, fileOf(files, d)) } },
      ],
    };
    const index = ruleIndex.get(d.ruleId);
    n.associatedRule = index === undefined ? { id: d.ruleId } : { id: d.ruleId, index };
    return n;
  });

  const driver: Sarif.ToolComponent = { name: result.tool.name || 'stack-lint' };
  if (result.tool.version) driver.version = result.tool.version;
  if (SEMVER.test(result.tool.version)) driver.semanticVersion = result.tool.version;
  if (result.tool.informationUri) driver.informationUri = result.tool.informationUri;
  driver.rules = rules;

  const invocation: Sarif.Invocation = { executionSuccessful: internal.length === 0 };
  if (notifications.length > 0) invocation.toolExecutionNotifications = notifications;

  const run: Sarif.Run = {
    tool: { driver },
    invocations: [invocation],
    originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(result.cwd) } },
  };
  if (options.category) run.automationDetails = { id: automationId(options.category) };
  run.columnKind = 'utf16CodeUnits';
  run.results = results;

  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };

  function regionOf(d: Diagnostic, file: LintedFile | undefined): Sarif.Region {
    let lines: LineIndex | undefined;
    if (file) {
      lines = lineIndexes.get(file.path);
      if (!lines) lineIndexes.set(file.path, (lines = new LineIndex(file.text)));
    }
    return sarifRegion(d, lines);
  }

  /** A baseline result that no longer occurs, pointing at this run's rule descriptors. */
  function absentResult(r: Sarif.Result): Sarif.Result {
    const { ruleIndex: _, ...rest } = r;
    const index = r.ruleId === undefined ? undefined : ruleIndex.get(r.ruleId);
    return { ...rest, ...(index === undefined ? {} : { ruleIndex: index }), baselineState: 'absent' };
  }

  function sarifFix(fix: Fix, d: Diagnostic, kind: 'safe' | 'unsafe' | 'suggestion'): Sarif.Fix {
    const edits = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
    return {
      description: { text: fix.description || (kind === 'suggestion' ? 'Suggested change' : 'Apply fix') },
      artifactChanges: [
        {
          artifactLocation: artifactLocation(relPathOf(result, files, fix.file, d)),
          replacements: edits.map((e) => ({
            deletedRegion: { charOffset: e.start, charLength: Math.max(0, e.end - e.start) },
            insertedContent: { text: e.text },
          })),
        },
      ],
      properties: { kind },
    };
  }
}

export function formatSarif(result: LintResult, options: FormatOptions): string {
  return [...formatSarifChunks(result, options)].join('');
}

/** The text of `formatSarif`, in pieces to write one after another. */
export function formatSarifChunks(result: LintResult, options: FormatOptions): Iterable<string> {
  const log = buildSarifLog(result, options);
  const run = log.runs[0]!;
  const results = run.results ?? [];
  return jsonChunks({ ...log, runs: [{ ...run, results: JSON_SPLICE }] }, results);
}

// --- rules -------------------------------------------------------------------

function ruleDescriptor(meta: RuleMeta): Sarif.ReportingDescriptor {
  const summary = meta.summary.trim() || meta.id;
  const compat = compatNote(meta);
  let helpText = summary;
  let helpMarkdown = summary;
  if (meta.docsUrl) {
    helpText += `\n\nDocumentation: ${meta.docsUrl}`;
    helpMarkdown += `\n\n[Documentation for \`${meta.id}\`](${meta.docsUrl})`;
  }
  if (compat) {
    helpText += `\n\n${compat}`;
    helpMarkdown += `\n\n${compat}`;
  }
  const properties: Sarif.PropertyBag = {
    tags: ruleTags(meta),
    precision: meta.precision ?? 'high',
    'problem.severity': PROBLEM_SEVERITY[meta.severity],
  };
  if (meta.securitySeverity !== undefined && Number.isFinite(meta.securitySeverity)) {
    properties['security-severity'] = Math.min(10, Math.max(0, meta.securitySeverity)).toFixed(1);
  }
  const descriptor: Sarif.ReportingDescriptor = {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: limit(summary, 1024) },
    fullDescription: { text: limit(compat ? `${summary} ${compat}` : summary, 1024) },
    help: { text: helpText, markdown: helpMarkdown },
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties,
  };
  if (meta.docsUrl) descriptor.helpUri = meta.docsUrl;
  return descriptor;
}

/** A descriptor for a rule id that has no metadata in the result (GitHub needs one per ruleId). */
function stubDescriptor(d: Diagnostic): Sarif.ReportingDescriptor {
  const text = `Findings of ${d.ruleId}.`;
  return {
    id: d.ruleId,
    name: ruleName(d.ruleId),
    shortDescription: { text },
    fullDescription: { text },
    help: { text, markdown: text },
    defaultConfiguration: { level: LEVEL[d.severity] },
    properties: { tags: ruleTags({ id: d.ruleId }), precision: 'high' },
  };
}

/** kind, category, `security` for rules with a security severity, then the rule's own tags; unique, at most 10. */
export function ruleTags(meta: Pick<RuleMeta, 'id'> & Partial<RuleMeta>): string[] {
  const tags = [
    meta.kind,
    meta.category,
    meta.securitySeverity !== undefined ? 'security' : undefined,
    ...(meta.tags ?? []),
  ];
  const out: string[] = [];
  for (const tag of tags) {
    if (tag && !out.includes(tag)) out.push(tag);
    if (out.length === SARIF_MAX_TAGS) break;
  }
  return out;
}

/** PascalCase of the last part of a rule id: `compose/no-latest-tag` → `NoLatestTag`. */
export function ruleName(id: string): string {
  const last = id.slice(id.lastIndexOf('/') + 1);
  const name = last
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
  return name || id;
}

function compatNote(meta: RuleMeta): string {
  if (!meta.compat) return '';
  const parts: string[] = [];
  for (const [tool, codes] of Object.entries(meta.compat) as [string, string[] | undefined][]) {
    if (codes?.length) parts.push(`${COMPAT_TOOLS[tool] ?? tool} ${codes.join(', ')}`);
  }
  return parts.length > 0 ? `Also covers: ${parts.join('; ')}.` : '';
}

/** 25000 → `25,000` (no locale data needed). */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function limit(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

// --- locations -----------------------------------------------------------------

/** `relPath` as a URI reference: each segment percent-encoded, `/` between them. */
export function artifactUri(relPath: string): string {
  return relPath
    .replace(/\\/g, '/')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function artifactLocation(relPath: string): Sarif.ArtifactLocation {
  return { uri: artifactUri(relPath), uriBaseId: SRCROOT };
}

/**
 * A region GitHub accepts: all four coordinates, 1-based, `endColumn` exclusive and
 * never before the start. A range that ends at column 1 of a later line (just after
 * a line break) is ended at the end of the line before instead, so the alert does
 * not claim a line it does not touch. An empty range stays empty
 * (`endColumn === startColumn`), which SARIF reads as an insertion point.
 */
export function sarifRegion(d: Pick<Diagnostic, 'range'>, lines?: LineIndex): Sarif.Region {
  const { start, end } = d.range;
  const startLine = Math.max(1, start.line);
  const startColumn = Math.max(1, start.column);
  let endLine = Math.max(startLine, end.line);
  let endColumn = Math.max(1, end.column);
  if (endLine > startLine && endColumn === 1 && lines && endLine - 1 <= lines.lineCount) {
    const prevLine = endLine - 1;
    const prevEndColumn = lines.lineEnd(prevLine) - lines.lineStarts[prevLine - 1]! + 1;
    // Not when that would empty the region (a range of just the line break stays as it is).
    if (prevLine > startLine || prevEndColumn > startColumn) {
      endLine = prevLine;
      endColumn = prevEndColumn;
    }
  }
  if (endLine === startLine) endColumn = Math.max(startColumn, endColumn);
  return { startLine, startColumn, endLine, endColumn };
}

/** `file:` URL of a directory, with the trailing slash a base URI needs. */
export function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** GitHub reads `automationDetails.id` as `category/run-id`; end a bare category with `/`. */
export function automationId(category: string): string {
  return category.endsWith('/') ? category : `${category}/`;
}

/** Semantic Versioning 2.0.0 (the regex from semver.org, without the `v`). */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
