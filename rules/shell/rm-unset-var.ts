import { basename } from 'node:path';
import {
  defineRule,
  errexitTracker,
  flattenCommands,
  hasFlag,
  knownValues,
  positionalArgs,
  surelyNonEmpty,
  variableWrites,
  type VarWrite,
} from '../kit/index.js';

/** Variables the shell always sets to a non-empty value. */
const ALWAYS_SET = new Set(['HOME', 'PWD']);
/** `$DIR/…`, `"$DIR/…"`, `"$DIR"/…`, `${DIR}/…` at the start of a word. */
const LEADING_VARIABLE = /^("?)(\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)\}))"?\//;

export default defineRule<'shell'>({
  meta: {
    id: 'shell/rm-unset-var',
    kind: 'shell',
    category: 'shell',
    severity: 'error',
    fix: 'none',
    summary: '`rm -r` of a path that starts with a variable guards it with `${VAR:?}`',
    runBodies: true,
    compat: { shellcheck: ['SC2115'] },
  },
  check(ctx) {
    const { shell } = ctx;
    // The script's writes, values and errexit are read only once an `rm -r "$VAR"/…` is found (most texts have none).
    let facts: { writes: Map<string, VarWrite[]>; known: ReturnType<typeof knownValues>; errexit: ReturnType<typeof errexitTracker> } | undefined;
    const factsOf = () => {
      if (facts) return facts;
      const writes = new Map<string, VarWrite[]>();
      for (const w of variableWrites(shell)) {
        const list = writes.get(w.name);
        if (list) list.push(w);
        else writes.set(w.name, [w]);
      }
      return (facts = { writes, known: knownValues(ctx), errexit: errexitTracker(shell) });
    };
    for (const cmd of flattenCommands(shell.commands)) {
      if (!cmd.name || basename(cmd.name) !== 'rm' || !hasFlag(cmd, '-r', '-R', '--recursive')) continue;
      for (const arg of positionalArgs(cmd)) {
        const m = LEADING_VARIABLE.exec(arg.raw);
        if (!m) continue;
        const name = (m[3] ?? m[4])!;
        if (ALWAYS_SET.has(name)) continue;
        const { writes, known, errexit } = factsOf();
        if (surelyNonEmpty(writes.get(name) ?? [], name, cmd.start, { known, errexitAt: errexit })) continue;
        const start = arg.start + m[1]!.length;
        const end = start + m[2]!.length;
        const rest = arg.raw.slice(m[0].length);
        const target = `/${rest.replace(/["']/g, '')}`;
        ctx.report({
          range: { start, end },
          message: `if ${name} is empty or unset, \`rm ${rmFlags(cmd)} ${arg.raw}\` deletes ${target} at the root of the file system; write \${${name}:?} so the script stops instead`,
          suggestions: [{ description: `use \${${name}:?}`, edits: [{ start, end, text: `\${${name}:?}` }] }],
        });
      }
    }
  },
});

function rmFlags(cmd: { args: readonly { value: string | undefined; raw: string }[] }): string {
  return cmd.args
    .map((a) => a.value ?? a.raw)
    .filter((v) => v.startsWith('-') && v !== '--')
    .join(' ');
}
