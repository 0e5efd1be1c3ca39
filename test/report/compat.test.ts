import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { formatJson, type JsonReport } from '../../src/report/json.js';
import { formatPretty } from '../../src/report/pretty.js';
import { formatSarif } from '../../src/report/sarif.js';
import { DOCKERFILE_TEXT, diag, linted, makeResult, rangeOf } from './fixtures.js';
import { jsonReportValidator } from './schemas.js';

/** A finding of a rule that covers several hadolint codes, naming its own. */
function withCompat() {
  const dockerfile = linted('Dockerfile', 'dockerfile', DOCKERFILE_TEXT);
  const d = diag(dockerfile, 'dockerfile/pin-package-versions', 'warning', 'apk installs "curl" without a version', rangeOf(DOCKERFILE_TEXT, 'curl'), { compat: 'DL3018' });
  return makeResult({ files: [dockerfile], diagnostics: [d] });
}

describe('the peer code of a finding', () => {
  it('is `compat` in JSON, which the schema accepts, and absent when the finding has none', () => {
    const report = JSON.parse(formatJson(withCompat(), { color: false })) as JsonReport;
    expect(jsonReportValidator()(report)).toEqual([]);
    expect(report.files[0]!.diagnostics[0]).toMatchObject({ ruleId: 'dockerfile/pin-package-versions', compat: 'DL3018', line: 2, column: 13 });
    const plain = JSON.parse(formatJson(makeResult(), { color: false })) as JsonReport;
    expect(plain.files.flatMap((f) => f.diagnostics).some((d) => 'compat' in d)).toBe(false);
  });

  it('is a property of the SARIF result', () => {
    const log = JSON.parse(formatSarif(withCompat(), { color: false })) as Sarif.Log;
    expect(log.runs[0]!.results![0]!.properties).toEqual({ compat: 'DL3018' });
  });

  it('follows the rule id in pretty output', () => {
    const out = formatPretty(withCompat(), { color: false });
    expect(out.split('\n')[1]).toBe('  2:13  warning  apk installs "curl" without a version  dockerfile/pin-package-versions (DL3018)');
  });
});
