import { basename } from 'node:path';
import { defineRule, runInstructions, type ShCommand, type ShNode } from '../kit/index.js';

/** Commands whose non-zero status is an answer rather than a failure (no match, no such process, nothing to remove). */
const ANSWERS = new Set([
  'grep', 'egrep', 'fgrep', 'diff', 'cmp', 'test', '[', 'pgrep', 'pkill', 'killall', 'kill', 'which', 'type', 'id', 'getent',
  'rm', 'rmdir', 'unlink', 'false',
]);

export default defineRule<'dockerfile'>({
  meta: {
    id: 'dockerfile/no-swallowed-errors',
    kind: 'dockerfile',
    category: 'reliability',
    severity: 'warning',
    fix: 'none',
    summary: '`RUN` does not hide failures with `|| true` (or `2>/dev/null || true`)',
  },
  check(ctx) {
    const text = ctx.file.text;
    for (const run of runInstructions(ctx.dockerfile)) {
      for (const cmd of run.commands) {
        if (cmd.before !== '||' || cmd.inCondition || !swallows(cmd)) continue;
        const left = cmd.previous;
        if (isAnswer(left) || isIfElse(cmd, run.commands)) continue;
        const op = text.lastIndexOf('||', cmd.start);
        const silenced = left && hidesStderr(left) ? ', and its 2>/dev/null hides the error message as well' : '';
        const shown = cmd.args.length && cmd.name !== 'exit' && cmd.name !== 'return' ? cmd.name : [cmd.name, ...cmd.args.map((a) => a.raw)].join(' ');
        ctx.report({
          range: { start: op >= 0 ? op : cmd.start, end: cmd.end },
          message: `"|| ${shown}" turns a failure of ${describe(left)} into success, so the build goes on with a broken result${silenced}`,
        });
      }
    }
  },
});

const isAnswer = (cmd: ShCommand | undefined): boolean => cmd?.name !== undefined && ANSWERS.has(basename(cmd.name));

/**
 * `test && action || other`: the shell's if/else, written in one line (`[ "$ARCH" = amd64 ] && apt-get install … || echo
 * "skipped"`); the `||` branch is the else, not a swallower. tree-sitter nests the list to the left
 * (`((a && b) || c)`), so the test is the first item of the `&&` chain on the left of the `||`.
 */
function isIfElse(cmd: ShCommand, commands: readonly ShCommand[]): boolean {
  let item: ShNode = cmd.node;
  while (item.parent && item.parent.type === 'redirected_statement') item = item.parent;
  const list = item.parent;
  const [left, op] = list?.type === 'list' ? list.children : [];
  if (op?.type !== '||' || left?.type !== 'list' || left.children[1]?.type !== '&&') return false;
  let test: ShNode = left;
  while (test.type === 'list' && test.children[1]?.type === '&&') test = test.children[0]!;
  if (test.type === 'negated_command') test = test.children.find((c) => c.named) ?? test;
  if (test.type === 'test_command') return true;
  return isAnswer(commands.find((c) => c.node === test));
}

/** `"cargo build"`: the command's name and first argument that is no option. */
function describe(cmd: ShCommand | undefined): string {
  if (!cmd?.name) return 'the command before it';
  const first = cmd.args.find((a) => a.value !== undefined && !a.value.startsWith('-'))?.value;
  return `"${first && /^[\w.:-]+$/.test(first) ? `${cmd.name} ${first}` : cmd.name}"`;
}

/** `true`, `:`, `exit 0`, or an `echo`/`printf` that ends the list. */
function swallows(cmd: ShCommand): boolean {
  const name = cmd.name;
  if (name === undefined) return false;
  if ((name === 'true' || name === ':' || name === '/bin/true') && cmd.args.length === 0) return true;
  if ((name === 'exit' || name === 'return') && cmd.args.length === 1 && cmd.args[0]!.value === '0') return true;
  return (name === 'echo' || name === 'printf') && cmd.after !== '&&' && cmd.after !== '||';
}

/** `2>/dev/null`, `&>/dev/null`, `>/dev/null 2>&1` */
function hidesStderr(cmd: ShCommand): boolean {
  const toNull = (r: ShCommand['redirects'][number]) => r.target?.value === '/dev/null';
  return cmd.redirects.some(
    (r) =>
      (r.fd === 2 && (r.operator === '>' || r.operator === '>>') && toNull(r)) ||
      ((r.operator === '&>' || r.operator === '&>>') && toNull(r)) ||
      (r.fd === 2 && r.operator === '>&' && r.target?.value === '1' && cmd.redirects.some((o) => o.fd === undefined && o.operator === '>' && toNull(o))),
  );
}
