/**
 * Which variables a script assigns and which it reads, by name, for the
 * checks of unused variables. Names are per file: a read anywhere (any
 * function, any subshell) counts for every assignment of that name, which
 * errs on the side of "used".
 */
import { walkNodes } from '../tree.js';
import type { ShellDocument, ShNode } from '../types.js';

export interface VariableUse {
  /** `x=value` statements (also in `local`/`declare`/`readonly`), not `x=value cmd` prefixes; the name node of each, in source order. */
  readonly assigned: Map<string, ShNode[]>;
  /** Names expanded or named anywhere: `$x`, `${x…}`, arithmetic, array indexes, `[[ -v x ]]`, `let`. */
  readonly read: Set<string>;
  /** Names the script exports (`export x`, `declare -x x`), which programs it starts may read. */
  readonly exported: Set<string>;
  /**
   * The script reaches variables by computed names or hands them all to
   * programs (an `eval` that builds a name, as in `eval "v=\$$name"`,
   * namerefs, `${!prefix*}`, `set -a`): what looks unused may not be.
   * `source`/`.` is not counted: the file it reads may read any variable set
   * before, so a caller looks the file up (`sourceTarget` in the rule kit)
   * and counts its reads, or stays quiet when the run does not hold it.
   */
  readonly opaque: boolean;
}

const NAME_TOKEN = /[A-Za-z_][A-Za-z0-9_]*/g;
/**
 * `$x`, `${x…}`, `${#x}`, `${!x}` anywhere in the text, comments and single
 * quotes included: tree-sitter-bash misreads some words (`$A.$B` becomes an
 * assignment and a command name), and a name found in a comment or a quoted
 * template only makes the check quieter.
 */
const EXPANDED_NAME = /\$\{?[#!]?([A-Za-z_][A-Za-z0-9_]*)/g;
/**
 * An `eval` argument that builds a variable name: an escaped `$` before an
 * expansion (`"\$$name"`, `"\${$name}"`, `"\${!name}"`) or a single-quoted
 * `$` or `${` closed right before one (`'$'"$name"`). Other `eval`s read the
 * names their text shows, which the scan of the text finds.
 */
const EVAL_COMPUTED_NAME = /\\\$\{?[$!]|\$\{?'/;
/** Commands whose operands name variables they read. */
const NAMES_READ_BY = new Set(['let', 'unset']);

export function variableUse(shell: ShellDocument): VariableUse {
  const assigned = new Map<string, ShNode[]>();
  const read = new Set<string>();
  const exported = new Set<string>();
  let opaque = false;
  walkNodes(shell.root, (n) => {
    switch (n.type) {
      case 'variable_assignment': {
        const nameNode = n.children.find((c) => c.field === 'name');
        // `x+=…` appends to the value it reads
        if (n.children.some((c) => c.type === '+=')) {
          if (nameNode) read.add(nameNode.type === 'subscript' ? (nameNode.children.find((c) => c.field === 'name')?.text ?? '') : nameNode.text);
          return;
        }
        if (nameNode?.type === 'variable_name' && n.parent?.type !== 'command') {
          const list = assigned.get(nameNode.text);
          if (list) list.push(nameNode);
          else assigned.set(nameNode.text, [nameNode]);
        }
        return;
      }
      case 'variable_name':
        if (!isWriteTarget(n)) read.add(n.text);
        return;
      case 'subscript':
      case 'arithmetic_expansion':
      case 'test_command':
        // `${arr[i]}`, `$(( i + 1 ))` and `[[ -v x ]]` name variables in plain words
        for (const w of n.children) if (w.type === 'word' || w.field === 'index') for (const m of w.text.matchAll(NAME_TOKEN)) read.add(m[0]);
        if (n.type === 'test_command') walkNodes(n, (m) => void (m.type === 'word' && read.add(m.text)));
        return;
      case 'expansion':
        // `${!prefix*}`, `${!prefix@}`: every variable with the prefix
        if (/^\$\{!\w+[*@]\}$/.test(n.text)) opaque = true;
        return;
      case 'declaration_command': {
        const keyword = n.children[0]?.text;
        const flags = n.children.filter((c) => c.type === 'word' && c.text.startsWith('-')).map((c) => c.text);
        if (flags.some((f) => f.includes('n'))) opaque = true; // namerefs
        if (keyword === 'export' || flags.some((f) => f.includes('x'))) {
          for (const c of n.children) {
            const name = c.type === 'variable_name' ? c.text : c.type === 'variable_assignment' ? c.children.find((d) => d.field === 'name')?.text : undefined;
            if (name) exported.add(name);
          }
        }
        return;
      }
      case 'command': {
        const name = n.children.find((c) => c.field === 'name')?.text;
        const args = n.children.filter((c) => c.field === 'argument').map((c) => c.text);
        if (name === 'eval' && args.some((a) => EVAL_COMPUTED_NAME.test(a))) opaque = true;
        if (name === 'set' && args.some((a) => /^-[a-z]*a/.test(a) || a === 'allexport')) opaque = true;
        if (name && NAMES_READ_BY.has(name)) for (const a of args) for (const m of a.matchAll(NAME_TOKEN)) read.add(m[0]);
        return;
      }
    }
  });
  for (const m of shell.text.matchAll(EXPANDED_NAME)) read.add(m[1]!);
  return { assigned, read, exported, opaque };
}

/** The name in `x=…`, `arr[i]=…`, `for x in`, `local x`: set, not read. */
function isWriteTarget(n: ShNode): boolean {
  const parent = n.parent;
  if (!parent) return false;
  if (parent.type === 'variable_assignment' && n.field === 'name') return true;
  if (parent.type === 'subscript' && n.field === 'name' && parent.parent?.type === 'variable_assignment' && parent.field === 'name') return true;
  if (parent.type === 'for_statement' && n.field === 'variable') return true;
  return parent.type === 'declaration_command';
}

/** bash's own array variables. */
const BUILTIN_ARRAYS = ['BASH_SOURCE', 'FUNCNAME', 'BASH_LINENO', 'BASH_ARGV', 'BASH_ARGC', 'PIPESTATUS', 'GROUPS', 'DIRSTACK', 'BASH_REMATCH', 'BASH_VERSINFO', 'COMP_WORDS'];
/** `read` options that take a value (the array of `-a` is handled on its own). */
const READ_VALUE_OPTIONS = new Set(['d', 'i', 'n', 'N', 'p', 't', 'u']);
/** `mapfile`/`readarray` options that take a value. */
const MAPFILE_VALUE_OPTIONS = new Set(['d', 'n', 'O', 's', 'u', 'C', 'c']);

/**
 * Names that hold arrays somewhere in the script, by name (per file, like
 * `variableUse`): bash's own arrays, `x=(…)`, `x+=(…)`, `x[i]=…`,
 * `declare`/`local`/`typeset -a`/`-A x`, `read -a x`, `mapfile x` /
 * `readarray x` (`MAPFILE` without a name).
 */
export function arrayVariables(shell: ShellDocument): Set<string> {
  const arrays = new Set<string>(BUILTIN_ARRAYS);
  walkNodes(shell.root, (n) => {
    switch (n.type) {
      case 'variable_assignment': {
        const name = n.children.find((c) => c.field === 'name');
        const value = n.children.find((c) => c.field === 'value');
        if (name?.type === 'subscript') {
          const base = name.children.find((c) => c.field === 'name');
          if (base) arrays.add(base.text);
        } else if (name?.type === 'variable_name' && value?.type === 'array') arrays.add(name.text);
        return;
      }
      case 'declaration_command': {
        const keyword = n.children[0]?.text;
        if (keyword === 'export' || keyword === 'readonly') return;
        const flags = n.children.filter((c) => c.type === 'word' && c.text.startsWith('-')).map((c) => c.text);
        if (!flags.some((f) => /[aA]/.test(f))) return;
        for (const c of n.children) {
          const name = c.type === 'variable_name' ? c.text : c.type === 'variable_assignment' ? c.children.find((d) => d.field === 'name')?.text : undefined;
          if (name) arrays.add(name);
        }
        return;
      }
      case 'command': {
        const name = n.children.find((c) => c.field === 'name')?.text;
        const args = n.children.filter((c) => c.field === 'argument').map((c) => c.text);
        if (name === 'read') {
          const array = optionValue(args, 'a', READ_VALUE_OPTIONS);
          if (array) arrays.add(array);
        } else if (name === 'mapfile' || name === 'readarray') {
          arrays.add(firstOperand(args, MAPFILE_VALUE_OPTIONS) ?? 'MAPFILE');
        }
        return;
      }
    }
  });
  return arrays;
}

/** The value of option `-x` in clustered short options (`-ra name`, `-a name`, `-aname`), up to the first operand. */
function optionValue(args: readonly string[], option: string, others: ReadonlySet<string>): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--' || !/^-[A-Za-z]/.test(a)) return undefined;
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (c !== option && !others.has(c)) continue;
      const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
      if (c === option) return value;
      break;
    }
  }
  return undefined;
}

/** The first argument that is not an option or an option's value. */
function firstOperand(args: readonly string[], valued: ReadonlySet<string>): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return args[i + 1];
    if (!/^-[A-Za-z]/.test(a)) return a;
    for (let j = 1; j < a.length; j++) {
      if (!valued.has(a[j]!)) continue;
      if (j + 1 === a.length) i++;
      break;
    }
  }
  return undefined;
}
