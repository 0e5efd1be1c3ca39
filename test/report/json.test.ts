import { describe, expect, it } from 'vitest';
import { formatJson, type JsonReport } from '../../src/report/json.js';
import { CWD, diag, makeResult, rangeOf } from './fixtures.js';
import { jsonReportValidator } from './schemas.js';

const validate = jsonReportValidator();

function parse(s: string): JsonReport {
  return JSON.parse(s) as JsonReport;
}

describe('json formatter', () => {
  it('validates against the exported schema', () => {
    const out = formatJson(makeResult(), { color: false });
    expect(validate(JSON.parse(out))).toEqual([]);
    expect(validate(JSON.parse(formatJson(makeResult(), { color: false, includeSuppressed: true })))).toEqual([]);
    expect(validate(JSON.parse(formatJson(makeResult({ diagnostics: [] }), { color: false })))).toEqual([]);
  });

  it('the schema rejects a wrong shape', () => {
    const report = parse(formatJson(makeResult(), { color: false }));
    expect(validate({ ...report, version: 2 })).not.toEqual([]);
    const bad = structuredClone(report);
    (bad.files[0]!.diagnostics[0] as unknown as Record<string, unknown>).extra = 1;
    expect(validate(bad)).not.toEqual([]);
  });

  it('has the header and summary', () => {
    const report = parse(formatJson(makeResult(), { color: false }));
    expect(report.version).toBe(1);
    expect(report.tool).toEqual({ name: 'stack-lint', version: '0.1.0' });
    expect(report.summary).toEqual({
      files: 4,
      errors: 1,
      warnings: 3,
      infos: 1,
      fixable: 2,
      unsafeFixable: 1,
      internalErrors: 1,
      suppressed: 1,
    });
  });

  it('lists every file sorted by path, also those without findings', () => {
    const report = parse(formatJson(makeResult(), { color: false }));
    expect(report.files.map((f) => [f.path, f.kind, f.diagnostics.length])).toEqual([
      ['Dockerfile', 'dockerfile', 3],
      ['compose.yaml', 'compose', 2],
      ['scripts/clean.sh', 'shell', 0],
      ['scripts/start app.sh', 'shell', 1],
    ]);
  });

  it('has exact positions, fixes and suggestions', () => {
    const report = parse(formatJson(makeResult(), { color: false }));
    const compose = report.files.find((f) => f.path === 'compose.yaml')!;
    expect(compose.diagnostics[0]).toEqual({
      ruleId: 'compose/healthcheck-required',
      severity: 'error',
      message: 'Service "web" has no healthcheck',
      line: 2,
      column: 3,
      endLine: 5,
      endColumn: 16,
      fix: null,
      suggestions: [
        {
          description: 'Add a healthcheck',
          path: 'compose.yaml',
          edits: [{ start: 41, end: 41, text: '    healthcheck: {}\n' }],
        },
      ],
      internal: false,
      suppressed: null,
    });
    expect(compose.diagnostics[1]).toMatchObject({
      ruleId: 'compose/no-latest-tag',
      line: 3,
      column: 18,
      endLine: 3,
      endColumn: 24,
      fix: { safety: 'safe', description: 'Pin to nginx:1.27', path: 'compose.yaml', edits: [{ start: 34, end: 40, text: '1.27' }] },
    });
    const shell = report.files.find((f) => f.path === 'scripts/start app.sh')!;
    // Column 7: the tab counts as one column.
    expect(shell.diagnostics[0]).toMatchObject({ line: 3, column: 7, endLine: 3, endColumn: 9 });
    expect(shell.diagnostics[0]!.fix).toEqual({
      safety: 'unsafe',
      description: 'Quote the expansion',
      path: 'scripts/start app.sh',
      edits: [{ start: 37, end: 39, text: '"$X"' }],
    });
    const dockerfile = report.files.find((f) => f.path === 'Dockerfile')!;
    // Columns are UTF-16 units: the emoji before `version` counts twice.
    expect(dockerfile.diagnostics[2]).toMatchObject({ ruleId: 'dockerfile/label-version', column: 30, endColumn: 37 });
    expect(dockerfile.diagnostics[0]).toMatchObject({ ruleId: 'dockerfile/label-schema', internal: true });
  });

  it('lists suppressed findings only with includeSuppressed', () => {
    const ids = (r: JsonReport) => r.files.flatMap((f) => f.diagnostics.map((d) => d.ruleId));
    const without = parse(formatJson(makeResult(), { color: false }));
    expect(ids(without)).not.toContain('compose/quoted-ports');
    const withSuppressed = parse(formatJson(makeResult(), { color: false, includeSuppressed: true }));
    const d = withSuppressed.files[1]!.diagnostics.find((x) => x.ruleId === 'compose/quoted-ports');
    expect(d?.suppressed).toEqual({ kind: 'inline', justification: 'local dev only' });
    // Counts never include suppressed findings.
    expect(withSuppressed.summary).toEqual(without.summary);
  });

  it('adds an entry for a path that could not be linted', () => {
    const result = makeResult();
    const ghost = { path: `${CWD}/gone.sh`, relPath: 'gone.sh', kind: 'shell' as const, text: '' };
    result.diagnostics = [
      ...result.diagnostics,
      diag(ghost, 'internal/read', 'error', 'ENOENT: no such file', rangeOf('x', 'x'), { internal: true }),
    ];
    const report = parse(formatJson(result, { color: false }));
    expect(validate(report)).toEqual([]);
    expect(report.files.map((f) => f.path)).toEqual([
      'Dockerfile',
      'compose.yaml',
      'gone.sh',
      'scripts/clean.sh',
      'scripts/start app.sh',
    ]);
    expect(report.files[2]).toMatchObject({ kind: null, diagnostics: [{ internal: true }] });
    expect(report.summary.internalErrors).toBe(2);
    expect(report.summary.files).toBe(4);
  });

  it('is deterministic and ends with a newline', () => {
    const a = formatJson(makeResult(), { color: false });
    expect(formatJson(makeResult(), { color: true })).toBe(a);
    expect(a.endsWith('}\n')).toBe(true);
  });
});
