import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { JSON_REPORT_SCHEMA } from '../../src/report/json-schema.js';

// Both packages are CommonJS with `exports.default`; under NodeNext the default
// import is `module.exports`, whose `.default` is the same function.
const Ajv04 = ajvDraft04.default;
const addFormats = ajvFormats.default;

/** The official OASIS SARIF 2.1.0 schema, vendored in `schemas/` (see schemas/SOURCES.md). */
const SARIF_SCHEMA_PATH = fileURLToPath(new URL('../../schemas/sarif-schema-2.1.0.json', import.meta.url));

export function sarifValidator(): (data: unknown) => string[] {
  const schema = JSON.parse(readFileSync(SARIF_SCHEMA_PATH, 'utf8')) as object;
  const ajv = new Ajv04({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}

export function jsonReportValidator(): (data: unknown) => string[] {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  const validate = ajv.compile(JSON_REPORT_SCHEMA);
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}
