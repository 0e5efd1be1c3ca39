import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { run, type RunOptions } from '../../src/runner/run.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(ROOT, 'fixtures');
export const SHARED = path.resolve(ROOT, '../shared');

/** Lints paths under fixtures/ with no config file, returning every diagnostic. */
export async function lintFixtures(paths: string[], options: Partial<RunOptions> = {}): Promise<Diagnostic[]> {
  const result = await run({ cwd: FIXTURES, patterns: paths, noConfigLookup: true, ...options });
  return result.diagnostics;
}

/** `line:column-endLine:endColumn rule message`, the form rule tests compare. */
export function brief(d: Diagnostic): string {
  const { start, end } = d.range;
  return `${d.relPath}:${start.line}:${start.column}-${end.line}:${end.column} ${d.ruleId}`;
}

/** Diagnostics of one rule in the given fixture paths, as `brief` strings. */
export async function findings(ruleId: string, paths: string[], options: Partial<RunOptions> = {}): Promise<Diagnostic[]> {
  return (await lintFixtures(paths, options)).filter((d) => d.ruleId === ruleId);
}
