/**
 * JSON schema (draft 2020-12) of the `--format json` report, version 1.
 * Documented in docs/formats/json.md; the shape is `JsonReport` in ./json.ts.
 *
 * Objects are closed (`additionalProperties: false`) so that the tests catch any
 * field added without updating this schema and the docs. Consumers should still
 * ignore fields they do not know: later versions with the same `version` number
 * may add fields (never remove or change them).
 */

import { FILE_KIND_NAMES } from '../kinds/index.js';

const position = { type: 'integer', minimum: 1 } as const;
const offset = { type: 'integer', minimum: 0 } as const;

export const JSON_REPORT_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:stack-lint:report:json:v1',
  title: 'stack-lint JSON report, version 1',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'tool', 'summary', 'files'],
  properties: {
    version: { const: 1, description: 'Version of this report format.' },
    tool: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'version'],
      properties: {
        name: { type: 'string', minLength: 1 },
        version: { type: 'string' },
      },
    },
    summary: {
      type: 'object',
      additionalProperties: false,
      required: ['files', 'errors', 'warnings', 'infos', 'fixable', 'unsafeFixable', 'internalErrors', 'suppressed'],
      properties: {
        files: { type: 'integer', minimum: 0, description: 'Number of files linted.' },
        errors: { type: 'integer', minimum: 0, description: 'Unsuppressed findings of severity error.' },
        warnings: { type: 'integer', minimum: 0 },
        infos: { type: 'integer', minimum: 0 },
        fixable: { type: 'integer', minimum: 0, description: 'Unsuppressed findings with a safe fix.' },
        unsafeFixable: { type: 'integer', minimum: 0, description: 'Unsuppressed findings with an unsafe fix.' },
        internalErrors: { type: 'integer', minimum: 0, description: 'Failures of the tool itself.' },
        suppressed: { type: 'integer', minimum: 0, description: 'Findings silenced by comments, config or the bulk suppressions file.' },
      },
    },
    files: {
      type: 'array',
      description: 'Every linted file, with or without findings, sorted by path.',
      items: { $ref: '#/$defs/file' },
    },
  },
  $defs: {
    file: {
      type: 'object',
      additionalProperties: false,
      required: ['path', 'kind', 'diagnostics'],
      properties: {
        path: { type: 'string', minLength: 1, description: 'Relative to the working directory, `/`-separated.' },
        kind: { enum: [...FILE_KIND_NAMES, null] },
        diagnostics: { type: 'array', items: { $ref: '#/$defs/diagnostic' } },
      },
    },
    diagnostic: {
      type: 'object',
      additionalProperties: false,
      required: [
        'ruleId',
        'severity',
        'message',
        'line',
        'column',
        'endLine',
        'endColumn',
        'fix',
        'suggestions',
        'internal',
        'suppressed',
      ],
      properties: {
        ruleId: { type: 'string', minLength: 1 },
        compat: { type: 'string', minLength: 1, description: "The peer tool's code (e.g. DL3015) of a finding of a rule that covers several." },
        severity: { enum: ['error', 'warning', 'info'] },
        message: { type: 'string' },
        line: position,
        column: { ...position, description: '1-based, in UTF-16 code units.' },
        endLine: position,
        endColumn: { ...position, description: '1-based, exclusive, in UTF-16 code units.' },
        fix: { oneOf: [{ type: 'null' }, { $ref: '#/$defs/fix' }] },
        suggestions: { type: 'array', items: { $ref: '#/$defs/edits' } },
        internal: { type: 'boolean' },
        suppressed: {
          oneOf: [
            { type: 'null' },
            {
              type: 'object',
              additionalProperties: false,
              required: ['kind', 'justification'],
              properties: {
                kind: { enum: ['inline', 'external'], description: 'inline: a comment or config; external: the bulk suppressions file.' },
                justification: { type: ['string', 'null'] },
              },
            },
          ],
        },
        baselineState: { enum: ['new', 'unchanged', 'updated'], description: 'Only with --baseline: whether the baseline had this finding.' },
      },
    },
    edit: {
      type: 'object',
      additionalProperties: false,
      required: ['start', 'end', 'text'],
      properties: {
        start: { ...offset, description: '0-based UTF-16 offset into the file text (without BOM).' },
        end: { ...offset, description: 'Exclusive end offset.' },
        text: { type: 'string' },
      },
    },
    edits: {
      type: 'object',
      additionalProperties: false,
      required: ['description', 'path', 'edits'],
      properties: {
        description: { type: 'string' },
        path: { type: 'string', minLength: 1 },
        edits: { type: 'array', items: { $ref: '#/$defs/edit' } },
      },
    },
    fix: {
      type: 'object',
      additionalProperties: false,
      required: ['safety', 'description', 'path', 'edits'],
      properties: {
        safety: { enum: ['safe', 'unsafe'] },
        description: { type: 'string' },
        path: { type: 'string', minLength: 1 },
        edits: { type: 'array', items: { $ref: '#/$defs/edit' } },
      },
    },
  },
} as const;
