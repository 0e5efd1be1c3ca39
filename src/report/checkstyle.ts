import type { Diagnostic } from '../core/diagnostic.js';
import type { FormatOptions, LintResult } from '../core/result.js';
import { xmlEscape } from './xml.js';

/** Checkstyle XML, which Jenkins' warnings plugin, reviewdog and others read. */
export function formatCheckstyle(result: LintResult, _options: FormatOptions): string {
  const byFile = new Map<string, Diagnostic[]>(result.files.map((f) => [f.relPath, []]));
  for (const d of result.diagnostics) {
    if (d.suppressed) continue;
    if (!byFile.has(d.relPath)) byFile.set(d.relPath, []);
    byFile.get(d.relPath)!.push(d);
  }
  const files = [...byFile].map(([relPath, diagnostics]) => {
    const errors = diagnostics.map(
      (d) =>
        `    <error line="${d.range.start.line}" column="${d.range.start.column}" severity="${d.internal ? 'error' : d.severity}" message="${xmlEscape(d.message)}" source="${xmlEscape(`stack-lint.${d.ruleId}`)}"/>`,
    );
    return errors.length ? `  <file name="${xmlEscape(relPath)}">\n${errors.join('\n')}\n  </file>` : `  <file name="${xmlEscape(relPath)}"/>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n${files.join('\n')}${files.length ? '\n' : ''}</checkstyle>\n`;
}
