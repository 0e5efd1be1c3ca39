import { interpolate } from '../compose/interpolate.js';
import type { DockerfileDocument } from './types.js';
import { argDeclarations } from './words.js';

/** ARGs BuildKit defines in the global scope without a declaration. */
export const PLATFORM_ARGS: readonly string[] = ['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT'];

/**
 * The global `ARG`s (before the first `FROM`) with their defaults expanded the
 * way BuildKit expands them, in order: `ARG BASE=python:${PY}` after
 * `ARG PY=3.12` is `python:3.12`. An ARG without a default is absent from
 * `values` (it expands to an empty string) but present in `declared`.
 */
export function expandedGlobalArgs(doc: DockerfileDocument): { declared: Set<string>; values: Map<string, string> } {
  const declared = new Set<string>();
  const values = new Map<string, string>();
  const firstFrom = doc.stages[0]?.from.start ?? Infinity;
  for (const ins of doc.instructions) {
    if (ins.start >= firstFrom) break;
    if (ins.keyword !== 'ARG') continue;
    for (const decl of argDeclarations(ins)) {
      declared.add(decl.name);
      if (decl.value !== undefined) values.set(decl.name, interpolate(decl.value, values).value);
      else values.delete(decl.name);
    }
  }
  return { declared, values };
}
