/**
 * What a script does to its variables: every place a variable gets a value
 * (assignments, `for` loops, `read`, `getopts`, `${x:=…}` …), so rules can ask
 * whether a variable only ever holds a safe constant, or is surely non-empty
 * at some point.
 */
import { derived } from './command-memo.js';
import { flattenCommands } from './commands.js';
import { walkNodes } from './tree.js';
import type { ShCommand, ShellDocument, ShNode, ShWord } from './types.js';
import { makeWord } from './words.js';

export interface VarWrite {
  readonly name: string;
  /** Offset where the value is set (the assignment or command). */
  readonly start: number;
  readonly end: number;
  /**
   * `assign`: `x=value` (also `local x=value`, `export x=value`, `x=v cmd`);
   * `for`: a `for x in items` loop variable;
   * `dynamic`: anything whose value is unknown (`read x`, `getopts`, `x+=…`, arrays, `${x:=…}`…).
   */
  readonly kind: 'assign' | 'for' | 'dynamic';
  /** For `assign`: the assigned word (undefined for `x=`). */
  readonly value?: ShWord;
  /** For `for`: the loop's items (undefined for `for x; do`, which loops over "$@"). */
  readonly items?: readonly ShWord[];
  /** The node of the `for` loop body, for `for` writes. */
  readonly loopBody?: ShNode;
  /** For `dynamic`: the value is a number whatever it is (`((i++))`, `let n=n+1`). */
  readonly integer?: boolean;
}

/** Commands whose operands name variables they set. */
const READERS = new Set(['read', 'getopts', 'mapfile', 'readarray', 'select']);

/**
 * `variableWrites` per document: four checks of every script ask for it (the
 * quoting rule twice, `rm` of unset variables, bashisms), and each walk visits
 * every node. A document never changes once parsed; callers get their own copy
 * of the list (the writes themselves are read-only).
 */
const writesOf = new WeakMap<ShellDocument, VarWrite[]>();

/** Every variable write of a script, in source order. */
export function variableWrites(shell: ShellDocument): VarWrite[] {
  let writes = writesOf.get(shell);
  // A text seen before copies the writes of an earlier document with that text (command-memo.ts).
  if (!writes) writesOf.set(shell, (writes = derived(shell, 'writes', () => collectWrites(shell))));
  return writes.slice();
}

function collectWrites(shell: ShellDocument): VarWrite[] {
  const out: VarWrite[] = [];
  walkNodes(shell.root, (n) => {
    switch (n.type) {
      case 'variable_assignment': {
        const nameNode = n.children.find((c) => c.field === 'name');
        if (!nameNode) return;
        const isArrayElement = nameNode.type === 'subscript';
        const name = isArrayElement ? (nameNode.children.find((c) => c.field === 'name')?.text ?? '') : nameNode.text;
        const op = n.children.find((c) => !c.named && (c.type === '=' || c.type === '+='));
        const valueNode = n.children.find((c) => c.field === 'value');
        const dynamic = isArrayElement || op?.type === '+=' || valueNode?.type === 'array';
        out.push(
          dynamic
            ? { name, start: n.start, end: n.end, kind: 'dynamic' }
            : { name, start: n.start, end: n.end, kind: 'assign', ...(valueNode ? { value: makeWord(valueNode) } : {}) },
        );
        return;
      }
      case 'for_statement': {
        const v = n.children.find((c) => c.field === 'variable');
        if (!v) return;
        const values = n.children.filter((c) => c.field === 'value');
        const body = n.children.find((c) => c.field === 'body');
        const hasIn = n.children.some((c) => !c.named && c.type === 'in');
        out.push({
          name: v.text,
          start: n.start,
          end: n.end,
          kind: 'for',
          ...(hasIn ? { items: values.map(makeWord) } : {}),
          ...(body ? { loopBody: body } : {}),
        });
        return;
      }
      case 'c_style_for_statement':
      case 'arithmetic_expansion':
      case 'compound_statement':
        // `((i = 1))`, `for ((i = 0; …))`: arithmetic assignments
        if (n.type === 'compound_statement' && n.children[0]?.type !== '((') return;
        walkNodes(n, (m) => {
          if ((m.type === 'binary_expression' || m.type === 'postfix_expression' || m.type === 'unary_expression') && m.children[0]?.type === 'variable_name') {
            const op = m.children.find((c) => c.field === 'operator');
            if (op && /^(?:[-+*/%&|^]|<<|>>)?=$|^\+\+$|^--$/.test(op.type)) {
              out.push({ name: m.children[0].text, start: m.start, end: m.end, kind: 'dynamic', integer: true });
            }
          }
        });
        return;
      case 'expansion': {
        // `${x:=default}` / `${x=default}` assign
        const op = n.children.find((c) => c.field === 'operator');
        const v = n.children.find((c) => c.type === 'variable_name');
        if (op && v && (op.type === ':=' || op.type === '=')) out.push({ name: v.text, start: n.start, end: n.end, kind: 'dynamic' });
        return;
      }
    }
  });
  for (const cmd of flattenCommands(shell.commands)) {
    const integer = cmd.name === 'let';
    for (const name of namesSetBy(cmd)) out.push({ name, start: cmd.start, end: cmd.end, kind: 'dynamic', ...(integer ? { integer } : {}) });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Variables a command sets through its operands (`read a b`, `getopts o opt`, `printf -v x`, `let x=1`). */
function namesSetBy(cmd: ShCommand): string[] {
  const name = cmd.name;
  if (!name) return [];
  const values = cmd.args.map((a) => a.value).filter((v): v is string => v !== undefined);
  const isName = (v: string) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(v);
  if (READERS.has(name)) return values.filter(isName);
  if (name === 'printf') {
    const i = values.indexOf('-v');
    return i >= 0 && values[i + 1] && isName(values[i + 1]!) ? [values[i + 1]!] : [];
  }
  if (name === 'let') return values.map((v) => /^([A-Za-z_][A-Za-z0-9_]*)/.exec(v)?.[1]).filter((v): v is string => !!v);
  return [];
}

/** Characters that make an unquoted value split or glob. */
const UNSAFE_VALUE = /[\s*?[\]{}~\\'"$`]/;

/** Glob characters and quotes: a value with these is not a plain word list. */
const NOT_A_LIST = /[*?[\]{}~\\'"$`]/;

/**
 * The variables that only ever hold a static list of plain words, at least one
 * value with blanks in it (`PKGS="curl ca-certificates"`, an `ENV` of several
 * words): POSIX sh has no arrays, so expanding such a variable unquoted to
 * split it is deliberate.
 */
export function staticLists(shell: ShellDocument, known: ReadonlyMap<string, string | undefined> = new Map()): Set<string> {
  const verdict = new Map<string, { ok: boolean; blank: boolean }>();
  const note = (name: string, value: string | undefined) => {
    const v = verdict.get(name) ?? { ok: true, blank: false };
    v.ok &&= value !== undefined && !NOT_A_LIST.test(value);
    v.blank ||= value !== undefined && /\s/.test(value.trim());
    verdict.set(name, v);
  };
  for (const [name, value] of known) note(name, value);
  for (const w of variableWrites(shell)) {
    if (w.kind === 'assign') note(w.name, w.value?.value);
    else note(w.name, undefined);
  }
  return new Set([...verdict].filter(([, v]) => v.ok && v.blank).map(([name]) => name));
}

/**
 * The variables that only ever hold one safe constant: every write is an
 * assignment of a static, non-empty value without blanks or glob characters
 * (`major=16`, `ARCH=x64`), or of a number (`rc=$?`, `pid=$!`,
 * `n=$((n + 1))`, `((i++))`). Expanding such a variable unquoted cannot split
 * or glob (ShellCheck skips them too). `known` adds values set outside the
 * script (a Dockerfile's `ENV`/`ARG`).
 */
export function safeConstants(shell: ShellDocument, known: ReadonlyMap<string, string | undefined> = new Map()): Set<string> {
  const verdict = new Map<string, boolean>();
  const note = (name: string, safe: boolean) => verdict.set(name, (verdict.get(name) ?? true) && safe);
  for (const [name, value] of known) note(name, value !== undefined && value !== '' && !UNSAFE_VALUE.test(value));
  for (const w of variableWrites(shell)) {
    if (w.kind === 'assign') {
      const v = w.value?.value;
      note(w.name, (v !== undefined && v !== '' && !UNSAFE_VALUE.test(v)) || (w.value !== undefined && isNumber(w.value.node)));
    } else if (w.kind === 'for') {
      note(w.name, w.items !== undefined && w.items.every((i) => i.value !== undefined && i.value !== '' && !UNSAFE_VALUE.test(i.value)));
    } else {
      note(w.name, w.integer === true);
    }
  }
  return new Set([...verdict].filter(([, safe]) => safe).map(([name]) => name));
}

/** Special parameters that always hold a number: the status, the argument count, the shell's and the last job's PIDs. */
const NUMERIC_SPECIALS = new Set(['?', '#', '$', '!']);

/** A word that expands to a number: `$?`, `$#`, `$$`, `$!`, `${#x}`, `$((…))`, alone or in double quotes. */
function isNumber(node: ShNode): boolean {
  if (node.type === 'string') {
    const inner = node.children.filter((c) => c.named);
    return inner.length === 1 && isNumber(inner[0]!);
  }
  if (node.type === 'arithmetic_expansion') return true;
  if (node.type === 'simple_expansion') return node.children.some((c) => c.type === 'special_variable_name' && NUMERIC_SPECIALS.has(c.text));
  if (node.type === 'expansion') {
    const inner = node.children.filter((c) => c.type !== '${' && c.type !== '}');
    if (inner[0]?.type === '#' && !inner[0].named) return true; // ${#x}
    return inner.length === 1 && inner[0]!.type === 'special_variable_name' && NUMERIC_SPECIALS.has(inner[0]!.text);
  }
  return false;
}

/**
 * Whether `name` surely holds a non-empty value at `offset`, judged by the
 * last write before it: a value with literal text of its own (`DIR=/srv/app`,
 * `DIR="$BASE/build"`), a `${X:?…}` check, a command substitution under
 * `set -e` (`errexit`), or the variable of an enclosing `for` loop over
 * non-empty static items. `known` are values set outside the script.
 */
export function surelyNonEmpty(
  writes: readonly VarWrite[],
  name: string,
  offset: number,
  options: { known?: ReadonlyMap<string, string | undefined>; errexitAt?: (offset: number) => boolean } = {},
): boolean {
  let last: VarWrite | undefined;
  for (const w of writes) {
    if (w.start >= offset) break;
    if (w.name !== name) continue;
    if (w.kind === 'for' && !(w.loopBody && w.loopBody.start <= offset && offset < w.loopBody.end)) continue;
    last = w;
  }
  if (!last) {
    const known = options.known?.get(name);
    return known !== undefined && known !== '';
  }
  if (last.kind === 'for') return last.items !== undefined && last.items.length > 0 && last.items.every((i) => i.value !== undefined && i.value !== '');
  if (last.kind !== 'assign' || !last.value) return false;
  return nonEmptyWord(last.value, options.errexitAt?.(last.start) ?? false);
}

/** A word that cannot expand to the empty string. */
function nonEmptyWord(word: ShWord, errexit: boolean): boolean {
  if (word.value !== undefined) return word.value !== '';
  let literal = false;
  let checked = false;
  let substitution = false;
  walkNodes(word.node, (n) => {
    if (n.type === 'expansion') {
      const op = n.children.find((c) => c.field === 'operator');
      if (op && (op.type === ':?' || op.type === ':-' || op.type === ':=')) {
        // `${X:?}` fails when empty; `${X:-/tmp}` has a non-empty default
        const rest = n.children.filter((c) => c.start >= op.end && c.type !== '}');
        if (op.type === ':?' || rest.some((c) => c.text !== '')) checked = true;
      }
      return false;
    }
    if (n.type === 'command_substitution') {
      substitution = true;
      return false;
    }
    if (n.type === 'simple_expansion' || n.type === 'arithmetic_expansion') return false;
    if (n.children.length === 0 && n.named && n.text !== '' && n.type !== 'variable_name') literal = true;
    if ((n.type === 'word' || n.type === 'string_content') && n.text !== '') literal = true;
    return true;
  });
  return literal || checked || (substitution && errexit);
}
