/**
 * Syntax that bash (and ksh/zsh) accept but POSIX sh does not: what breaks
 * when a script under `#!/bin/sh` runs on dash (Debian's and Ubuntu's
 * `/bin/sh`, and the shell of a Dockerfile `RUN` on Debian-based images).
 *
 * Deliberately left out: `local` (dash, ash and busybox all have it),
 * `set -o pipefail` (dash ≥ 0.5.11 and busybox have it, POSIX 2024 too),
 * `echo -e` and `read -p`-style options (they run, with other output).
 */
import { flattenCommands } from './commands.js';
import { walkNodes } from './tree.js';
import type { Locatable } from '../../core/rule.js';
import type { ShellDocument, ShNode } from './types.js';
import { variableWrites } from './vars.js';

export interface Bashism extends Locatable {
  /** What it is, for messages: "`[[ ]]`", "arrays", … */
  readonly what: string;
  /** The ShellCheck code of the same finding under `--shell=sh`. */
  readonly code: string;
}

/** Variables only bash sets (empty under sh unless the script sets them). */
const BASH_VARIABLES = new Set(['RANDOM', 'BASH_SOURCE', 'BASH_REMATCH', 'FUNCNAME', 'PIPESTATUS', 'EUID', 'UID', 'BASH_LINENO']);

/** Builtins only bash (and ksh) have. */
const BASH_BUILTINS: Record<string, { what: string; code: string }> = {
  source: { what: '`source` (POSIX sh has `.`)', code: 'SC3046' },
  let: { what: '`let`', code: 'SC3039' },
  declare: { what: '`declare`', code: 'SC3044' },
  typeset: { what: '`typeset`', code: 'SC3044' },
  shopt: { what: '`shopt`', code: 'SC3044' },
  mapfile: { what: '`mapfile`', code: 'SC3044' },
  readarray: { what: '`readarray`', code: 'SC3044' },
  pushd: { what: '`pushd`', code: 'SC3044' },
  popd: { what: '`popd`', code: 'SC3044' },
};

const PARAMETER_OPERATORS: Record<string, { what: string; code: string }> = {
  '/': { what: 'pattern substitution `${var/a/b}`', code: 'SC3060' },
  '//': { what: 'pattern substitution `${var//a/b}`', code: 'SC3060' },
  '/#': { what: 'pattern substitution `${var/#a/b}`', code: 'SC3060' },
  '/%': { what: 'pattern substitution `${var/%a/b}`', code: 'SC3060' },
  ':': { what: 'substring expansion `${var:offset:length}`', code: 'SC3057' },
  '^': { what: 'case modification `${var^}`', code: 'SC3059' },
  '^^': { what: 'case modification `${var^^}`', code: 'SC3059' },
  ',': { what: 'case modification `${var,}`', code: 'SC3059' },
  ',,': { what: 'case modification `${var,,}`', code: 'SC3059' },
  '@': { what: 'parameter transformation `${var@Q}`', code: 'SC3059' },
};

/** Every bash-only construct of a script, in source order. */
export function findBashisms(shell: ShellDocument): Bashism[] {
  const out: Bashism[] = [];
  const add = (node: Locatable, what: string, code: string) =>
    out.push({ what, code, start: node.start, end: node.end, ...(node.file ? { file: node.file } : {}) });
  const assigned = new Set(variableWrites(shell).map((w) => w.name));

  walkNodes(shell.root, (n) => {
    switch (n.type) {
      case 'test_command': {
        const open = n.children[0];
        if (open?.type === '[[') add(n, '`[[ ]]`', 'SC3010');
        else if (open?.type === '[') for (const op of equalsOperators(n)) add(op, '`==` in `[ ]` (POSIX sh has `=`)', 'SC3014');
        break;
      }
      case 'variable_assignment': {
        const value = n.children.find((c) => c.field === 'value');
        if (value?.type === 'array') add(n, 'arrays', 'SC3030');
        else if (n.children.some((c) => c.field === 'name' && c.type === 'subscript')) add(n, 'arrays', 'SC3030');
        else if (n.children.some((c) => !c.named && c.type === '+=')) add(n, '`+=`', 'SC3024');
        break;
      }
      case 'function_definition':
        if (n.children[0]?.type === 'function') add(n.children[0], 'the `function` keyword (POSIX sh has `name() { …; }`)', 'SC2113');
        break;
      case 'process_substitution':
        add(n, 'process substitution `<(…)`', 'SC3001');
        return false;
      case 'expansion': {
        const first = n.children[1];
        if (first?.type === '!' && !first.named) add(n, 'indirect expansion `${!var}`', 'SC3053');
        if (n.children.some((c) => c.type === 'subscript')) add(n, 'arrays', 'SC3054');
        const op = n.children.find((c) => c.field === 'operator' && c.start > (n.children[1]?.start ?? n.start));
        const name = n.children.find((c) => c.type === 'variable_name');
        const known = op && name && op.start > name.start ? PARAMETER_OPERATORS[op.type] : undefined;
        if (known) add(n, known.what, known.code);
        if (name && BASH_VARIABLES.has(name.text) && !assigned.has(name.text)) add(n, `the bash variable \`${name.text}\``, 'SC3028');
        break;
      }
      case 'simple_expansion': {
        const name = n.children.find((c) => c.type === 'variable_name');
        if (name && BASH_VARIABLES.has(name.text) && !assigned.has(name.text)) add(n, `the bash variable \`${name.text}\``, 'SC3028');
        break;
      }
      case 'file_redirect': {
        const op = n.children.find((c) => !c.named);
        if (op?.type === '&>' || op?.type === '&>>') add(n, `\`${op.type}\` redirection (POSIX sh has \`>file 2>&1\`)`, 'SC3020');
        break;
      }
      case 'herestring_redirect':
        add(n, 'here-strings `<<<`', 'SC3011');
        break;
      case 'ansi_c_string':
        add(n, "`$'…'` strings", 'SC3003');
        break;
      case 'translated_string':
        add(n, '`$"…"` strings', 'SC3004');
        break;
      case 'c_style_for_statement':
        add(n.children[0] ?? n, 'C-style `for ((…))` loops', 'SC3005');
        break;
      case 'compound_statement':
        if (n.children[0]?.type === '((') add(n, 'the arithmetic command `((…))`', 'SC3006');
        break;
      case 'for_statement':
        if (n.children[0]?.type === 'select') add(n.children[0], '`select` loops', 'SC3008');
        break;
      case 'pipeline':
        for (const c of n.children) if (!c.named && c.type === '|&') add(c, '`|&` (POSIX sh has `2>&1 |`)', 'SC3029');
        break;
      case 'brace_expression':
        add(n, 'brace expansion `{a..b}`', 'SC3009');
        return false;
      case 'concatenation':
        if (isBraceList(n)) add(n, 'brace expansion `{a,b}`', 'SC3009');
        break;
      case 'string':
      case 'raw_string':
        // nothing inside a quoted string is brace-expanded; expansions inside still are checked
        break;
    }
    return true;
  });

  for (const cmd of flattenCommands(shell.commands)) {
    const b = cmd.name !== undefined && !cmd.outer ? BASH_BUILTINS[cmd.name] : undefined;
    if (b && cmd.nameWord) add(cmd.nameWord, b.what, b.code);
    if ((cmd.name === 'test' || cmd.name === '[') && !cmd.outer) {
      for (const a of cmd.args) if (a.value === '==') add(a, '`==` in `test` (POSIX sh has `=`)', 'SC3014');
    }
  }
  return dedupe(out);
}

function equalsOperators(test: ShNode): ShNode[] {
  const out: ShNode[] = [];
  walkNodes(test, (m) => {
    if (!m.named && m.type === '==' && m.field === 'operator') out.push(m);
    if (m.type === 'string' || m.type === 'command_substitution') return false;
    return true;
  });
  return out;
}

/** `{a,b}` / `x{a,b}y` (tree-sitter-bash gives a concatenation of `{`, `a,b`, `}` words). */
function isBraceList(node: ShNode): boolean {
  let open = false;
  let comma = false;
  for (const c of node.children) {
    if (c.type !== 'word') continue;
    if (c.text === '{') {
      open = true;
      comma = false;
    } else if (open && c.text === '}') {
      if (comma) return true;
      open = false;
    } else if (open && c.text.includes(',')) {
      comma = true;
    }
  }
  return false;
}

function dedupe(list: Bashism[]): Bashism[] {
  const seen = new Set<string>();
  return list
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .filter((b) => {
      const key = `${b.start}:${b.code}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
