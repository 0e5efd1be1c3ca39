import type { Diagnostic } from '../core/diagnostic.js';
import type { FormatOptions, LintResult } from '../core/result.js';
import { xmlEscape } from './xml.js';

/**
 * JUnit XML: a test suite per linted file, a test case per finding, and one
 * passing case for a file with none, so CI dashboards count clean files as
 * passed checks. A case fails as the run does: errors always, warnings only
 * beyond `--max-warnings` (`warningsFail`), infos never; a finding that does
 * not fail is a passing case whose text is in `<system-out>`. Failures of the
 * tool itself are `<error>`s.
 */
export function formatJunit(result: LintResult, options: FormatOptions): string {
  const fails = (d: Diagnostic) => d.severity === 'error' || (d.severity === 'warning' && options.warningsFail === true);
  const byFile = new Map<string, Diagnostic[]>(result.files.map((f) => [f.relPath, []]));
  for (const d of result.diagnostics) {
    if (d.suppressed) continue;
    if (!byFile.has(d.relPath)) byFile.set(d.relPath, []);
    byFile.get(d.relPath)!.push(d);
  }
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const [relPath, diagnostics] of byFile) {
    const cases = diagnostics.map((d) => {
      const name = `${d.ruleId} at ${d.range.start.line}:${d.range.start.column}`;
      const body = `${d.severity}: ${d.message} (${relPath}:${d.range.start.line}:${d.range.start.column})`;
      const open = `    <testcase classname="${xmlEscape(relPath)}" name="${xmlEscape(name)}" time="0">\n`;
      if (!d.internal && !fails(d)) return `${open}      <system-out>${xmlEscape(body)}</system-out>\n    </testcase>`;
      const tag = d.internal ? 'error' : 'failure';
      return `${open}      <${tag} message="${xmlEscape(d.message)}" type="${xmlEscape(d.severity)}">${xmlEscape(body)}</${tag}>\n    </testcase>`;
    });
    if (!cases.length) cases.push(`    <testcase classname="${xmlEscape(relPath)}" name="stack-lint" time="0"/>`);
    const fileFailures = diagnostics.filter((d) => !d.internal && fails(d)).length;
    const fileErrors = diagnostics.filter((d) => d.internal).length;
    tests += cases.length;
    failures += fileFailures;
    errors += fileErrors;
    suites.push(
      `  <testsuite name="${xmlEscape(relPath)}" tests="${cases.length}" failures="${fileFailures}" errors="${fileErrors}" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="stack-lint" tests="${tests}" failures="${failures}" errors="${errors}" time="${(result.durationMs / 1000).toFixed(3)}">\n${suites.join('\n')}${suites.length ? '\n' : ''}</testsuites>\n`;
}
