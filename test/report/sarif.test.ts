import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { LineIndex } from '../../src/core/location.js';
import { computeLineHashes, findingFingerprints } from '../../src/report/fingerprint.js';
import {
  FINDING_HASH,
  SARIF_MAX_RESULTS,
  artifactUri,
  automationId,
  formatSarif,
  ruleName,
  sarifRegion,
} from '../../src/report/sarif.js';
import { COMPOSE_TEXT, DOCKERFILE_TEXT, SHELL_TEXT, diag, linted, makeResult, rangeOf } from './fixtures.js';
import { sarifValidator } from './schemas.js';

const validate = sarifValidator();

function sarif(options: { includeSuppressed?: boolean; category?: string } = {}, result = makeResult()): Sarif.Log {
  return JSON.parse(formatSarif(result, { color: false, ...options })) as Sarif.Log;
}

function run(log: Sarif.Log): Sarif.Run {
  expect(log.runs).toHaveLength(1);
  return log.runs[0]!;
}

describe('sarif formatter', () => {
  it('validates against the official SARIF 2.1.0 schema', () => {
    expect(validate(sarif())).toEqual([]);
    expect(validate(sarif({ includeSuppressed: true, category: 'stack' }))).toEqual([]);
    expect(validate(sarif({}, makeResult({ diagnostics: [] })))).toEqual([]);
  });

  it('the validator does catch an invalid log', () => {
    const log = sarif();
    (run(log).results![0]!.locations![0]!.physicalLocation!.region as Record<string, unknown>).startLine = 0;
    expect(validate(log)).not.toEqual([]);
  });

  it('has the log header GitHub requires', () => {
    const log = sarif();
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    const r = run(log);
    expect(r.columnKind).toBe('utf16CodeUnits');
    expect(r.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/proj/' } });
    expect(r.automationDetails).toBeUndefined();
  });

  it('describes the tool and every rule', () => {
    const { driver } = run(sarif()).tool;
    expect(driver.name).toBe('stack-lint');
    expect(driver.version).toBe('0.1.0');
    expect(driver.semanticVersion).toBe('0.1.0');
    expect(driver.informationUri).toBe('https://stack-lint.dev');
    const rules = driver.rules!;
    expect(rules.map((r) => r.id)).toEqual([
      'compose/healthcheck-required',
      'compose/no-latest-tag',
      'compose/quoted-ports',
      'dockerfile/apk-no-cache',
      'dockerfile/label-schema',
      'dockerfile/label-version',
      'shell/no-eval',
      'shell/quote-vars',
    ]);
    for (const rule of rules) {
      expect(rule.name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
      expect(rule.shortDescription?.text).toBeTruthy();
      expect(rule.fullDescription?.text).toBeTruthy();
      expect(rule.help?.text).toBeTruthy();
      expect(rule.help?.markdown).toBeTruthy();
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration?.level);
      const tags = rule.properties?.tags as string[];
      expect(tags.length).toBeLessThanOrEqual(10);
      expect(new Set(tags).size).toBe(tags.length);
      expect(['very-high', 'high', 'medium', 'low']).toContain(rule.properties?.precision);
    }

    const latest = rules[1]!;
    expect(latest).toEqual({
      id: 'compose/no-latest-tag',
      name: 'NoLatestTag',
      shortDescription: { text: 'Images should be pinned to a version.' },
      fullDescription: { text: 'Images should be pinned to a version.' },
      help: {
        text: 'Images should be pinned to a version.\n\nDocumentation: https://stack-lint.dev/rules/compose/no-latest-tag',
        markdown:
          'Images should be pinned to a version.\n\n' +
          '[Documentation for `compose/no-latest-tag`](https://stack-lint.dev/rules/compose/no-latest-tag)',
      },
      helpUri: 'https://stack-lint.dev/rules/compose/no-latest-tag',
      defaultConfiguration: { level: 'warning' },
      properties: {
        // kind, category, then the rule's tags without duplicates, cut to 10.
        tags: ['compose', 'security', 'supply-chain', 'a', 'b', 'c', 'd', 'e', 'f', 'g'],
        precision: 'very-high',
        'problem.severity': 'warning',
        'security-severity': '8.0',
      },
    });

    const healthcheck = rules[0]!;
    expect(healthcheck.defaultConfiguration?.level).toBe('error');
    expect(healthcheck.properties?.precision).toBe('high');
    expect(healthcheck.properties?.['security-severity']).toBeUndefined();
    expect(healthcheck.helpUri).toBeUndefined();
    expect(rules[2]!.defaultConfiguration?.level).toBe('note');
    expect(rules[6]!.properties?.['security-severity']).toBe('9.5');
    expect(rules[7]!.fullDescription?.text).toBe('Double quote variable expansions. Also covers: ShellCheck SC2086.');
    expect(rules[7]!.help?.markdown).toContain('(https://stack-lint.dev/rules/shell/quote-vars)');
  });

  it('emits one result per unsuppressed finding, pointing at the right rule', () => {
    const r = run(sarif());
    const results = r.results!;
    expect(results.map((x) => x.ruleId)).toEqual([
      'dockerfile/apk-no-cache',
      'dockerfile/label-version',
      'compose/healthcheck-required',
      'compose/no-latest-tag',
      'shell/quote-vars',
    ]);
    for (const result of results) {
      expect(r.tool.driver.rules![result.ruleIndex!]!.id).toBe(result.ruleId);
      expect(result.message.text).toBeTruthy();
      expect(result.locations).toHaveLength(1);
      const loc = result.locations![0]!.physicalLocation!;
      expect(loc.artifactLocation!.uriBaseId).toBe('%SRCROOT%');
      const region = loc.region!;
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      expect(region.startColumn).toBeGreaterThanOrEqual(1);
      expect(region.endLine).toBeGreaterThanOrEqual(region.startLine!);
      if (region.endLine === region.startLine) expect(region.endColumn).toBeGreaterThanOrEqual(region.startColumn!);
      expect(result.partialFingerprints?.primaryLocationLineHash).toMatch(/^[0-9a-f]+:\d+$/);
    }
    expect(results.map((x) => x.level)).toEqual(['warning', 'note', 'error', 'warning', 'warning']);
  });

  it('has exact locations', () => {
    const results = run(sarif()).results!;
    const loc = (i: number) => results[i]!.locations![0]!.physicalLocation!;
    expect(loc(0)).toEqual({
      artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2, startColumn: 5, endLine: 2, endColumn: 12 },
    });
    // After the emoji: UTF-16 columns.
    expect(loc(1).region).toEqual({ startLine: 3, startColumn: 30, endLine: 3, endColumn: 37 });
    // Multi-line range.
    expect(loc(2).region).toEqual({ startLine: 2, startColumn: 3, endLine: 5, endColumn: 16 });
    // Path segments are percent-encoded; the tab before the range is one column.
    expect(loc(4)).toEqual({
      artifactLocation: { uri: 'scripts/start%20app.sh', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 7, endLine: 3, endColumn: 9 },
    });
  });

  it('fingerprints the start line as the upload action does', () => {
    const results = run(sarif()).results!;
    const hash = (text: string, line: number) => computeLineHashes(text)[line - 1];
    expect(results[0]!.partialFingerprints!.primaryLocationLineHash).toBe(hash(DOCKERFILE_TEXT, 2));
    expect(results[2]!.partialFingerprints!.primaryLocationLineHash).toBe(hash(COMPOSE_TEXT, 2));
    expect(results[4]!.partialFingerprints!.primaryLocationLineHash).toBe(hash(SHELL_TEXT, 3));
    // Without the file text there is no line hash (the upload action computes one), but still the finding's own.
    const result = makeResult();
    result.files = [];
    expect(Object.keys(run(sarif({}, result)).results![0]!.partialFingerprints!)).toEqual([FINDING_HASH]);
  });

  describe('finding fingerprints', () => {
    const TEXT = 'FROM debian:12\nRUN apt-get update && apt-get install -y curl wget\n';
    const file = linted('Dockerfile', 'dockerfile', TEXT);
    const twoOnOneLine = (text = TEXT) => {
      const f = { ...file, text };
      return makeResult({
        files: [f],
        diagnostics: [
          diag(f, 'dockerfile/apt-hygiene', 'warning', 'apt-get install without --no-install-recommends', rangeOf(text, 'apt-get install')),
          diag(f, 'dockerfile/apt-hygiene', 'warning', 'apt lists are not removed', rangeOf(text, 'apt-get update')),
          diag(f, 'dockerfile/pin', 'warning', 'package is not pinned', rangeOf(text, 'curl')),
          diag(f, 'dockerfile/pin', 'warning', 'package is not pinned', rangeOf(text, 'wget')),
          diag(f, 'dockerfile/same', 'warning', 'the same twice', rangeOf(text, 'RUN')),
          diag(f, 'dockerfile/same', 'warning', 'the same twice', rangeOf(text, 'RUN')),
        ],
      });
    };
    const identities = (log: Sarif.Log) => run(log).results!.map((r) => `${r.ruleId} ${JSON.stringify(r.partialFingerprints)}`);

    it('tell apart every finding on one line, so GitHub does not merge them into one alert', () => {
      const ids = identities(sarif({}, twoOnOneLine()));
      expect(ids).toHaveLength(6);
      expect(new Set(ids).size).toBe(6);
      for (const r of run(sarif({}, twoOnOneLine())).results!) expect(r.partialFingerprints![FINDING_HASH]).toMatch(/^[0-9a-f]{32}$/);
    });

    it('stay the same when lines are added above, and when a message names a line', () => {
      const before = run(sarif({}, twoOnOneLine())).results!.map((r) => r.partialFingerprints![FINDING_HASH]);
      const after = run(sarif({}, twoOnOneLine(`# a comment\n\n${TEXT}`))).results!.map((r) => r.partialFingerprints![FINDING_HASH]);
      expect(after).toEqual(before);
      const moved = (line: number) =>
        findingFingerprints([diag(file, 'dockerfile/consecutive-run', 'info', `this RUN and the one on line ${line} each run a single command`, rangeOf(TEXT, 'RUN'))], new Map([[file.path, TEXT]]));
      expect([...moved(5).values()]).toEqual([...moved(9).values()]);
    });

    it('do not hash a secret: the masked text is used', () => {
      const secret = { ...file, text: 'FROM a\nENV PW=hunter22\n', secrets: [{ start: 14, end: 22 }] };
      const masked = { ...secret, text: 'FROM a\nENV PW=********\n' };
      const finding = (f: typeof secret) => makeResult({ files: [f], diagnostics: [diag(f, 'dockerfile/x', 'error', 'secret', rangeOf(f.text, 'PW='))] });
      expect(identities(sarif({}, finding(secret)))).toEqual(identities(sarif({}, finding({ ...masked, secrets: [] }))));
    });
  });

  it('describes fixes as artifact changes', () => {
    const results = run(sarif()).results!;
    expect(results[3]!.fixes).toEqual([
      {
        description: { text: 'Pin to nginx:1.27' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'compose.yaml', uriBaseId: '%SRCROOT%' },
            replacements: [{ deletedRegion: { charOffset: 34, charLength: 6 }, insertedContent: { text: '1.27' } }],
          },
        ],
        properties: { kind: 'safe' },
      },
    ]);
    expect(results[4]!.fixes![0]!.properties).toEqual({ kind: 'unsafe' });
    expect(results[4]!.fixes![0]!.artifactChanges[0]!.artifactLocation.uri).toBe('scripts/start%20app.sh');
    // An insertion is a zero-length deleted region.
    expect(results[0]!.fixes![0]!.artifactChanges[0]!.replacements![0]).toEqual({
      deletedRegion: { charOffset: 28, charLength: 0 },
      insertedContent: { text: ' --no-cache' },
    });
    // Suggestions are offered as further fixes.
    expect(results[2]!.fixes).toHaveLength(1);
    expect(results[2]!.fixes![0]!.properties).toEqual({ kind: 'suggestion' });
    expect(results[1]!.fixes).toBeUndefined();
  });

  it('leaves suppressed findings out unless asked, then marks them', () => {
    const ids = (log: Sarif.Log) => run(log).results!.map((x) => x.ruleId);
    expect(ids(sarif())).not.toContain('compose/quoted-ports');
    expect(run(sarif()).results!.every((x) => x.suppressions === undefined)).toBe(true);
    const withSuppressed = run(sarif({ includeSuppressed: true })).results!;
    const suppressed = withSuppressed.find((x) => x.ruleId === 'compose/quoted-ports')!;
    expect(suppressed.suppressions).toEqual([{ kind: 'inSource', justification: 'local dev only' }]);
    expect(suppressed.level).toBe('note');
    expect(withSuppressed.filter((x) => x.suppressions)).toHaveLength(1);
  });

  it('reports internal errors as tool notifications, not results', () => {
    const r = run(sarif());
    expect(r.results!.some((x) => x.ruleId === 'dockerfile/label-schema')).toBe(false);
    expect(r.invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          {
            level: 'error',
            message: { text: 'Rule crashed: TypeError: boom' },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' },
                  region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 5 },
                },
              },
            ],
            associatedRule: { id: 'dockerfile/label-schema', index: 4 },
          },
        ],
      },
    ]);
    const clean = makeResult();
    clean.diagnostics = clean.diagnostics.filter((d) => !d.internal);
    expect(run(sarif({}, clean)).invocations).toEqual([{ executionSuccessful: true }]);
  });

  it('sets automationDetails.id from the category, ending it with /', () => {
    expect(run(sarif({ category: 'stack-lint/compose' })).automationDetails).toEqual({ id: 'stack-lint/compose/' });
    expect(run(sarif({ category: 'compose/' })).automationDetails).toEqual({ id: 'compose/' });
    expect(automationId('x')).toBe('x/');
  });

  it('adds a rule for a finding whose rule has no metadata', () => {
    const result = makeResult();
    const file = result.files[0]!;
    result.diagnostics = [diag(file, 'compose/unknown-thing', 'warning', 'm', rangeOf(file.text, 'web'))];
    const r = run(sarif({}, result));
    const index = r.results![0]!.ruleIndex!;
    expect(index).toBe(8);
    expect(r.tool.driver.rules![index]!).toMatchObject({ id: 'compose/unknown-thing', name: 'UnknownThing' });
    expect(validate({ ...sarif({}, result) })).toEqual([]);
  });

  it('refuses more results than GitHub accepts', () => {
    const file = linted('big.sh', 'shell', 'x\n');
    const one = diag(file, 'shell/no-eval', 'error', 'm', rangeOf('x\n', 'x'));
    const many = (n: number): Diagnostic[] => Array.from({ length: n }, () => one);
    expect(SARIF_MAX_RESULTS).toBe(25_000);
    expect(() => formatSarif(makeResult({ files: [file], diagnostics: many(25_001) }), { color: false })).toThrow(
      /25,001 results.*more than 25,000/,
    );
    expect(() => formatSarif(makeResult({ files: [file], diagnostics: many(25_000) }), { color: false })).not.toThrow();
    // Suppressed findings left out of the log do not count.
    const suppressed = many(25_001).map((d, i) => (i === 0 ? { ...d, suppressed: { kind: 'inline' as const } } : d));
    expect(() => formatSarif(makeResult({ files: [file], diagnostics: suppressed }), { color: false })).not.toThrow();
  });
});

describe('sarif helpers', () => {
  it('ruleName is PascalCase of the last id part', () => {
    expect(ruleName('compose/healthcheck-required')).toBe('HealthcheckRequired');
    expect(ruleName('shell/sc2086_quote')).toBe('Sc2086Quote');
    expect(ruleName('plain')).toBe('Plain');
  });

  it('artifactUri encodes each segment', () => {
    expect(artifactUri('a b/c#d/ü.yml')).toBe('a%20b/c%23d/%C3%BC.yml');
    expect(artifactUri('../up/x.sh')).toBe('../up/x.sh');
  });

  it('sarifRegion keeps every region valid', () => {
    const text = 'abc\ndef\n';
    const lines = new LineIndex(text);
    // Empty range at the end of a line: endColumn === startColumn.
    expect(sarifRegion({ range: lines.range({ start: 3, end: 3 }) }, lines)).toEqual({
      startLine: 1,
      startColumn: 4,
      endLine: 1,
      endColumn: 4,
    });
    // A range ending just after a line break ends at the end of the line before.
    expect(sarifRegion({ range: lines.range({ start: 0, end: 4 }) }, lines)).toEqual({
      startLine: 1,
      startColumn: 1,
      endLine: 1,
      endColumn: 4,
    });
    // …unless the range is only the line break.
    expect(sarifRegion({ range: lines.range({ start: 3, end: 4 }) }, lines)).toEqual({
      startLine: 1,
      startColumn: 4,
      endLine: 2,
      endColumn: 1,
    });
    // Broken input is clamped: never before line/column 1, never ending before it starts.
    const broken = {
      start: { line: 0, column: 0, offset: 0 },
      end: { line: 0, column: 0, offset: 0 },
    };
    expect(sarifRegion({ range: broken })).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
  });
});
