import type { Diagnostic } from '../engine/diagnostic.js';
import type { FormatOptions, LintResult } from '../engine/result.js';
import { xmlEscape } from './xml.js';

/**
 * JUnit XML: a test suite per linted file, a failing test case per finding,
 * and one passing case for a file with none, so CI dashboards count clean
 * files as passed checks.
 */
export function formatJunit(result: LintResult, _options: FormatOptions): string {
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
      const tag = d.internal ? 'error' : 'failure';
      const body = `${d.severity}: ${d.message} (${relPath}:${d.range.start.line}:${d.range.start.column})`;
      return `    <testcase classname="${xmlEscape(relPath)}" name="${xmlEscape(name)}" time="0">\n      <${tag} message="${xmlEscape(d.message)}" type="${xmlEscape(d.severity)}">${xmlEscape(body)}</${tag}>\n    </testcase>`;
    });
    if (!cases.length) cases.push(`    <testcase classname="${xmlEscape(relPath)}" name="stack-lint" time="0"/>`);
    const fileFailures = diagnostics.filter((d) => !d.internal).length;
    const fileErrors = diagnostics.length - fileFailures;
    tests += cases.length;
    failures += fileFailures;
    errors += fileErrors;
    suites.push(
      `  <testsuite name="${xmlEscape(relPath)}" tests="${cases.length}" failures="${fileFailures}" errors="${fileErrors}" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="stack-lint" tests="${tests}" failures="${failures}" errors="${errors}" time="${(result.durationMs / 1000).toFixed(3)}">\n${suites.join('\n')}${suites.length ? '\n' : ''}</testsuites>\n`;
}
