/**
 * Which variables a shell text reads and which it (or the files it sources)
 * assigns, for the checks of unassigned (SC2154) and misspelt (SC2153)
 * names. Names are per file, as ShellCheck reads them: an assignment anywhere
 * (in a function, after the read) counts for every read of the name.
 *
 * A text is `opaque` when names may be assigned where this analysis cannot
 * see: `eval`, a `source` that is no script of the run (or whose path is
 * known only at run time), a nameref (`local -n`), a `read`/`printf -v`/
 * `declare` of a computed name. The checks then stay quiet about names they
 * do not know. So is a script that is a library, not a program: one without
 * a shebang, or one another script sources, reads what its callers assign.
 */
import { isSourcedByOther, sourceTarget } from '../../../src/stack/sourcing.js';
import { walkNodes } from '../../../src/parse/shell/tree.js';
import type { ShellDocument, ShNode } from '../../../src/parse/shell/types.js';
import { variableWrites } from '../../../src/parse/shell/vars.js';
import type { StackModel } from '../../../src/stack/model.js';
import type { ShellContext } from '../define.js';

/** One read of a variable: `$x`, `${x…}`, or a name in arithmetic. */
export interface VariableReference {
  readonly name: string;
  /** The expansion (from its `$`), or the name in arithmetic. */
  readonly node: ShNode;
  /** `${x:-…}`, `${x-…}`, `${x:?…}`, `${x:+…}`, `${x:=…}`: the text expects it may be unset. */
  readonly guarded: boolean;
}

export interface ShellVariableFacts {
  /** Names assigned in the text or in the scripts it sources, recursively. */
  readonly assigned: ReadonlySet<string>;
  /** Every read, in source order. */
  readonly references: readonly VariableReference[];
  /** Names may be assigned where this analysis cannot see (see the module comment). */
  readonly opaque: boolean;
}

/**
 * The shells' own variables and those every environment is expected to hold
 * (bash's manual, POSIX's environment variables, the proxy settings).
 */
export const SHELL_VARIABLES: ReadonlySet<string> = new Set([
  ...'BASH BASHOPTS BASHPID BASH_ALIASES BASH_ARGC BASH_ARGV BASH_ARGV0 BASH_CMDS BASH_COMMAND BASH_COMPAT BASH_ENV BASH_EXECUTION_STRING BASH_LINENO BASH_LOADABLES_PATH BASH_REMATCH BASH_SOURCE BASH_SUBSHELL BASH_VERSINFO BASH_VERSION BASH_XTRACEFD'.split(' '),
  ...'CDPATH CHILD_MAX COLUMNS COMPREPLY COMP_CWORD COMP_KEY COMP_LINE COMP_POINT COMP_TYPE COMP_WORDBREAKS COMP_WORDS COPROC DIRSTACK EMACS ENV EPOCHREALTIME EPOCHSECONDS EUID EXECIGNORE FCEDIT FIGNORE FUNCNAME FUNCNEST GLOBIGNORE GROUPS'.split(' '),
  ...'HISTCMD HISTCONTROL HISTFILE HISTFILESIZE HISTIGNORE HISTSIZE HISTTIMEFORMAT HOME HOSTFILE HOSTNAME HOSTTYPE IFS IGNOREEOF INPUTRC INSIDE_EMACS LANG LANGUAGE LC_ALL LC_COLLATE LC_CTYPE LC_MESSAGES LC_NUMERIC LC_TIME LINENO LINES LOGNAME'.split(' '),
  ...'MACHTYPE MAIL MAILCHECK MAILPATH MAPFILE OLDPWD OPTARG OPTERR OPTIND OSTYPE PATH PIPESTATUS POSIXLY_CORRECT PPID PROMPT_COMMAND PROMPT_DIRTRIM PS0 PS1 PS2 PS3 PS4 PWD RANDOM READLINE_LINE READLINE_POINT REPLY SECONDS SHELL SHELLOPTS SHLVL SRANDOM TERM TIMEFORMAT TMOUT TMPDIR TZ UID USER'.split(' '),
  ...'auto_resume histchars http_proxy https_proxy ftp_proxy no_proxy all_proxy'.split(' '),
]);

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** `${x<op>…}` operators that expect x may be unset (or set it). */
const GUARDS = new Set([':-', '-', ':?', '?', ':+', '+', ':=', '=']);
/** Arithmetic contexts, where a bare name is a read. */
const ARITHMETIC = new Set(['arithmetic_expansion', 'c_style_for_statement']);

const memo = new WeakMap<ShellDocument, ShellVariableFacts>();

/** The variables of the text under lint (a script, a `RUN` body, a compose string), with the scripts it sources. */
export function shellVariableFacts(ctx: ShellContext): ShellVariableFacts {
  const { shell, stack } = ctx;
  const known = memo.get(shell);
  if (known) return known;
  const assigned = new Set<string>();
  const library = !ctx.run && !ctx.composeScript && (!shell.shebang || isSourcedByOther(shell, stack));
  const opaque = collectAssigned(shell, stack, assigned, new Set()) || library;
  const facts = { assigned, references: references(shell), opaque };
  memo.set(shell, facts);
  return facts;
}

/**
 * The name among `candidates` that `name` is likely a misspelling of: the same
 * name in other case, or one edit (a letter added, dropped or changed) away,
 * the candidate being longer than three characters. Undefined when there is
 * none or several equally close.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const found = new Set<string>();
  for (const c of candidates) {
    if (c === name || c.length <= 3) continue;
    if (c.toLowerCase() === name.toLowerCase() || oneEditApart(c, name)) found.add(c);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Adds the names `shell` and what it sources assign; returns whether some may be assigned unseen. */
function collectAssigned(shell: ShellDocument, stack: StackModel, into: Set<string>, seen: Set<ShellDocument>): boolean {
  seen.add(shell);
  // a text the grammar does not fully read may assign in the parts it missed
  let opaque = shell.hasErrors;
  for (const w of variableWrites(shell)) into.add(w.name);
  // POSIX `for name do` (no `in`), which the grammar does not read as a loop
  for (const m of shell.text.matchAll(/\b(?:for|select)\s+([A-Za-z_][A-Za-z0-9_]*)\s/g)) into.add(m[1]!);
  walkNodes(shell.root, (n) => {
    if (n.type !== 'declaration_command') return;
    const flags = n.children.filter((c) => c.type === 'word' && c.text.startsWith('-')).map((c) => c.text);
    if (flags.some((f) => /^-\w*n/.test(f))) opaque = true; // a nameref assigns the variable it names
    for (const c of n.children.slice(1)) {
      if (c.type === 'variable_name') into.add(c.text);
      else if (c.type !== 'variable_assignment' && !(c.type === 'word' && (c.text.startsWith('-') || c.text.startsWith('+')))) opaque = true; // declare "$name=…"
    }
  });
  for (const cmd of shell.commands) {
    if (cmd.name === 'eval') opaque = true;
    else if ((cmd.name === 'read' || cmd.name === 'mapfile' || cmd.name === 'readarray') && cmd.args.some((a) => a.hasExpansion && !a.raw.startsWith('-'))) {
      // `read -r "$name"`: a computed name (a prompt or delimiter may hold an expansion too; quieter either way)
      opaque = true;
    } else if (cmd.name === 'printf' && cmd.args[0]?.value === '-v' && cmd.args[1]?.value === undefined) opaque = true;
    else if (cmd.name === 'source' || cmd.name === '.') {
      const target = sourceTarget(stack, shell, cmd);
      if (target.kind === 'script') {
        if (!seen.has(target.script) && collectAssigned(target.script, stack, into, seen)) opaque = true;
      } else if (target.kind !== 'ignored') opaque = true;
    }
  }
  return opaque;
}

function references(shell: ShellDocument): VariableReference[] {
  const out: VariableReference[] = [];
  walkNodes(shell.root, (n) => {
    // `for ((i = 0; i < n; i++))` holds its names as plain words
    if (n.type === 'word' && NAME.test(n.text) && inCStyleFor(n)) out.push({ name: n.text, node: n, guarded: false });
    if (n.type !== 'variable_name' || !NAME.test(n.text) || inArrayLiteral(n)) return;
    const parent = n.parent;
    if (!parent) return;
    if (parent.type === 'simple_expansion') out.push({ name: n.text, node: parent, guarded: false });
    else if (parent.type === 'expansion') braced(parent, n);
    else if (parent.type === 'subscript' && n.field === 'name') {
      if (parent.parent?.type === 'expansion') braced(parent.parent, parent);
      else if (inArithmetic(parent)) out.push({ name: n.text, node: n, guarded: false });
    } else if (inArithmetic(n) && !(parent.type === 'subscript' && n.field === 'index')) out.push({ name: n.text, node: n, guarded: false });
  });
  return out;

  function braced(expansion: ShNode, nameNode: ShNode): void {
    const name = nameNode.type === 'subscript' ? nameNode.children.find((c) => c.field === 'name')!.text : nameNode.text;
    if (/^\$\{!\w+[*@]\}$/.test(expansion.text)) return; // `${!prefix*}`: names, not a read of `prefix`
    const after = expansion.children.slice(expansion.children.indexOf(nameNode) + 1);
    out.push({ name, node: expansion, guarded: after.some((c) => GUARDS.has(c.type)) });
  }
}

/** In the `(( … ))` header of `for ((…))`. */
function inCStyleFor(n: ShNode): boolean {
  for (let p = n.parent; p; p = p.parent) {
    if (p.type === 'c_style_for_statement') return true;
    if (p.type === 'do_group' || p.type === 'command' || p.type === 'expansion' || p.type === 'command_substitution') return false;
  }
  return false;
}

/** Inside `x=( … )`: ShellCheck leaves these reads alone (`( [key]=value )` would read as names). */
function inArrayLiteral(n: ShNode): boolean {
  for (let p = n.parent; p; p = p.parent) if (p.type === 'array') return true;
  return false;
}

/** Inside `$(( … ))`, `(( … ))` or `for (( … ))`, and not inside a nested expansion. */
function inArithmetic(n: ShNode): boolean {
  for (let p = n.parent; p; p = p.parent) {
    if (ARITHMETIC.has(p.type) || (p.type === 'compound_statement' && p.children[0]?.type === '((')) return true;
    if (p.type === 'expansion' || p.type === 'simple_expansion' || p.type === 'command_substitution' || p.type === 'command') return false;
  }
  return false;
}
