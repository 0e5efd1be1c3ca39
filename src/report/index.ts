import type { Formatter } from '../engine/result.js';
import { formatJson } from './json.js';
import { formatPretty } from './pretty.js';
import { formatSarif } from './sarif.js';

export { formatJson, buildJsonReport, JSON_REPORT_VERSION } from './json.js';
export type { JsonReport, JsonSummary, JsonFile, JsonDiagnostic, JsonFix, JsonEdits } from './json.js';
export { JSON_REPORT_SCHEMA } from './json-schema.js';
export { formatPretty } from './pretty.js';
export { formatSarif, buildSarifLog, SARIF_MAX_RESULTS, SARIF_SCHEMA_URI } from './sarif.js';
export { computeLineHashes } from './fingerprint.js';

/** Names accepted by `--format`. */
export const FORMAT_NAMES = ['pretty', 'json', 'sarif'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

const FORMATTERS: Record<FormatName, Formatter> = {
  pretty: formatPretty,
  json: formatJson,
  sarif: formatSarif,
};

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
