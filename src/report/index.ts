import type { FormatOptions, Formatter, LintResult } from '../core/result.js';
import { formatJson, formatJsonChunks } from './json.js';
import { formatPretty } from './pretty.js';
import { formatSarif, formatSarifChunks } from './sarif.js';
import { formatGithub } from './github.js';
import { formatGitlab } from './gitlab.js';
import { formatJunit } from './junit.js';
import { formatCheckstyle } from './checkstyle.js';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import path from 'node:path';
import { maskResult } from './secrets.js';

export { formatJson, buildJsonReport, JSON_REPORT_VERSION } from './json.js';
export type { JsonReport, JsonSummary, JsonFile, JsonDiagnostic, JsonFix, JsonEdits } from './json.js';
export { JSON_REPORT_SCHEMA } from './json-schema.js';
export { formatPretty } from './pretty.js';
export { formatSarif, buildSarifLog, SARIF_MAX_RESULTS, SARIF_SCHEMA_URI } from './sarif.js';
export { computeLineHashes } from './fingerprint.js';
export { maskResult } from './secrets.js';

/** Names accepted by `--format`. */
export const FORMAT_NAMES = ['pretty', 'json', 'sarif', 'github', 'gitlab', 'junit', 'checkstyle'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** Every formatter, built-in or custom, is given the result with the secrets rules found masked (see ./secrets.ts). */
function masking<T>(format: (result: LintResult, options: FormatOptions) => T): (result: LintResult, options: FormatOptions) => T {
  return (result, options) => format(maskResult(result), options);
}

const FORMATTERS: Record<FormatName, Formatter> = {
  pretty: masking(formatPretty),
  json: masking(formatJson),
  sarif: masking(formatSarif),
  github: masking(formatGithub),
  gitlab: masking(formatGitlab),
  junit: masking(formatJunit),
  checkstyle: masking(formatCheckstyle),
};

/** Built-in formats that never read `LintedFile.text`: a run reporting in one need not hold every file's text until the end. */
const TEXTLESS_FORMATS: ReadonlySet<string> = new Set<FormatName>(['json', 'github', 'junit', 'checkstyle']);

export function formatReadsTexts(name: string): boolean {
  return !TEXTLESS_FORMATS.has(name);
}

/** Built-in formatters whose (large) output can be written piece by piece; the pieces join to the formatter's text. */
const CHUNKED_FORMATTERS: Partial<Record<FormatName, (result: LintResult, options: FormatOptions) => Iterable<string>>> = {
  json: masking(formatJsonChunks),
  sarif: masking(formatSarifChunks),
};

/** The piecewise form of a built-in `--format`, when it has one (custom formatters return one string). */
export function getChunkedFormatter(name: string): ((result: LintResult, options: FormatOptions) => Iterable<string>) | undefined {
  return isFormatName(name) ? CHUNKED_FORMATTERS[name] : undefined;
}

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}

/** The formatter for a `--format` name; throws, listing the valid names, for any other. */
export function getFormatter(name: string): Formatter {
  if (!isFormatName(name)) {
    throw new Error(`Unknown format "${name}". Valid formats: ${FORMAT_NAMES.join(', ')}.`);
  }
  return FORMATTERS[name];
}

export class FormatterLoadError extends Error {}

/**
 * A built-in formatter, or a custom one: a path to a module (`./ci/format.mjs`)
 * or an npm package `stack-lint-formatter-<name>` (also `@scope/stack-lint-formatter-<name>`),
 * resolved from `cwd`. Its default export is `(result, options) => string`.
 * With `codeConfig: false` (`--no-code-config`) a custom formatter is code
 * like a JS config, and refused the same way, before anything of it is loaded.
 */
export async function loadFormatter(name: string, cwd: string, { codeConfig = true }: { codeConfig?: boolean } = {}): Promise<Formatter> {
  if (isFormatName(name)) return FORMATTERS[name];
  const isPath = name.startsWith('.') || path.isAbsolute(name) || /\.[cm]?js$/.test(name);
  let specifier: string;
  try {
    if (isPath) specifier = pathToFileURL(path.resolve(cwd, name)).href;
    else {
      const pkg = name.startsWith('@') ? name.replace(/^(@[^/]+)\/(?!stack-lint-formatter)/, '$1/stack-lint-formatter-') : name.startsWith('stack-lint-formatter-') ? name : `stack-lint-formatter-${name}`;
      specifier = pathToFileURL(createRequire(path.join(cwd, 'package.json')).resolve(pkg)).href;
    }
  } catch {
    if (!codeConfig) throw new FormatterLoadError(`refusing to execute formatter "${name}" because --no-code-config is set`);
    throw new FormatterLoadError(`unknown format "${name}": not one of ${FORMAT_NAMES.join(', ')}, and no formatter module or stack-lint-formatter-${name} package was found`);
  }
  if (!codeConfig) throw new FormatterLoadError(`refusing to execute ${fileURLToPath(specifier)} because --no-code-config is set`);
  let mod: { default?: unknown };
  try {
    mod = (await import(specifier)) as { default?: unknown };
  } catch (e) {
    throw new FormatterLoadError(`formatter "${name}" failed to load: ${(e as Error).message}`);
  }
  const fn = typeof mod.default === 'function' ? mod.default : undefined;
  if (!fn) throw new FormatterLoadError(`formatter "${name}" has no default export function (result, options) => string`);
  return (result, options) => {
    const out = fn(maskResult(result), options) as unknown;
    if (typeof out !== 'string') throw new FormatterLoadError(`formatter "${name}" returned ${typeof out}, not a string`);
    return out;
  };
}
