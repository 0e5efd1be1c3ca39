import { basename } from 'node:path';
import {
  defineRule,
  flattenCommands,
  makeWord,
  knownValues,
  safeConstants,
  staticLists,
  walkNodes,
  type ShCommand,
  type ShNode,
  type ShWord,
  type TextEdit,
} from '../kit/index.js';

/** Redirections whose target is a file name (not a descriptor, heredoc or here-string). */
const FILE_REDIRECTS = new Set(['>', '>>', '<', '>|', '<>', '&>', '&>>']);
/** Special parameters that can never split or glob: `$#`, `$?`, `$$`, `$!`, `$-`. */
const HARMLESS_SPECIALS = new Set(['#', '?', '$', '!', '-']);
/**
 * Package managers: package names have no blanks, so `apt-get install $PKGS`,
 * `apk add $runDeps`, `apt-mark manual $savedAptMark` split a list on purpose.
 */
const PACKAGE_MANAGERS = new Set([
  'apt-get', 'apt', 'apt-mark', 'aptitude', 'dpkg', 'apk', 'yum', 'dnf', 'microdnf', 'tdnf', 'zypper', 'pacman',
  'pip', 'pip3', 'npm', 'yarn', 'pnpm', 'gem',
]);
/** Variables named as lists of words by convention (`DOCKER_OPTS`, `EXTRA_ARGS`, `buildDeps`, `PACKAGES`). */
const LIST_NAME = /(?:opts|options|args|flags|deps|packages|pkgs)$/i;
/** Literal text that means the same inside double quotes as outside. */
const QUOTABLE_LITERAL = /^[A-Za-z0-9_./:=@%+,-]*$/;

interface Candidate {
  node: ShNode;
  /** `$@`, `$*`, `${a[@]}`, `${a[*]}`: every element is re-split. */
  array: boolean;
}

export default defineRule<'shell'>({
  meta: {
    id: 'shell/quote-expansions',
    kind: 'shell',
    category: 'shell',
    severity: 'warning',
    fix: 'unsafe',
    summary: 'Variable expansions and command substitutions in command arguments are double-quoted',
    recommended: false,
    runBodies: true,
    compat: { shellcheck: ['SC2086', 'SC2046', 'SC2068', 'SC2048'] },
  },
  check(ctx) {
    const { shell } = ctx;
    if (shell.dialect === 'zsh') return; // zsh does not split unquoted parameters
    // values the stack sets before the text runs: a RUN body's ARGs and ENVs, a compose string's service environment
    const known = knownValues(ctx);
    const safe = safeConstants(shell, known);
    const lists = staticLists(shell, known);
    for (const name of lists) safe.add(name);

    const checkWord = (word: ShWord): void => {
      if (!word.hasUnquotedExpansion) return;
      const parts = word.node.type === 'concatenation' ? word.node.children : [word.node];
      const found: Candidate[] = [];
      let idiom = false;
      for (const part of parts) {
        if (!isExpansion(part)) continue;
        const verdict = judge(part, safe);
        if (verdict === 'idiom') idiom = true;
        else if (verdict !== 'ok') found.push({ node: part, array: verdict === 'array' });
      }
      if (found.length === 0) return;
      const first = found[0]!.node;
      const last = found[found.length - 1]!.node;
      const wholeWord = !idiom && parts.every((p) => isExpansion(p) || (p.type === 'word' && QUOTABLE_LITERAL.test(p.text)));
      const edits: TextEdit[] = wholeWord
        ? [
            { start: word.start, end: word.start, text: '"' },
            { start: word.end, end: word.end, text: '"' },
          ]
        : found.flatMap(({ node }) => [
            { start: node.start, end: node.start, text: '"' },
            { start: node.end, end: node.end, text: '"' },
          ]);
      const shown = found.map((c) => short(c.node.text));
      const array = found.some((c) => c.array);
      const message = array
        ? `unquoted ${shown.join(', ')} splits every element again and glob-expands it; quote it ("${shown[0]}") to pass the elements as they are`
        : `unquoted ${shown.join(', ')} is split into words and glob-expanded; double-quote it to pass the value as one argument`;
      ctx.report({
        range: { start: first.start, end: last.end },
        compat: shellcheckCode(first),
        message,
        fix: { description: wholeWord ? `quote ${short(word.raw)}` : `quote ${shown.join(', ')}`, edits },
      });
    };

    for (const cmd of flattenCommands(shell.commands)) {
      const name = cmd.name === undefined ? undefined : basename(cmd.name);
      // `set -- $list` splits into the positional parameters on purpose; package lists split on purpose
      if (name !== 'set' && !(name && PACKAGE_MANAGERS.has(name))) for (const w of argumentWords(cmd)) checkWord(w);
      for (const r of cmd.redirects) {
        if (r.target && FILE_REDIRECTS.has(r.operator) && r.node.type === 'file_redirect') checkWord(r.target);
      }
    }
    // `[ … ]` is a test_command node, not a command
    walkNodes(shell.root, (n) => {
      if (n.type !== 'test_command') return true;
      if (n.children[0]?.type === '[') for (const operand of testOperands(n)) checkWord(makeWord(operand));
      return false;
    });
  },
});

/** The words of a command that undergo splitting: not the command name, not `NAME=value` arguments of declarations. */
function argumentWords(cmd: ShCommand): ShWord[] {
  return cmd.words.filter((w) => w !== cmd.nameWord && w.node.type !== 'variable_assignment');
}

function isExpansion(n: ShNode): boolean {
  return n.type === 'simple_expansion' || n.type === 'expansion' || n.type === 'command_substitution';
}

/**
 * `ok`: cannot split (a special parameter, a length, a safe constant, a
 * command known to print one word); `idiom`: `${x:+…}` left unquoted on
 * purpose, so it vanishes when unset; `array`: `$@`-like; `split`: the rest.
 */
function judge(n: ShNode, safe: ReadonlySet<string>): 'ok' | 'idiom' | 'array' | 'split' {
  if (n.type === 'command_substitution') return printsOneWord(n) ? 'ok' : 'split';
  if (n.type === 'simple_expansion') {
    const special = n.children.find((c) => c.type === 'special_variable_name');
    if (special) {
      if (HARMLESS_SPECIALS.has(special.text)) return 'ok';
      return special.text === '@' || special.text === '*' ? 'array' : 'split';
    }
    const name = n.children.find((c) => c.type === 'variable_name')?.text;
    if (name !== undefined && LIST_NAME.test(name)) return 'idiom';
    return name !== undefined && safe.has(name) ? 'ok' : 'split';
  }
  // ${…}
  const inner = n.children.filter((c) => c.type !== '${' && c.type !== '}');
  const first = inner[0];
  if (!first) return 'split';
  if (!first.named && first.type === '#') return 'ok'; // ${#x}, ${#a[@]}
  const op = inner.find((c) => c.field === 'operator');
  if (op && (op.type === ':+' || op.type === '+')) return 'idiom';
  if (first.type === 'subscript') {
    const index = first.children.find((c) => c.field === 'index')?.text;
    if (index === '@' || index === '*') return 'array';
    return 'split';
  }
  if (first.type === 'special_variable_name') {
    if (HARMLESS_SPECIALS.has(first.text) && !op) return 'ok';
    return (first.text === '@' || first.text === '*') && !op ? 'array' : 'split';
  }
  if (first.type === 'variable_name' && inner.length === 1 && LIST_NAME.test(first.text)) return 'idiom';
  if (first.type === 'variable_name' && inner.length === 1 && safe.has(first.text)) return 'ok';
  return 'split';
}

/** `$(nproc)`, `$(id -u)`, `$(uname -m)`, `$(dpkg --print-architecture)`…: output that is one word. */
function printsOneWord(n: ShNode): boolean {
  const commands = n.children.filter((c) => c.named);
  if (commands.length !== 1 || commands[0]!.type !== 'command') return false;
  const words = commands[0]!.children.filter((c) => c.field === 'name' || c.field === 'argument').map((c) => makeWord(c.type === 'command_name' && c.children.length === 1 ? c.children[0]! : c));
  if (words.some((w) => w.value === undefined)) return false;
  const [name, ...args] = words.map((w) => w.value!);
  switch (name) {
    case 'nproc':
    case 'arch':
    case 'whoami':
      return true;
    case 'id':
      return args.length >= 1 && args.every((a) => /^-[ugnr]+$/.test(a));
    case 'uname':
      return args.length === 1 && /^-[mrsnpi]$/.test(args[0]!);
    case 'dpkg':
      return args.length === 1 && args[0] === '--print-architecture';
    case 'apk':
      return args.length === 1 && args[0] === '--print-arch';
    case 'getconf':
      return args.length === 1;
    case 'date':
      return args.length === 1 && /^\+[^\s*?[]*$/.test(args[0]!);
    default:
      return false;
  }
}

/** The operands of a `[ … ]` test (not its operators). */
function testOperands(test: ShNode): ShNode[] {
  const out: ShNode[] = [];
  const visit = (n: ShNode): void => {
    for (const c of n.children) {
      if (!c.named) continue;
      if (c.type === 'binary_expression' || c.type === 'unary_expression' || c.type === 'parenthesized_expression' || c.type === 'negated_expression') {
        visit(c);
      } else if (c.type !== 'test_operator' && c.field !== 'operator' && c.type !== 'comment') {
        out.push(c);
      }
    }
  };
  visit(test);
  return out;
}

function short(text: string): string {
  const t = text.replace(/\s+/g, ' ');
  if (t.length <= 30) return t;
  return t.startsWith('$(') ? '$(…)' : t.startsWith('`') ? '`…`' : `${t.slice(0, 27)}…`;
}

/** ShellCheck's code for an unquoted expansion: `$(…)` SC2046, `$@` SC2068, `$*` SC2048, any other SC2086. */
function shellcheckCode(node: { type: string; text: string }): string {
  if (node.type === 'command_substitution') return 'SC2046';
  if (/^\$(?:@|\{(?:@|[A-Za-z_][A-Za-z0-9_]*\[@\])\})$/.test(node.text)) return 'SC2068';
  if (/^\$(?:\*|\{(?:\*|[A-Za-z_][A-Za-z0-9_]*\[\*\])\})$/.test(node.text)) return 'SC2048';
  return 'SC2086';
}
