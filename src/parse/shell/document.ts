/**
 * `ShellParser.parse`: text → `ShellDocument` (syntax tree, commands, shebang,
 * dialect, comments). Synchronous; the parser comes from `getShellParser()`.
 */
import { basename, extname } from 'node:path';
import type { Parser as TsParser } from 'web-tree-sitter';
import type { SourceFile } from '../../core/source.js';
import { collectCommands, type CommandEnv } from './commands.js';
import { derived, registerDocument } from './command-memo.js';
import { recallTree, rememberTree } from './tree-memo.js';
import { convertTree, findNodes, insertionMap, mayContain, ShellTooDeep, ShSyntaxNode, walkNodes, type ShSource } from './tree.js';
import type { Shebang, ShCommand, ShellDialect, ShellDocument, ShellParseOptions, ShellParser, ShNode, TooComplex } from './types.js';

/** How deep `sh -c "sh -c '…'"` scripts are parsed. */
const MAX_INNER_DEPTH = 4;

export class TreeSitterShellParser implements ShellParser {
  constructor(private readonly ts: TsParser) {}

  parse(options: ShellParseOptions): ShellDocument {
    const file = options.file;
    return this.build(file, options.text ?? file.text, options.baseOffset ?? 0, options.dialect, 0);
  }

  private build(
    file: SourceFile,
    text: string,
    baseOffset: number,
    dialectOverride: ShellDialect | undefined,
    depth: number,
  ): ShellDocument {
    const source: ShSource = { file, text, baseOffset };
    const { root, hasErrors, recalled, nodes, tooComplex } = parseTree(this.ts, source);
    const shebang = parseShebang(text, baseOffset, file);
    const dialect = dialectOverride ?? dialectFromShebang(shebang) ?? dialectFromPath(file.path);
    const env: CommandEnv = {
      source,
      parseSnippet: (t, offset) => parseTree(this.ts, { file, text: t, baseOffset: offset }).root,
      parseInner: (t, offset, d) =>
        depth >= MAX_INNER_DEPTH ? undefined : this.build(file, t, offset, d, depth + 1).commands,
    };
    // The command view and the comment list are built when first read: many
    // uses of a document (a syntax check, a fix pass re-parse, rules switched
    // off) never need them.
    let commands: readonly ShCommand[] | undefined;
    let comments: readonly ShNode[] | undefined;
    const doc: ShellDocument = {
      file,
      text,
      baseOffset,
      dialect,
      shebang,
      root,
      get commands() {
        return (commands ??= derived(doc, 'commands', () => collectCommands(root, env)));
      },
      get comments() {
        return (comments ??= mayContain(root, 'comment') ? findNodes(root, 'comment') : []);
      },
      hasErrors,
      ...(tooComplex ? { tooComplex } : {}),
    };
    // A text seen before may copy what is derived from it (commands, variable writes) from an earlier
    // document (command-memo.ts); inner `sh -c` scripts stop at a depth, so theirs depend on more than the text.
    if (depth === 0) registerDocument(doc, { source, root, nodes, repeated: recalled === true });
    return doc;
  }
}

/**
 * Parses `source.text` with tree-sitter and converts the tree; the tree-sitter
 * tree is deleted before returning.
 *
 * Works around one grammar gap: tree-sitter-bash reads an unquoted heredoc
 * delimiter up to the next blank, so in `cat <<EOF; x` or `cat <<EOF|sh` the
 * delimiter becomes `EOF;` / `EOF|sh`, the heredoc never ends and swallows the
 * rest of the file (with no ERROR node). We re-parse with a space inserted
 * before the metacharacter and map offsets back, so node offsets and texts are
 * those of the original text.
 */
export function parseTree(
  ts: TsParser,
  source: ShSource,
): { root: ShSyntaxNode; hasErrors: boolean; recalled?: true; nodes?: readonly ShSyntaxNode[]; tooComplex?: TooComplex } {
  // The same text parsed before (a copied script, a repeated `RUN` body): rebuilt without tree-sitter (tree-memo.ts).
  const known = recallTree(source);
  if (known) return known;
  let parsed: { root: ShSyntaxNode; hasErrors: boolean };
  try {
    parsed = parseTreeFresh(ts, source);
  } catch (e) {
    if (!(e instanceof ShellTooDeep)) throw e;
    // Too deep to walk: an empty script stands in for it (nothing to check, nothing to fix), and the document says why.
    const end = source.baseOffset + source.text.length;
    const root = new ShSyntaxNode('program', true, undefined, undefined, source.baseOffset, end, false, source);
    return { root, hasErrors: false, tooComplex: { message: e.message, offset: e.offset } };
  }
  rememberTree(source, parsed.root, parsed.hasErrors);
  return parsed;
}

function parseTreeFresh(ts: TsParser, source: ShSource): { root: ShSyntaxNode; hasErrors: boolean } {
  const inserts: number[] = [];
  for (let round = 0; ; round++) {
    const text = inserts.length > 0 ? withSpaces(source.text, inserts) : source.text;
    const tree = ts.parse(text);
    if (!tree) throw new Error('tree-sitter did not return a tree');
    let root: ShSyntaxNode;
    let hasErrors: boolean;
    try {
      root = convertTree(tree, source, insertionMap(inserts));
      hasErrors = tree.rootNode.hasError;
    } finally {
      tree.delete();
    }
    if (round >= 3 || !source.text.includes('<<')) return { root, hasErrors };
    const fresh = heredocDelimiterFixes(root, source).filter((p) => !inserts.includes(p));
    if (fresh.length === 0) return { root, hasErrors };
    inserts.push(...fresh);
    inserts.sort((a, b) => a - b);
  }
}

function withSpaces(text: string, positions: readonly number[]): string {
  let out = '';
  let prev = 0;
  for (const p of positions) {
    out += text.slice(prev, p) + ' ';
    prev = p;
  }
  return out + text.slice(prev);
}

/** Offsets (into `source.text`) of metacharacters that tree-sitter took into a heredoc delimiter. */
function heredocDelimiterFixes(root: ShSyntaxNode, source: ShSource): number[] {
  const out: number[] = [];
  walkNodes(root, (n) => {
    if (n.type !== 'heredoc_start') return;
    const i = unquotedMetachar(n.text);
    if (i > 0) out.push(n.start - source.baseOffset + i);
  });
  return out;
}

function unquotedMetachar(word: string): number {
  for (let i = 0; i < word.length; i++) {
    const c = word[i]!;
    if (c === '\\') i++;
    else if (c === "'" || c === '"') {
      const close = word.indexOf(c, i + 1);
      if (close < 0) return -1;
      i = close;
    } else if (';|&<>()'.includes(c)) return i;
  }
  return -1;
}

// ---------------------------------------------------------------------------
// Shebang and dialect

/**
 * The `#!` line at the very start of `text`, if any. `#!/usr/bin/env [-S] bash -e`
 * resolves to interpreter `bash` with args `['-e']`; env's own options and
 * `NAME=value` words are skipped.
 */
export function parseShebang(text: string, baseOffset: number, file?: SourceFile): Shebang | undefined {
  if (!text.startsWith('#!')) return undefined;
  const nl = text.search(/\r?\n/);
  const line = nl < 0 ? text : text.slice(0, nl);
  const tokens = line.slice(2).trim().split(/\s+/).filter(Boolean);
  const path = tokens[0];
  if (path === undefined) return undefined;
  let args = tokens.slice(1);
  let interpreter = basename(path);
  if (interpreter === 'env') {
    let i = 0;
    while (i < args.length) {
      const t = args[i]!;
      if (t === '-S' || t === '--split-string' || t === '-i' || t === '-' || t === '--ignore-environment') i++;
      else if (t.startsWith('--split-string=')) args[i] = t.slice('--split-string='.length);
      else if (/^-[^-]*S./.test(t)) args[i] = t.slice(t.indexOf('S') + 1); // `-Sbash`, `-vSbash`
      else if (t === '-u' || t === '--unset' || t === '-C' || t === '--chdir' || t === '-P') i += 2;
      else if (t.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(t)) i++;
      else break;
    }
    if (i < args.length) {
      interpreter = basename(args[i]!);
      args = args.slice(i + 1);
    } else {
      args = [];
    }
  }
  return { path, interpreter, args, start: baseOffset, end: baseOffset + line.length, file };
}

const INTERPRETER_DIALECTS: Record<string, ShellDialect> = {
  sh: 'sh',
  bash: 'bash',
  bats: 'bash',
  dash: 'dash',
  ash: 'ash',
  ksh: 'ksh',
  ksh93: 'ksh',
  mksh: 'ksh',
  pdksh: 'ksh',
  lksh: 'ksh',
  oksh: 'ksh',
  zsh: 'zsh',
  busybox: 'busybox',
};

/** The dialect a shebang names (`bash5` counts as `bash`), or undefined for other interpreters. */
export function dialectFromShebang(shebang: Shebang | undefined): ShellDialect | undefined {
  if (!shebang) return undefined;
  const name = shebang.interpreter.replace(/[-.\d]+$/, '');
  if (name === 'busybox' && (shebang.args[0] === 'sh' || shebang.args[0] === 'ash')) return 'busybox';
  return INTERPRETER_DIALECTS[name];
}

const EXTENSION_DIALECTS: Record<string, ShellDialect> = {
  '.bash': 'bash',
  '.bats': 'bash',
  '.ksh': 'ksh',
  '.mksh': 'ksh',
  '.zsh': 'zsh',
  '.dash': 'dash',
  '.ash': 'ash',
};

const BASENAME_DIALECTS: Record<string, ShellDialect> = {
  '.bashrc': 'bash',
  '.bash_profile': 'bash',
  '.bash_login': 'bash',
  '.bash_logout': 'bash',
  '.bash_aliases': 'bash',
  '.zshrc': 'zsh',
  '.zshenv': 'zsh',
  '.zprofile': 'zsh',
  '.zlogin': 'zsh',
};

/**
 * The dialect a file name implies when there is no shebang. A `.sh` file
 * without a shebang gives `unknown`, not `sh`: it runs under whatever shell the
 * caller picks (`bash x.sh`, `source x.sh` from a bash script…), and guessing
 * POSIX sh would flag every bashism in it. Rules treat `unknown` leniently
 * (bash syntax accepted) and the bash-only-syntax-under-sh check stays quiet.
 */
export function dialectFromPath(path: string): ShellDialect {
  const name = basename(path);
  return BASENAME_DIALECTS[name] ?? EXTENSION_DIALECTS[extname(name).toLowerCase()] ?? 'unknown';
}
