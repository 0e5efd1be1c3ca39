/**
 * The command view: every simple command of a shell syntax tree as an
 * `ShCommand`, with wrappers looked through, redirects, pipelines, the
 * operators around it and where it sits.
 *
 * How it works: each statement sequence (program, `{ … }`, `( … )`, `$( … )`,
 * loop bodies, if branches, case items, …) is flattened into a linear stream of
 * items (simple commands and other statements) and operators (`&&`, `||`, `|`,
 * `|&`, `;`, `&`). Pipelines are the runs joined by `|`/`|&`; `before`/`after`
 * are the operators around a run; a newline is inferred between two items with
 * no operator. Working from the flat stream rather than from tree-sitter's
 * nesting makes the result right even where tree-sitter-bash 0.25 nests things
 * wrongly:
 * - `a && b >f`: the redirect is attached to the whole list; we give it to `b`;
 * - `echo >&2 "msg" x`: words after a redirect are parsed as more redirect
 *   destinations; we make them arguments of the command;
 * - `cat <<EOF | sh`, `cat <<EOF && x`, `cat <<EOF >f`: the rest of the line is
 *   nested inside the heredoc redirect; we put it back in the stream;
 * - `cat <<EOF ; echo x`: the `;` is an ERROR followed by loose words; we
 *   re-parse the rest of the line as a snippet;
 * - a command named by an unquoted reserved word (`done`, `fi`, `then`, …) can
 *   only come from error recovery (`for i do …`, `if then fi`): not a command.
 *
 * `[ … ]` / `[[ … ]]` are `test_command` nodes in tree-sitter-bash, not commands,
 * and are not listed. `export`/`local`/`declare`/`readonly`/`typeset` and
 * `unset` are listed (`declaration_command` / `unset_command` nodes), named
 * after their keyword; their `NAME=value` arguments are also in `assignments`.
 */
import { basename } from 'node:path';
import { commonAncestor } from './tree.js';
import type { ShSource } from './tree.js';
import type { ShAssignment, ShCommand, ShellDialect, ShNode, ShPipeline, ShRedirect, ShWord } from './types.js';
import { makeWord } from './words.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** What the command view needs from the document parser. */
export interface CommandEnv {
  /** The document's source (to read the text between nodes). */
  readonly source: ShSource;
  /** Parses a piece of the same document's text (`text` starts at file offset `baseOffset`); returns its root. */
  parseSnippet(text: string, baseOffset: number): ShNode;
  /**
   * Parses a script found in a string (`sh -c '…'`), starting at file offset
   * `baseOffset`; returns its commands, or undefined when nesting is too deep.
   */
  parseInner(text: string, baseOffset: number, dialect: ShellDialect): readonly ShCommand[] | undefined;
}

interface Ctx {
  readonly inCondition: boolean;
  readonly inSubstitution: boolean;
  readonly inFunction: boolean;
  readonly inSubshell: boolean;
}

const TOP_CTX: Ctx = { inCondition: false, inSubstitution: false, inFunction: false, inSubshell: false };

interface CmdItem {
  kind: 'cmd';
  node: ShNode;
  negated: boolean;
  /** Words the grammar put elsewhere (redirect destinations, heredoc line tail) that are arguments. */
  extraArgs: ShNode[];
  /** Redirects written outside the `command` node (in a `redirected_statement` or heredoc tail). */
  redirects: ShNode[];
  command?: Mutable<ShCommand>;
}

interface OtherItem {
  kind: 'other';
  node: ShNode;
  negated: boolean;
}

interface OpTok {
  kind: 'op';
  op: string;
  node: ShNode;
}

type Item = CmdItem | OtherItem;
type Tok = Item | OpTok;

interface Stream {
  toks: Tok[];
  /** Nodes that are not statements but may hold nested commands (`$(…)` in redirect targets, heredoc bodies, …). */
  extra: ShNode[];
}

interface Group {
  items: Item[];
  /** `pipeOps[i]` is the operator before `items[i + 1]`. */
  pipeOps: string[];
  before?: string;
  after?: string;
  closed: boolean;
}

interface State {
  env: CommandEnv;
  out: ShCommand[];
}

/** Separators between statements (the case terminators `;;`, `;&`, `;;&` are handled by case items). */
const SEPARATORS = new Set(['&&', '||', '|', '|&', ';', '&']);
const CASE_TERMINATORS = new Set([';;', ';&', ';;&']);
const REDIRECT_TYPES = new Set(['file_redirect', 'heredoc_redirect', 'herestring_redirect']);
const COMMAND_TYPES = new Set(['command', 'declaration_command', 'unset_command']);
/** Node types `linearize` takes apart (everything else becomes an `other` item). */
const STATEMENT_TYPES = new Set([...COMMAND_TYPES, 'list', 'pipeline', 'negated_command', 'redirected_statement']);
/** Reserved words that can never be the name of a simple command when unquoted. */
const RESERVED = new Set(['then', 'do', 'done', 'fi', 'else', 'elif', 'esac', 'in', '}', '{', '!', '[[', ']]']);

/** Collects the commands of a syntax tree, in source order. */
export function collectCommands(root: ShNode, env: CommandEnv): ShCommand[] {
  const st: State = { env, out: [] };
  visit(root, TOP_CTX, st);
  return st.out.sort((a, b) => a.start - b.start || b.end - a.end);
}

// ---------------------------------------------------------------------------
// Walking the tree

function visit(node: ShNode, ctx: Ctx, st: State): void {
  switch (node.type) {
    case 'program':
    case 'compound_statement':
    case 'do_group':
    case 'else_clause':
    case 'ERROR':
      processSequence(node.children, ctx, st);
      return;
    case 'subshell':
      processSequence(node.children, { ...ctx, inSubshell: true }, st);
      return;
    case 'command_substitution':
    case 'process_substitution':
      processSequence(node.children, { ...ctx, inSubstitution: true }, st);
      return;
    case 'if_statement':
    case 'elif_clause':
      visitIf(node, ctx, st);
      return;
    case 'while_statement': {
      const cond = node.children.filter((c) => c.field === 'condition');
      processSequence(cond, { ...ctx, inCondition: true }, st);
      for (const c of node.children) if (c.named && c.field !== 'condition') visit(c, ctx, st);
      return;
    }
    case 'function_definition':
      for (const c of node.children) {
        if (!c.named || c.field === 'name') continue;
        visit(c, c.field === 'body' ? { ...ctx, inFunction: true, inCondition: false } : ctx, st);
      }
      return;
    case 'case_item':
      visitCaseItem(node, ctx, st);
      return;
  }
  if (STATEMENT_TYPES.has(node.type)) {
    processSequence([node], ctx, st);
    return;
  }
  for (const c of node.children) if (c.named) visit(c, ctx, st);
}

function visitIf(node: ShNode, ctx: Ctx, st: State): void {
  const cond: ShNode[] = [];
  const body: ShNode[] = [];
  const clauses: ShNode[] = [];
  let inBody = false;
  for (const c of node.children) {
    if (!c.named) {
      if (c.type === 'then') {
        inBody = true;
        continue;
      }
      if (c.type === 'if' || c.type === 'elif' || c.type === 'fi') continue;
    }
    if (c.type === 'elif_clause' || c.type === 'else_clause') clauses.push(c);
    else (inBody ? body : cond).push(c);
  }
  processSequence(cond, { ...ctx, inCondition: true }, st);
  processSequence(body, ctx, st);
  for (const c of clauses) visit(c, ctx, st);
}

function visitCaseItem(node: ShNode, ctx: Ctx, st: State): void {
  const stmts: ShNode[] = [];
  let inBody = false;
  for (const c of node.children) {
    if (!inBody) {
      if (!c.named && c.type === ')') inBody = true;
      else if (c.named) visit(c, ctx, st); // patterns
      continue;
    }
    if (!c.named && CASE_TERMINATORS.has(c.type)) continue;
    stmts.push(c);
  }
  processSequence(stmts, ctx, st);
}

// ---------------------------------------------------------------------------
// Flattening a statement sequence

function processSequence(nodes: readonly ShNode[], ctx: Ctx, st: State): void {
  if (nodes.length === 0) return;
  const stream: Stream = { toks: [], extra: [] };
  for (const n of nodes) linearize(n, stream, false, st);
  buildSequence(stream, ctx, st);
}

function linearize(node: ShNode, s: Stream, negated: boolean, st: State): void {
  if (!node.named) {
    if (SEPARATORS.has(node.type)) s.toks.push({ kind: 'op', op: node.type, node });
    return;
  }
  switch (node.type) {
    case 'comment':
      return;
    case 'list':
    case 'pipeline':
      for (const c of node.children) linearize(c, s, negated, st);
      return;
    case 'negated_command':
      for (const c of node.children) linearize(c, s, true, st);
      return;
    case 'redirected_statement': {
      const mark = s.toks.length;
      const redirects: ShNode[] = [];
      node.children.forEach((c, i) => {
        if (c.field === 'redirect' || REDIRECT_TYPES.has(c.type)) redirects.push(c);
        else if (c.field === 'body') linearize(c, s, negated, st);
        else if (isSplitHereString(c, node.children[i + 1])) HERE_STRING_FIXES.set(node.children[i + 1]!, c.start);
        else if (c.named && c.type !== 'comment') s.extra.push(c);
      });
      const last = s.toks.length > mark ? s.toks[s.toks.length - 1] : undefined;
      const target = last?.kind === 'cmd' ? last : undefined;
      for (const r of redirects) handleRedirect(r, target, s, st);
      return;
    }
    case 'command':
    case 'declaration_command':
    case 'unset_command':
      if (isReservedWordCommand(node)) s.toks.push({ kind: 'other', node, negated });
      else s.toks.push({ kind: 'cmd', node, negated, extraArgs: [], redirects: [] });
      return;
    default:
      s.toks.push({ kind: 'other', node, negated });
  }
}

/**
 * Grammar gap: a here-string after another redirect (`cmd 2>&1 <<<"$x"`)
 * comes out as an ERROR `<<` followed by a `<` file redirect. Such redirects
 * are made here-strings starting at the ERROR.
 */
const HERE_STRING_FIXES = new WeakMap<ShNode, number>();

function isSplitHereString(node: ShNode, next: ShNode | undefined): boolean {
  return (
    node.type === 'ERROR' &&
    node.text === '<<' &&
    next?.type === 'file_redirect' &&
    next.start === node.end &&
    next.children.some((c) => !c.named && c.type === '<' && c.start === next.start)
  );
}

function isReservedWordCommand(node: ShNode): boolean {
  if (node.type !== 'command') return false;
  const name = node.children.find((c) => c.field === 'name');
  const word = name?.children.length === 1 ? name.children[0]! : undefined;
  return word !== undefined && word.type === 'word' && RESERVED.has(word.text);
}

/** Attaches a redirect to `target` and puts whatever tree-sitter nested in it (heredoc line tail) back in the stream. */
function handleRedirect(r: ShNode, target: CmdItem | undefined, s: Stream, st: State): void {
  if (target) target.redirects.push(r);
  else s.extra.push(...redirectVisitParts(r));
  if (r.type === 'file_redirect') {
    const dests = r.children.filter((c) => c.field === 'destination');
    if (target && dests.length > 1) target.extraArgs.push(...dests.slice(1));
    return;
  }
  if (r.type !== 'heredoc_redirect') return;
  const startIndex = r.children.findIndex((c) => c.type === 'heredoc_start');
  if (startIndex < 0) return;
  let loose = false;
  for (let i = startIndex + 1; i < r.children.length; i++) {
    const c = r.children[i]!;
    if (c.type === 'heredoc_body' || c.type === 'heredoc_end' || loose) continue;
    if (c.field === 'redirect' || REDIRECT_TYPES.has(c.type)) {
      handleRedirect(c, target, s, st);
    } else if (c.field === 'argument') {
      if (target) target.extraArgs.push(c);
      else s.extra.push(c);
    } else if (c.type === 'ERROR') {
      const sep = c.text.trim();
      if (sep === ';' || sep === '&') {
        // `cat <<EOF ; more stuff`: tree-sitter gives up on the rest of the
        // line (loose words); parse it on its own.
        s.toks.push({ kind: 'op', op: sep, node: c });
        const stop = r.children.find((x) => x.type === 'heredoc_body' || x.type === 'heredoc_end')?.start ?? r.end;
        const text = sliceSource(st.env.source, c.end, stop);
        if (text.trim() !== '') {
          const root = st.env.parseSnippet(text, c.end);
          for (const n of root.children) linearize(n, s, false, st);
        }
        loose = true;
      } else {
        s.toks.push({ kind: 'other', node: c, negated: false });
      }
    } else {
      linearize(c, s, false, st);
    }
  }
}

/** The parts of a redirect that may contain nested commands (never the heredoc line tail). */
function redirectVisitParts(r: ShNode): ShNode[] {
  switch (r.type) {
    case 'file_redirect':
      return r.children.filter((c) => c.field === 'destination');
    case 'heredoc_redirect':
      return r.children.filter((c) => c.type === 'heredoc_body');
    default:
      return r.children.filter((c) => c.named && c.field !== 'descriptor' && c.type !== 'file_descriptor');
  }
}

function sliceSource(source: ShSource, start: number, end: number): string {
  return source.text.slice(start - source.baseOffset, end - source.baseOffset);
}

// ---------------------------------------------------------------------------
// Building commands from the flat stream

function buildSequence(s: Stream, ctx: Ctx, st: State): void {
  const groups: Group[] = [];
  let cur: Group | undefined;
  let pendingPipe: string | undefined;
  let sep: string | undefined;
  for (const tok of s.toks) {
    if (tok.kind === 'op') {
      if (tok.op === '|' || tok.op === '|&') {
        if (cur && !cur.closed) pendingPipe = tok.op;
        continue;
      }
      if (cur && !cur.closed) {
        cur.after = tok.op;
        cur.closed = true;
      }
      sep = tok.op;
      pendingPipe = undefined;
      continue;
    }
    if (cur && !cur.closed) {
      if (pendingPipe) {
        cur.items.push(tok);
        cur.pipeOps.push(pendingPipe);
        pendingPipe = undefined;
        continue;
      }
      // two statements with no operator between them: a newline (or nothing sensible)
      const gap = sliceSource(st.env.source, itemEnd(cur.items[cur.items.length - 1]!), tok.node.start);
      cur.after = gap.includes('\n') ? '\n' : undefined;
      cur.closed = true;
      sep = cur.after;
    }
    cur = { items: [tok], pipeOps: [], before: sep, closed: false };
    groups.push(cur);
    sep = undefined;
  }

  // create the commands
  for (const g of groups) {
    for (const item of g.items) if (item.kind === 'cmd') item.command = buildCommand(item, ctx, st);
  }
  // join them up
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi]!;
    const pipeline = g.items.length > 1 ? buildPipeline(g) : undefined;
    const prevItem = groups[gi - 1]?.items.at(-1);
    const nextItem = groups[gi + 1]?.items[0];
    const previous = prevItem?.kind === 'cmd' ? prevItem.command : undefined;
    const next = nextItem?.kind === 'cmd' ? nextItem.command : undefined;
    // `! a | b` negates the whole pipeline; tree-sitter nests the `!` around `a` only
    const negated = g.items[0]!.negated;
    for (const item of g.items) {
      const c = item.kind === 'cmd' ? item.command : undefined;
      if (!c) continue;
      if (negated) c.negated = true;
      if (g.before !== undefined) c.before = g.before;
      if (g.after !== undefined) c.after = g.after;
      if (pipeline) c.pipeline = pipeline;
      if (previous) c.previous = previous;
      if (next) c.next = next;
    }
  }
  // nested commands, in order
  for (const tok of s.toks) {
    if (tok.kind === 'cmd') {
      st.out.push(tok.command!);
      visitCommandParts(tok, ctx, st);
    } else if (tok.kind === 'other') {
      // a reserved-word "command" is only error recovery: look inside, not at it
      if (STATEMENT_TYPES.has(tok.node.type)) for (const c of tok.node.children) visitWordPart(c, ctx, st);
      else visit(tok.node, ctx, st);
    }
  }
  for (const n of s.extra) visit(n, ctx, st);
}

function visitWordPart(node: ShNode, ctx: Ctx, st: State): void {
  if (node.named && node.type !== 'comment') visit(node, ctx, st);
}

function visitCommandParts(item: CmdItem, ctx: Ctx, st: State): void {
  for (const c of item.node.children) {
    if (c.field === 'redirect' || REDIRECT_TYPES.has(c.type)) {
      for (const p of redirectVisitParts(c)) visit(p, ctx, st);
    } else {
      visitWordPart(c, ctx, st);
    }
  }
  for (const a of item.extraArgs) visit(a, ctx, st);
  for (const r of item.redirects) {
    // destinations after the first were turned into arguments and visited above
    const parts = redirectVisitParts(r);
    for (const p of r.type === 'file_redirect' ? parts.slice(0, 1) : parts) visit(p, ctx, st);
  }
}

function itemEnd(item: Item): number {
  if (item.kind === 'other') return item.node.end;
  return item.command?.end ?? item.node.end;
}

function buildPipeline(g: Group): ShPipeline {
  const commands: ShCommand[] = [];
  const operators: string[] = [];
  g.items.forEach((item, i) => {
    if (item.kind !== 'cmd' || !item.command) return;
    if (commands.length > 0) operators.push(g.pipeOps[i - 1] ?? '|');
    commands.push(item.command);
  });
  const first = g.items[0]!;
  const last = g.items[g.items.length - 1]!;
  return {
    node: commonAncestor(first.node, last.node) ?? first.node,
    commands,
    operators,
    start: first.node.start,
    end: itemEnd(last),
    file: first.node.file,
  };
}

function buildCommand(item: CmdItem, ctx: Ctx, st: State): Mutable<ShCommand> {
  const n = item.node;
  let nameNode: ShNode | undefined;
  const argNodes: ShNode[] = [];
  const redirectNodes: ShNode[] = [];
  const assignments: ShAssignment[] = [];
  if (n.type === 'command') {
    for (const c of n.children) {
      if (c.field === 'name') nameNode = c.children.length === 1 ? c.children[0]! : c;
      else if (c.field === 'argument') argNodes.push(c);
      else if (c.field === 'redirect' || REDIRECT_TYPES.has(c.type)) redirectNodes.push(c);
      else if (c.type === 'variable_assignment') assignments.push(makeAssignment(c));
    }
  } else {
    // declaration_command / unset_command: keyword, then its arguments
    for (const c of n.children) {
      if (!c.named) {
        if (!nameNode) nameNode = c;
        continue;
      }
      if (c.type === 'comment') continue;
      if (REDIRECT_TYPES.has(c.type)) {
        redirectNodes.push(c);
        continue;
      }
      argNodes.push(c);
      if (c.type === 'variable_assignment') assignments.push(makeAssignment(c));
    }
  }
  redirectNodes.push(...item.redirects);
  argNodes.push(...item.extraArgs);
  argNodes.sort((a, b) => a.start - b.start);

  const words = (nameNode ? [nameNode, ...argNodes] : argNodes).map(makeWord);
  const resolved = resolveWrappers(words);
  assignments.push(...resolved.assignments.map(assignmentFromWord));
  const nameWord = resolved.index < words.length ? words[resolved.index] : undefined;
  const redirects = redirectNodes.map(makeRedirect);

  let end = n.end;
  for (const a of item.extraArgs) end = Math.max(end, a.end);
  for (const r of redirects) end = Math.max(end, r.node.type === 'heredoc_redirect' ? (r.target?.end ?? r.start) : r.end);

  const cmd: Mutable<ShCommand> = {
    node: n,
    name: nameWord?.value,
    nameWord,
    args: nameWord ? words.slice(resolved.index + 1) : [],
    words,
    wrappers: resolved.wrappers,
    assignments,
    redirects,
    inCondition: ctx.inCondition,
    inSubstitution: ctx.inSubstitution,
    inFunction: ctx.inFunction,
    inSubshell: ctx.inSubshell,
    negated: item.negated,
    start: n.start,
    end,
    file: n.file,
  };
  const inner = innerCommands(cmd, st);
  if (inner) cmd.inner = inner;
  return cmd;
}

function makeAssignment(node: ShNode): ShAssignment {
  const nameNode = node.children.find((c) => c.field === 'name');
  const valueNode = node.children.find((c) => c.field === 'value');
  const a: Mutable<ShAssignment> = {
    node,
    name: nameNode?.text ?? node.text.replace(/\+?=[\s\S]*$/, ''),
    start: node.start,
    end: node.end,
    file: node.file,
  };
  if (valueNode) a.value = makeWord(valueNode);
  return a;
}

/** `NAME=value` given as a word (to `env` or `sudo`). */
function assignmentFromWord(w: ShWord): ShAssignment {
  const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(w.raw)![0];
  const prefix = name.length + 1;
  const a: Mutable<ShAssignment> = { node: w.node, name, start: w.start, end: w.end, file: w.file };
  if (w.raw.length > prefix) {
    a.value = {
      node: w.node,
      raw: w.raw.slice(prefix),
      value: w.value?.slice(prefix),
      hasExpansion: w.hasExpansion,
      hasUnquotedExpansion: w.hasUnquotedExpansion,
      start: w.start + prefix,
      end: w.end,
      file: w.file,
    };
  }
  return a;
}

function makeRedirect(r: ShNode): ShRedirect {
  const red: Mutable<ShRedirect> = { node: r, operator: '', start: r.start, end: r.end, file: r.file };
  for (const c of r.children) {
    if (c.field === 'descriptor' || c.type === 'file_descriptor') {
      if (/^\d+$/.test(c.text)) red.fd = Number(c.text);
    } else if (!c.named) {
      if (!red.operator && !red.target) red.operator = c.type;
    } else if (r.type === 'heredoc_redirect') {
      if (c.type === 'heredoc_start') red.target = makeWord(c);
      else if (c.type === 'heredoc_body') red.heredoc = c;
    } else if (!red.target && (r.type !== 'file_redirect' || c.field === 'destination')) {
      red.target = makeWord(c);
    }
  }
  if (r.type === 'file_redirect' && red.target) red.end = red.target.end;
  const hereStringStart = HERE_STRING_FIXES.get(r);
  if (hereStringStart !== undefined) {
    red.operator = '<<<';
    red.start = hereStringStart;
  }
  return red;
}

// ---------------------------------------------------------------------------
// Wrappers

interface WrapperSpec {
  /** Short options that take a value (`-u user` / `-uuser`). */
  short?: string;
  /** Long options that take a separate value when written without `=`. */
  long?: readonly string[];
  /** Options that mean the wrapper does not run the command (`command -v`, `sudo -l`). */
  notRunShort?: string;
  notRunLong?: readonly string[];
  /** `NAME=value` words before the command are assignments (`env`, `sudo`). */
  assignments?: boolean;
}

const WRAPPERS: Record<string, WrapperSpec> = {
  sudo: {
    short: 'ugpCrtUTDR',
    long: [
      '--user',
      '--group',
      '--prompt',
      '--close-from',
      '--role',
      '--type',
      '--other-user',
      '--command-timeout',
      '--chdir',
      '--chroot',
      '--host',
    ],
    notRunShort: 'elvKVh',
    notRunLong: ['--edit', '--list', '--validate', '--version', '--help', '--remove-timestamp'],
    assignments: true,
  },
  doas: { short: 'uC', notRunShort: 'L' },
  env: {
    short: 'uCSP',
    long: ['--unset', '--chdir', '--split-string'],
    notRunLong: ['--help', '--version'],
    assignments: true,
  },
  command: { notRunShort: 'vV' },
  exec: { short: 'a' },
  nohup: {},
  time: { short: 'fo', long: ['--format', '--output'] },
  nice: { short: 'n', long: ['--adjustment'] },
  xargs: {
    short: 'adEILnPs',
    long: [
      '--arg-file',
      '--delimiter',
      '--max-args',
      '--max-lines',
      '--max-procs',
      '--max-chars',
      '--process-slot-var',
    ],
    notRunLong: ['--help', '--version'],
  },
};

const ASSIGNMENT_RE = /^[A-Za-z_][A-Za-z0-9_]*=/;

interface WrapperResolution {
  /** Index in `words` of the command name (`words.length` when there is none). */
  index: number;
  wrappers: string[];
  assignments: ShWord[];
}

function resolveWrappers(words: readonly ShWord[]): WrapperResolution {
  const wrappers: string[] = [];
  const assignments: ShWord[] = [];
  let i = 0;
  while (i < words.length) {
    const v = words[i]!.value;
    if (v === undefined) break;
    const base = basename(v);
    const spec = WRAPPERS[base];
    if (!spec) break;
    const found: ShWord[] = [];
    const next = skipWrapperOptions(spec, words, i + 1, found);
    if (next === undefined || next >= words.length) break;
    wrappers.push(base);
    assignments.push(...found);
    i = next;
  }
  return { index: i, wrappers, assignments };
}

/** Index of the word after the wrapper's options, or undefined when the wrapper does not run a command. */
function skipWrapperOptions(spec: WrapperSpec, words: readonly ShWord[], start: number, assigns: ShWord[]): number | undefined {
  let j = start;
  while (j < words.length) {
    const w = words[j]!;
    if (spec.assignments && ASSIGNMENT_RE.test(w.raw)) {
      assigns.push(w);
      j++;
      continue;
    }
    const v = w.value;
    if (v === undefined) return j;
    if (v === '--') return j + 1;
    if (v.startsWith('--')) {
      const eq = v.indexOf('=');
      const name = eq < 0 ? v : v.slice(0, eq);
      if (spec.notRunLong?.includes(name)) return undefined;
      j += eq < 0 && spec.long?.includes(name) ? 2 : 1;
      continue;
    }
    if (v === '-') {
      j++; // `env -`
      continue;
    }
    if (v.startsWith('-') && v.length > 1) {
      let takesNext = false;
      for (let k = 1; k < v.length; k++) {
        const ch = v[k]!;
        if (spec.notRunShort?.includes(ch)) return undefined;
        if (spec.short?.includes(ch)) {
          takesNext = k === v.length - 1;
          break;
        }
      }
      j += takesNext ? 2 : 1;
      continue;
    }
    return j;
  }
  return j;
}

// ---------------------------------------------------------------------------
// sh -c '…'

const SHELL_DIALECTS: Record<string, ShellDialect> = {
  sh: 'sh',
  bash: 'bash',
  dash: 'dash',
  ash: 'ash',
  ksh: 'ksh',
  mksh: 'ksh',
  ksh93: 'ksh',
  zsh: 'zsh',
};

function innerCommands(cmd: Mutable<ShCommand>, st: State): readonly ShCommand[] | undefined {
  if (cmd.name === undefined) return undefined;
  let base = basename(cmd.name);
  let args = cmd.args;
  if (base === 'busybox') {
    const applet = args[0]?.value;
    if (applet !== 'sh' && applet !== 'ash') return undefined;
    base = 'ash';
    args = args.slice(1);
  }
  const dialect = SHELL_DIALECTS[base];
  if (!dialect) return undefined;
  const script = findScriptArg(args);
  if (!script) return undefined;
  const content = staticContent(script);
  if (!content) return undefined;
  const inner = st.env.parseInner(content.text, content.offset, dialect);
  if (!inner) return undefined;
  for (const c of inner) if (!c.outer) (c as Mutable<ShCommand>).outer = cmd;
  return inner;
}

/** The script argument of `sh [options] -c script [name args…]`. */
function findScriptArg(args: readonly ShWord[]): ShWord | undefined {
  let hasC = false;
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v === undefined) return hasC ? args[i] : undefined;
    if (v === '--' || v === '-') return hasC ? args[i + 1] : undefined;
    if (v.startsWith('--')) {
      if (v === '--rcfile' || v === '--init-file') i++;
      continue;
    }
    if ((v.startsWith('-') || v.startsWith('+')) && v.length > 1) {
      if (v.startsWith('-') && v.includes('c')) hasC = true;
      const last = v[v.length - 1];
      if (last === 'o' || last === 'O') i++; // `-o pipefail`, `+O extglob`
      continue;
    }
    return hasC ? args[i] : undefined;
  }
  return undefined;
}

/** The script's text and its file offset, when its source text is the value itself (no escapes to undo). */
function staticContent(w: ShWord): { text: string; offset: number } | undefined {
  const value = w.value;
  if (value === undefined) return undefined;
  const raw = w.raw;
  switch (w.node.type) {
    case 'raw_string':
      return raw.endsWith("'") && raw.length >= 2 ? { text: value, offset: w.start + 1 } : undefined;
    case 'string':
      return raw.length >= 2 && raw.endsWith('"') && raw.slice(1, -1) === value
        ? { text: value, offset: w.start + 1 }
        : undefined;
    case 'ansi_c_string':
      return raw.length >= 3 && raw.endsWith("'") && raw.slice(2, -1) === value
        ? { text: value, offset: w.start + 2 }
        : undefined;
    case 'word':
      return raw === value ? { text: value, offset: w.start } : undefined;
    default:
      return undefined;
  }
}

/** Every command with the `inner` commands of `sh -c` scripts spliced in after their outer command. */
export function flattenCommands(commands: readonly ShCommand[]): ShCommand[] {
  const out: ShCommand[] = [];
  const add = (list: readonly ShCommand[]): void => {
    for (const c of list) {
      out.push(c);
      if (c.inner) add(c.inner);
    }
  };
  add(commands);
  return out;
}
