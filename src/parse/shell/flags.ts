/**
 * Option helpers for rules: is a flag given, what value does an option have,
 * which arguments are positional, what is the subcommand.
 *
 * Conventions (getopt-like): `--` ends options; `-` alone is positional; a
 * single-dash word of one letter and more (`-qy`) is a cluster of short flags;
 * `--name=value` carries its value. Only `cmd.args` are looked at (the words
 * after the command name, wrappers skipped). Arguments with a dynamic value are
 * judged by their source text (`--out=$x` is still `--out`).
 */
import type { ShCommand, ShWord } from './types.js';

/** The word's static value, or its source text when it is dynamic. */
function textOf(w: ShWord): string {
  return w.value ?? w.raw;
}

function isShortName(name: string): boolean {
  return /^-[^-]$/.test(name);
}

function isShortCluster(v: string): boolean {
  return v.length > 1 && v[0] === '-' && v[1] !== '-';
}

/** The arguments before `--`. */
function optionArgs(cmd: ShCommand): readonly ShWord[] {
  const i = cmd.args.findIndex((w) => w.value === '--');
  return i < 0 ? cmd.args : cmd.args.slice(0, i);
}

/**
 * Whether any of the flags is given. `-y` matches `-y` and clusters such as
 * `-qy`; `--yes` matches `--yes` and `--yes=…`. Other names (`-qq`, `-name`)
 * match exactly. (For programs with single-dash long options, such as `find`,
 * ask for the long name: `-n` would also match the "cluster" `-name`.)
 */
export function hasFlag(cmd: ShCommand, ...names: string[]): boolean {
  return findFlag(cmd, ...names) !== undefined;
}

/** The first argument that gives one of the flags (see `hasFlag`). */
export function findFlag(cmd: ShCommand, ...names: string[]): ShWord | undefined {
  for (const w of optionArgs(cmd)) {
    const v = textOf(w);
    if (!v.startsWith('-') || v === '-') continue;
    for (const name of names) {
      if (v === name) return w;
      if (name.startsWith('--')) {
        if (v.startsWith(name + '=')) return w;
      } else if (isShortName(name)) {
        if (isShortCluster(v) && /^-[A-Za-z0-9]+$/.test(v) && v.includes(name[1]!)) return w;
      }
    }
  }
  return undefined;
}

export interface FlagValue {
  /** The word holding the option name (`-o`, `-ofile`, `--output=file`). */
  readonly flag: ShWord;
  /** The word holding the value: the next word, or `flag` itself for `-ofile` / `--output=file`. */
  readonly word: ShWord;
  /** The value, undefined when dynamic. */
  readonly value: string | undefined;
  /** Offsets of the value in the file (part of `word` when attached to the flag). */
  readonly start: number;
  readonly end: number;
}

/**
 * Every value given to the option, in order: `-o x`, `-ox`, `-abo x` (the
 * option letter last in a cluster), `--output=x`, `--output x`. Long names
 * given here always take a value; short ones too.
 */
export function flagValues(cmd: ShCommand, ...names: string[]): FlagValue[] {
  const out: FlagValue[] = [];
  const args = optionArgs(cmd);
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    const v = textOf(w);
    if (!v.startsWith('-') || v === '-') continue;
    for (const name of names) {
      if (v === name) {
        const next = args[i + 1];
        if (next) {
          out.push({ flag: w, word: next, value: next.value, start: next.start, end: next.end });
          i++;
        }
        break;
      }
      if (name.startsWith('--')) {
        if (v.startsWith(name + '=')) {
          out.push(attached(w, name.length + 1));
          break;
        }
      } else if (isShortName(name) && isShortCluster(v)) {
        if (v.startsWith(name)) {
          out.push(attached(w, 2)); // -ofile
          break;
        }
        if (/^-[A-Za-z0-9]+$/.test(v) && v.endsWith(name[1]!)) {
          const next = args[i + 1]; // -xzf file
          if (next) {
            out.push({ flag: w, word: next, value: next.value, start: next.start, end: next.end });
            i++;
          }
          break;
        }
      }
    }
  }
  return out;
}

/** The value of the option's last occurrence (what most programs use); see `flagValues`. */
export function flagValue(cmd: ShCommand, ...names: string[]): FlagValue | undefined {
  return flagValues(cmd, ...names).at(-1);
}

function attached(w: ShWord, prefixLength: number): FlagValue {
  // the value's offsets are exact when the option name is written literally
  const literal = w.raw.startsWith(textOf(w).slice(0, prefixLength));
  return {
    flag: w,
    word: w,
    value: w.value?.slice(prefixLength),
    start: literal ? w.start + prefixLength : w.start,
    end: w.end,
  };
}

export interface PositionalOptions {
  /**
   * Options that take a separate value (`-o`, `--output`): the word after them
   * is not positional. A short one also applies when last in a cluster.
   */
  withValue?: readonly string[];
}

/** The arguments that are not options or option values; everything after `--` is positional. */
export function positionalArgs(cmd: ShCommand, options: PositionalOptions = {}): ShWord[] {
  // Called for most commands by many rules: lists, not sets (option lists are short).
  const withValue = options.withValue ?? NONE;
  const out: ShWord[] = [];
  const args = cmd.args;
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    const v = textOf(w);
    if (v === '--' && w.value === '--') {
      for (let j = i + 1; j < args.length; j++) out.push(args[j]!);
      break;
    }
    if (v.charCodeAt(0) !== 45 /* - */ || v === '-') {
      out.push(w);
      continue;
    }
    if (withValue.includes(v)) {
      i++;
      continue;
    }
    // a short option that takes a value, last in a cluster (`-xzf file`); `-ofile` carries its value
    if (isShortCluster(v) && withValue.includes(`-${v[v.length - 1]!}`) && /^-[A-Za-z0-9]+$/.test(v)) {
      if (!(withValue.includes(`-${v[1]!}`) && v.length > 2)) i++;
    }
  }
  return out;
}

const NONE: readonly string[] = [];

/** The first positional argument: `install` in `apt-get -q install x`, `compose` in `docker compose up`. */
export function findSubcommand(cmd: ShCommand, options: PositionalOptions = {}): ShWord | undefined {
  return positionalArgs(cmd, options)[0];
}
