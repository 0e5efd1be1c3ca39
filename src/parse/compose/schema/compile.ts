/**
 * The compiled compose schema validator. From sources it is compiled on first
 * use (a few hundred milliseconds, once per process); `npm run build` swaps
 * this module for ajv standalone code generated ahead of time
 * (scripts/build.mjs, `src/parse/compose/schema/standalone.ts`).
 */
import type { ValidateFunction } from 'ajv';
import { composeSpec, createComposeAjv } from './spec.js';

let compiled: ValidateFunction | undefined;

export function validator(): ValidateFunction {
  compiled ??= createComposeAjv().compile(composeSpec());
  return compiled;
}
