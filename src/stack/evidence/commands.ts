/**
 * Finds `docker compose` and `docker build` invocations in shell command text,
 * wherever it is written: a script, a Makefile recipe, a `package.json`
 * script, a CI step, a README code block. A small word splitter (quotes,
 * `\` continuations, `&&`/`;`/`|` lists, `cd`, `VAR=value`, `export`) is all
 * these need: the evidence is the words of one command, not the program.
 *
 * A variable the text does not set becomes `*` in a path: the planner then
 * matches the path against the repository's files (`-f "$DIR/compose.yaml"`
 * in a CI matrix names every `ci/<scenario>/compose.yaml`).
 */
import path from 'node:path';
import type { BuildRun, ComposeRun, SourceRun } from './types.js';

/** A line of command text and its 1-based line in the file. */
export interface CommandLine {
  readonly text: string;
  readonly line: number;
  /** The file the line is written in, when not the evidence file (a sourcing script's lines, read before the sourced one's). */
  readonly file?: string;
}

export interface CommandOptions {
  /** The evidence file (for `at`). */
  readonly file: string;
  /** The folder the commands start in. */
  readonly cwd: string;
  /** Variables set around the text (a CI job's `env:`, Make variables), by name. */
  readonly variables?: ReadonlyMap<string, string>;
  /** The text runs with `variables` in its environment (CI `env:`), not only in its own expansions (Make). */
  readonly exported?: boolean;
  /** The text is a CI job's. */
  readonly ci?: boolean;
  /** Folders the commands may run in instead of `cwd` (the folders above a README). */
  readonly otherCwds?: readonly string[];
  /** Each line is its own shell (a Makefile recipe): `cd` does not carry to the next line. */
  readonly lineIsShell?: boolean;
  /** How variables are written besides `$X`/`${X}`: Make's `$(X)`, GitHub's `${{ x }}` (always unknown). */
  readonly dialect?: 'shell' | 'make' | 'github';
}

/** Names compose loads by default as the override of a folder. */
const OVERRIDE_NAMES = new Set(['compose.override.yaml', 'compose.override.yml', 'docker-compose.override.yaml', 'docker-compose.override.yml']);
const WRAPPERS = new Set(['sudo', 'exec', 'time', 'command', 'nohup', 'env']);
const BUILD_VALUE_FLAGS = new Set([
  '-t', '--tag', '--build-arg', '--label', '--platform', '--cache-from', '--cache-to', '--secret', '--ssh', '-o', '--output',
  '--progress', '--network', '--iidfile', '--add-host', '--build-context', '--builder', '--metadata-file', '--shm-size',
  '--ulimit', '--attest', '--annotation', '--allow', '--call', '--cgroup-parent', '--isolation', '-m', '--memory', '--cpu-shares',
]);
const COMPOSE_VALUE_FLAGS = new Set(['--ansi', '--parallel', '--progress']);
/** A word that stands for text the evidence cannot know. */
export const UNKNOWN = '*';
/** Between the words of an array (`"${args[@]}"`) or a function's output, inside one expansion. */
const SEP = '\u0001';
const ARRAY_ASSIGNMENT = /^\s*(?:(?:local|declare|typeset|readonly)(?:\s+-[A-Za-z]+)*\s+)?([A-Za-z_][A-Za-z0-9_]*)(\+?)=\(/;
const FUNCTION_START = /^\s*(?:function\s+)?([A-Za-z_][\w-]*)\s*\(\)\s*\{?\s*$/;

/** Every invocation in the lines, in order. */
export function invocationsIn(lines: readonly CommandLine[], options: CommandOptions): (ComposeRun | BuildRun | SourceRun)[] {
  const vars = new Map(options.variables ?? []);
  const out: (ComposeRun | BuildRun | SourceRun)[] = [];
  let cwd = options.cwd;
  // `$0`'s folder: what `cd "$(dirname "$0")"` and `${0%/*}` stand for in a script.
  vars.set('0', path.join(options.cwd, 'x'));
  const cds: string[] = [];
  const dialect = options.dialect ?? 'shell';
  let fn: { name: string; body: string[] } | undefined;
  for (const logical of joinContinuations(lines)) {
    if (options.lineIsShell) cwd = options.cwd;
    // A function whose body is one `echo`: what `$(name arg)` stands for (`with() { echo "--file=ci/$1.yaml"; }`).
    const start = FUNCTION_START.exec(logical.text);
    if (start) fn = { name: start[1]!, body: [] };
    else if (fn && logical.text.trim() === '}') {
      const body = fn.body.filter((b) => b.trim() && !b.trim().startsWith('#'));
      const echo = body.length === 1 ? /^\s*echo\s+(.*)$/.exec(body[0]!) : null;
      if (echo) vars.set(`${fn.name}()`, echo[1]!);
      fn = undefined;
    } else if (fn) fn.body.push(logical.text);
    // Arrays: `args=(-f a.yml)`, `args+=(-f b.yml)`, then `docker compose "${args[@]}"`.
    let text = logical.text;
    for (let m = ARRAY_ASSIGNMENT.exec(text); m; m = ARRAY_ASSIGNMENT.exec(text)) {
      const open = m[0].length - 1;
      const close = closingParen(text, open);
      if (close < 0) break;
      const words = commandsOf(text.slice(open + 1, close), vars, dialect).flat();
      const before = m[2] === '+' ? (vars.get(`${m[1]}[@]`)?.split(SEP).filter(Boolean) ?? []) : [];
      vars.set(`${m[1]}[@]`, [...before, ...words].join(SEP));
      text = text.slice(close + 1).replace(/^\s*(?:;|&&)?/, '');
    }
    for (const words of commandsOf(text, vars, dialect)) {
      let w = words;
      const env: string[] = [];
      // Leading assignments: the shell's own (no command), or the command's environment.
      let i = 0;
      const assigned: [string, string][] = [];
      while (i < w.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(w[i]!)) {
        const eq = w[i]!.indexOf('=');
        assigned.push([w[i]!.slice(0, eq), w[i]!.slice(eq + 1)]);
        i++;
      }
      w = w.slice(i);
      if (w[0] === 'export' || w[0] === 'declare' || w[0] === 'local' || w[0] === 'readonly') {
        for (const a of w.slice(1)) {
          const eq = a.indexOf('=');
          if (eq > 0) vars.set(a.slice(0, eq), a.slice(eq + 1));
        }
        continue;
      }
      if (!w.length) {
        for (const [k, v] of assigned) vars.set(k, v);
        continue;
      }
      for (const [k] of assigned) env.push(k);
      while (w.length && WRAPPERS.has(w[0]!)) w = w.slice(1).filter((x, j) => !(j === 0 && x.startsWith('-')));
      if (!w.length) continue;
      const at = { file: logical.file ?? options.file, line: logical.line };
      if ((w[0] === 'source' || w[0] === '.') && w[1] !== undefined && !options.lineIsShell) {
        // The sourced script runs in this shell, with its arrays and variables: read again from there (see index.ts).
        const variable = /^\s*(?:source|\.)\s+"?\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/.exec(text)?.[1];
        out.push({
          kind: 'source',
          path: path.resolve(cwd, w[1]),
          ...(variable && w[1].startsWith(UNKNOWN) ? { variable } : {}),
          cwd,
          prelude: lines.filter((l) => l.line < logical.line && (l.file ?? options.file) === options.file).map((l) => ({ ...l, file: l.file ?? options.file })),
          options: { ...(options.variables ? { variables: options.variables } : {}), ...(options.exported ? { exported: true } : {}), ...(options.ci ? { ci: true } : {}), dialect },
          at,
        });
      } else if (w[0] === 'cd' && w[1] !== undefined && !w[1].startsWith('-')) {
        if (!w[1].includes(UNKNOWN)) {
          cwd = path.resolve(cwd, w[1]);
          cds.push(cwd);
        }
      } else if (w[0] === 'ln' && w.length >= 3 && w.slice(1, -2).every((f) => f.startsWith('-')) && w.some((f) => /^-[a-z]*s/.test(f))) {
        const target = w[w.length - 1]!;
        const linked = w[w.length - 2]!;
        if (OVERRIDE_NAMES.has(path.basename(target)) && !linked.includes(UNKNOWN) && !target.includes(UNKNOWN)) {
          // Written relative to the folder the link is made in (which the planner may still move).
          out.push({ kind: 'compose', cwd: path.resolve(cwd, path.dirname(target)), otherCwds: [], files: [], envFiles: [], profiles: [], variables: [], overrideLink: linked, at });
        }
      } else if (w[0] === 'docker-compose' || (w[0] === 'docker' && w[1] === 'compose')) {
        const composeEnv = new Map([...vars, ...assigned]);
        out.push(composeRun(w.slice(w[0] === 'docker' ? 2 : 1), cwd, composeEnv, [...env, ...(options.exported ? (options.variables?.keys() ?? []) : [])], at));
      } else if (w[0] === 'docker' || w[0] === 'podman') {
        const rest = w[1] === 'buildx' || w[1] === 'image' ? w.slice(2) : w.slice(1);
        if (rest[0] === 'build') {
          const b = buildRun(rest.slice(1), cwd, at);
          if (b) out.push(b);
        }
      }
    }
  }
  // A `cd` anywhere in the text may come first when it runs (a script's functions are called after it).
  const others = [...new Set([...cds, ...(options.otherCwds ?? [])])];
  return out.map((item) => (item.kind === 'compose' ? { ...item, otherCwds: others.filter((c) => c !== item.cwd), ...(options.ci ? { ci: true } : {}) } : item));
}

function composeRun(args: string[], cwd: string, vars: ReadonlyMap<string, string>, env: string[], at: ComposeRun['at']): ComposeRun {
  const files: string[] = [];
  const envFiles: string[] = [];
  const profiles: string[] = [];
  let projectDirectory: string | undefined;
  let projectName: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string | undefined => inline ?? args[++i];
    if (flag === '-f' || flag === '--file') files.push(value() ?? '');
    else if (flag === '--env-file') envFiles.push(value() ?? '');
    else if (flag === '--profile') profiles.push(value() ?? '');
    else if (flag === '--project-directory') projectDirectory = value();
    else if (flag === '-p' || flag === '--project-name') projectName = value();
    else if (COMPOSE_VALUE_FLAGS.has(flag)) value();
    else if (!a.startsWith('-')) break; // the subcommand: its own flags follow
  }
  // Without -f, COMPOSE_FILE / COMPOSE_PROFILES of the environment choose.
  const composeFile = vars.get('COMPOSE_FILE');
  if (!files.length && composeFile) files.push(...composeFile.split(vars.get('COMPOSE_PATH_SEPARATOR') || ':').filter(Boolean));
  const envFilesVar = vars.get('COMPOSE_ENV_FILES');
  if (!envFiles.length && envFilesVar) envFiles.push(...envFilesVar.split(',').filter(Boolean));
  if (!profiles.length && vars.get('COMPOSE_PROFILES')) profiles.push(...vars.get('COMPOSE_PROFILES')!.split(',').map((p) => p.trim()).filter(Boolean));
  projectName ??= vars.get('COMPOSE_PROJECT_NAME');
  return {
    kind: 'compose',
    cwd,
    otherCwds: [],
    files: files.filter(Boolean),
    envFiles: envFiles.filter(Boolean),
    profiles: profiles.filter(Boolean),
    ...(projectDirectory !== undefined && !projectDirectory.includes(UNKNOWN) ? { projectDirectory } : {}),
    ...(projectName && !projectName.includes(UNKNOWN) ? { projectName } : {}),
    variables: [...new Set(env)].sort(),
    at,
  };
}

function buildRun(args: string[], cwd: string, at: BuildRun['at']): BuildRun | undefined {
  let dockerfile: string | undefined;
  let target: string | undefined;
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string | undefined => inline ?? args[++i];
    if (flag === '-f' || flag === '--file') dockerfile = value();
    else if (flag === '--target') target = value();
    else if (BUILD_VALUE_FLAGS.has(flag)) value();
    else if (/^-[a-zA-Z]$/.test(flag) && inline === undefined && flag !== '-q') {
      // short flags with a glued value (`-tname`) or unknown ones: keep going
    } else if (!a.startsWith('-')) positional.push(a);
  }
  const contextWord = positional[positional.length - 1];
  if (contextWord === undefined) return undefined;
  const local = contextWord !== '-' && !/^[a-z]+:\/\//i.test(contextWord) && !contextWord.startsWith('git@') && !contextWord.includes(UNKNOWN);
  const context = local ? path.resolve(cwd, contextWord) : undefined;
  // `-f` is relative to the folder the command runs in (not to the context).
  const file = dockerfile && dockerfile !== '-' && !dockerfile.includes(UNKNOWN) ? path.resolve(cwd, dockerfile) : undefined;
  return { kind: 'build', cwd, ...(file ? { dockerfile: file } : {}), ...(context ? { context } : {}), ...(target && !target.includes(UNKNOWN) ? { target } : {}), at };
}

/** Lines ending in `\` joined with the next, each logical line starting at its first line. */
function joinContinuations(lines: readonly CommandLine[]): CommandLine[] {
  const out: CommandLine[] = [];
  let pending: CommandLine | undefined;
  for (const l of lines) {
    const text = pending ? `${pending.text} ${l.text}` : l.text;
    const start = pending?.line ?? l.line;
    const file = pending?.file ?? l.file;
    const m = ARRAY_ASSIGNMENT.exec(text);
    if (/(^|[^\\])\\\s*$/.test(text)) pending = { text: text.replace(/\\\s*$/, ''), line: start, ...(file ? { file } : {}) };
    else if (m && closingParen(text, m[0].length - 1) < 0) pending = { text, line: start, ...(file ? { file } : {}) };
    else {
      out.push({ text, line: start, ...(file ? { file } : {}) });
      pending = undefined;
    }
  }
  if (pending) out.push(pending);
  return out;
}

/** Where the parenthesis at `open` closes, outside quotes; -1 when it does not on this text. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') i++;
    else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' && c === '"' ? 2 : 1;
      i = j;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** The simple commands of one line, as words (quotes removed, variables expanded or made `*`). */
export function commandsOf(text: string, vars: ReadonlyMap<string, string>, dialect: 'shell' | 'make' | 'github'): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  const endWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words.length) commands.push(words);
    words = [];
  };
  const expand = (s: string, i: number): [string, number] => {
    // s[i] === '$'
    if (dialect === 'github' && s.startsWith('${{', i)) {
      const end = s.indexOf('}}', i);
      return [UNKNOWN, end < 0 ? s.length : end + 2];
    }
    // Make's `$$` is the shell's `$`
    if (dialect === 'make' && s[i + 1] === '$') return expand(s, i + 1);
    if (s[i + 1] === '{' || (dialect === 'make' && s[i + 1] === '(')) {
      const close = s[i + 1] === '{' ? '}' : ')';
      const end = s.indexOf(close, i + 2);
      if (end < 0) return [UNKNOWN, s.length];
      const inner = s.slice(i + 2, end);
      const array = /^([A-Za-z_][A-Za-z0-9_]*)\[[@*]\](?::?[-?+=].*)?$/.exec(inner);
      if (array) return [vars.get(`${array[1]}[@]`) ?? UNKNOWN, end + 1];
      const zero = vars.get('0');
      if (inner === '0%/*' && zero) return [path.dirname(zero), end + 1];
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?::?-(.*))?$/.exec(inner);
      const known = m ? vars.get(m[1]!) : undefined;
      const value = known !== undefined && known !== '' ? known : m?.[2] !== undefined ? m[2] : UNKNOWN;
      return [value, end + 1];
    }
    const dirnameOf0 = /^\$\(\s*dirname\s+"?\$(?:0|\{0\}|\{BASH_SOURCE(?:\[0\])?\})"?\s*\)/.exec(s.slice(i));
    if (dirnameOf0 && vars.get('0')) return [path.dirname(vars.get('0')!), i + dirnameOf0[0].length];
    const call = /^\$\(\s*([A-Za-z_][\w-]*)((?:\s+[^\s()$`'"]+)*)\s*\)/.exec(s.slice(i));
    const template = call ? vars.get(`${call[1]}()`) : undefined;
    if (call && template !== undefined) {
      // A function that echoes words: its output, with its arguments as $1 …
      const local = new Map(vars);
      call[2]!.trim().split(/\s+/).filter(Boolean).forEach((a, k) => local.set(String(k + 1), a));
      return [commandsOf(template, local, dialect).flat().join(SEP), i + call[0].length];
    }
    if (s[i + 1] === '(') {
      // command substitution: unknown, skipped to its closing parenthesis
      let depth = 0;
      let j = i + 1;
      for (; j < s.length; j++) {
        if (s[j] === '(') depth++;
        else if (s[j] === ')' && --depth === 0) break;
      }
      return [UNKNOWN, j + 1];
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*|^[0-9@*#?$!-]/.exec(s.slice(i + 1));
    if (!m) return ['$', i + 1];
    const known = vars.get(m[0]);
    return [known !== undefined && known !== '' ? known : UNKNOWN, i + 1 + m[0].length];
  };
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      word += text.slice(i + 1, end < 0 ? text.length : end);
      inWord = true;
      i = end < 0 ? text.length : end + 1;
    } else if (c === '"') {
      inWord = true;
      let j = i + 1;
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\' && j + 1 < text.length) {
          word += text[j + 1];
          j += 2;
        } else if (text[j] === '$') {
          const [v, next] = expand(text, j);
          const parts = v.split(SEP);
          word += parts[0];
          for (const p of parts.slice(1)) {
            words.push(word);
            word = p;
          }
          j = next;
        } else word += text[j++];
      }
      i = j + 1;
    } else if (c === '\\' && i + 1 < text.length) {
      word += text[i + 1];
      inWord = true;
      i += 2;
    } else if (c === '$') {
      // Unquoted, an expansion splits into words.
      const [v, next] = expand(text, i);
      const parts = v.split(/[\s\u0001]+/);
      word += parts[0];
      inWord = true;
      if (parts.length > 1) {
        endWord();
        for (const p of parts.slice(1, -1)) if (p) words.push(p);
        word = parts[parts.length - 1]!;
        inWord = word !== '';
      }
      i = next;
    } else if (c === '#' && !inWord) {
      break;
    } else if (/\s/.test(c)) {
      endWord();
      i++;
    } else if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')' || c === '`' || (c === '{' && !inWord) || (c === '}' && !inWord)) {
      endCommand();
      i++;
    } else if ((c === '>' || c === '<') && !inWord) {
      // a redirect: drop it and its target
      endWord();
      let j = i + 1;
      while (text[j] === '>' || text[j] === '&') j++;
      while (/\s/.test(text[j] ?? '')) j++;
      while (j < text.length && !/[\s;&|]/.test(text[j]!)) j++;
      i = j;
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  endCommand();
  // `if`, `then`, `do` … start a command of their own
  return commands.map((w) => dropKeywords(w)).filter((w) => w.length);
}

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', 'fi', 'done', 'esac']);
function dropKeywords(words: string[]): string[] {
  let i = 0;
  while (i < words.length && KEYWORDS.has(words[i]!)) i++;
  return words.slice(i);
}
