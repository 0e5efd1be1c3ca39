/**
 * The Compose Specification's JSON schema (draft 2020-12, compose-go's copy in
 * `schemas/compose-spec.json`) and the ajv setup that checks files against it.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import raw from '../../../../schemas/compose-spec.json' with { type: 'json' };

/** A Go duration as compose-go parses it: `90s`, `1m30s`, `1.5h`, `500ms`, `0`. */
export const DURATION = /^[-+]?(?:0|(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:ns|us|µs|μs|ms|s|m|h))+)$/;

/** Settings compose-go reads as durations (the schema says only `string`). */
const DURATION_PATHS: readonly (readonly string[])[] = [
  ['$defs', 'healthcheck', 'properties', 'interval'],
  ['$defs', 'healthcheck', 'properties', 'timeout'],
  ['$defs', 'healthcheck', 'properties', 'start_period'],
  ['$defs', 'healthcheck', 'properties', 'start_interval'],
  ['$defs', 'service', 'properties', 'stop_grace_period'],
  ['$defs', 'deployment', 'properties', 'restart_policy', 'properties', 'delay'],
  ['$defs', 'deployment', 'properties', 'restart_policy', 'properties', 'window'],
  ['$defs', 'deployment', 'properties', 'update_config', 'properties', 'delay'],
  ['$defs', 'deployment', 'properties', 'update_config', 'properties', 'monitor'],
  ['$defs', 'deployment', 'properties', 'rollback_config', 'properties', 'delay'],
  ['$defs', 'deployment', 'properties', 'rollback_config', 'properties', 'monitor'],
];

type Json = Record<string, unknown>;

let spec: Json | undefined;

/** The schema as validated: compose-go's, with the `duration` format on duration settings. */
export function composeSpec(): Json {
  if (spec) return spec;
  const copy = structuredClone(raw) as Json;
  for (const p of DURATION_PATHS) {
    let node: unknown = copy;
    for (const seg of p) node = (node as Json | undefined)?.[seg];
    if (node && typeof node === 'object') (node as Json).format = 'duration';
  }
  spec = copy;
  return copy;
}

export function createComposeAjv(code?: { source: true; esm: true }): Ajv2020 {
  // verbose: errors carry their schema (the keys an unknown key may be a typo of).
  // strict: false — the schema omits `type: object` next to `additionalProperties` in places (fine by the spec).
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false, allowUnionTypes: true, ...(code ? { code: { ...code, optimize: true } } : {}) });
  ajv.addFormat('duration', DURATION);
  return ajv;
}
