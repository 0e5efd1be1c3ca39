import { interpolate } from '../compose/interpolate.js';

/**
 * Substitutes `ARG` defaults into a `FROM` line the way BuildKit does for the
 * forms images use (`$X`, `${X}`, `${X:-d}`, `${X:+a}`). An `ARG` without a
 * default expands to the empty string, as in a build with no `--build-arg`;
 * such names are listed in `unset`.
 */
export function resolveArgs(text: string, args: ReadonlyMap<string, string | undefined>): { value: string; unset: string[] } {
  if (!text.includes('$')) return { value: text, unset: [] };
  const env = new Map<string, string>();
  for (const [k, v] of args) if (v !== undefined) env.set(k, v);
  const out = interpolate(text, env);
  return { value: out.value, unset: out.unset };
}
