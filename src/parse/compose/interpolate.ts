import { envFileEntries } from './env-file.js';

/**
 * Compose variable interpolation, as `docker compose` applies it to values
 * (never keys): `$$`, `$VAR`, `${VAR}`, `${VAR:-d}`, `${VAR-d}`, `${VAR:?e}`,
 * `${VAR?e}`, `${VAR:+a}`, `${VAR+a}`, with nesting inside the word part.
 */

export type InterpolationOperator = ':-' | '-' | ':?' | '?' | ':+' | '+';

export interface VariableReference {
  name: string;
  operator?: InterpolationOperator;
  /** The word after the operator, raw (before its own interpolation). */
  word?: string;
  /** Offsets of the whole `${…}` / `$VAR` inside the input string. */
  start: number;
  end: number;
  /** The variable has a value in the environment given. */
  defined: boolean;
}

export interface InterpolationError {
  message: string;
  start: number;
  end: number;
  /** The value nests deeper than `MAX_INTERPOLATION_DEPTH` and was left as written. */
  tooDeep?: true;
}

export interface Interpolated {
  value: string;
  references: VariableReference[];
  errors: InterpolationError[];
  /** Variables that were unset and had no default (`${X}`, `$X`): they became empty strings. */
  unset: string[];
  /** `${X:?err}` / `${X?err}` whose variable is missing: compose would refuse to run. */
  required: { name: string; message: string }[];
}

// Two-character operators first, so `:-` is not read as `:` followed by `-`.
const OPERATORS: readonly InterpolationOperator[] = [':-', ':?', ':+', '-', '?', '+'];
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/**
 * How deep `${VAR:-${VAR:-…}}` may nest. Expansion recurses once per level;
 * a deeper value is left as written, with an error, instead of overflowing
 * the stack (real files nest two or three levels).
 */
export const MAX_INTERPOLATION_DEPTH = 32;

export function interpolate(input: string, env: ReadonlyMap<string, string>): Interpolated {
  const out: Interpolated = { value: '', references: [], errors: [], unset: [], required: [] };
  const tooDeep = interpolationTooDeep(input);
  if (tooDeep !== undefined) {
    out.value = input;
    out.errors.push({ message: interpolationDepthMessage(), start: tooDeep, end: tooDeep, tooDeep: true });
    return out;
  }
  out.value = expand(input, 0, input.length, env, out, 0);
  return out;
}

export function interpolationDepthMessage(): string {
  return `the interpolation nests \${…} more than ${MAX_INTERPOLATION_DEPTH} levels deep; not linted`;
}

/** Offset of the first `${` nested deeper than `MAX_INTERPOLATION_DEPTH`, if any (one pass, as `findClose` counts). */
export function interpolationTooDeep(input: string): number | undefined {
  if (!input.includes('${')) return undefined;
  let depth = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (c === '$' && input[i + 1] === '$' && depth === 0) i++;
    else if (c === '$' && input[i + 1] === '{') {
      if (++depth > MAX_INTERPOLATION_DEPTH) return i;
      i++;
    } else if (c === '}' && depth > 0) depth--;
  }
  return undefined;
}

/** True when the string contains anything interpolation would change. */
export function hasInterpolation(input: string): boolean {
  return input.includes('$');
}

function expand(
  s: string,
  from: number,
  to: number,
  env: ReadonlyMap<string, string>,
  out: Interpolated,
  base: number,
): string {
  let result = '';
  let i = from;
  while (i < to) {
    const c = s[i]!;
    if (c !== '$') {
      result += c;
      i++;
      continue;
    }
    const next = s[i + 1];
    if (next === '$') {
      result += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      const close = findClose(s, i + 2, to);
      if (close < 0) {
        out.errors.push({ message: `invalid interpolation format: "${s.slice(i, to)}" has no closing "}"`, start: base + i, end: base + to });
        result += s.slice(i, to);
        return result;
      }
      result += braced(s, i, close, env, out, base);
      i = close + 1;
      continue;
    }
    if (next !== undefined && NAME_START.test(next)) {
      let j = i + 1;
      while (j < to && NAME_CHAR.test(s[j]!)) j++;
      const name = s.slice(i + 1, j);
      const value = env.get(name);
      out.references.push({ name, start: base + i, end: base + j, defined: value !== undefined });
      if (value === undefined) out.unset.push(name);
      result += value ?? '';
      i = j;
      continue;
    }
    // A lone `$` (end of string, `$ `, `$1`): compose keeps it as is.
    result += c;
    i++;
  }
  return result;
}

/** Index of the `}` that closes a `${` whose body starts at `from`, honouring nesting. */
function findClose(s: string, from: number, to: number): number {
  let depth = 1;
  for (let i = from; i < to; i++) {
    if (s[i] === '$' && s[i + 1] === '{') {
      depth++;
      i++;
    } else if (s[i] === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function braced(
  s: string,
  open: number,
  close: number,
  env: ReadonlyMap<string, string>,
  out: Interpolated,
  base: number,
): string {
  const bodyStart = open + 2;
  let j = bodyStart;
  if (j < close && NAME_START.test(s[j]!)) {
    j++;
    while (j < close && NAME_CHAR.test(s[j]!)) j++;
  }
  const name = s.slice(bodyStart, j);
  const rest = s.slice(j, close);
  const invalid = (): string => {
    out.errors.push({
      message: `invalid interpolation format for "${s.slice(open, close + 1)}": expected \${VAR}, \${VAR:-default}, \${VAR-default}, \${VAR:?error}, \${VAR?error}, \${VAR:+alt} or \${VAR+alt}`,
      start: base + open,
      end: base + close + 1,
    });
    return s.slice(open, close + 1);
  };
  if (!name) return invalid();
  const value = env.get(name);
  const ref: VariableReference = { name, start: base + open, end: base + close + 1, defined: value !== undefined };
  out.references.push(ref);
  if (rest === '') {
    if (value === undefined) out.unset.push(name);
    return value ?? '';
  }
  const op = OPERATORS.find((o) => rest.startsWith(o));
  if (!op) return invalid();
  ref.operator = op;
  const wordStart = j + op.length;
  ref.word = s.slice(wordStart, close);
  const emptyCounts = op.startsWith(':');
  const isSet = value !== undefined && (!emptyCounts || value !== '');
  switch (op) {
    case ':-':
    case '-':
      return isSet ? value! : expand(s, wordStart, close, env, out, base);
    case ':+':
    case '+':
      return isSet ? expand(s, wordStart, close, env, out, base) : '';
    case ':?':
    case '?': {
      if (isSet) return value!;
      const message = expand(s, wordStart, close, env, out, base);
      out.required.push({ name, message });
      return '';
    }
  }
  return invalid();
}

/** Parses a `.env` file the way compose does (KEY=VALUE, `export` prefix, quotes, comments). */
export function parseDotenv(text: string): Map<string, string> {
  const env = new Map<string, string>();
  for (const e of envFileEntries(text)) if (!e.bare) env.set(e.key, e.value);
  return env;
}
