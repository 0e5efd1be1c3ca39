import {
  commandWords,
  dataServiceOf,
  defineRule,
  innerRange,
  isProductionEnvironment,
  isScalar,
  isSeq,
  mountsOf,
  productionOf,
  svc,
  type ComposeView,
  type Span,
  type YNode,
  type YScalar,
} from '../kit/index.js';

const POSTGRES = ['postgres', 'postgresql', 'postgis', 'timescaledb', 'pgvector'];
const REDIS = ['redis', 'redis-stack-server', 'valkey', 'keydb'];
/** PostgreSQL settings that trade crash safety for speed, with what switching them off costs. */
const UNSAFE: Readonly<Record<string, string>> = {
  fsync: 'a crash or power loss can corrupt the whole database',
  full_page_writes: 'a crash can leave torn pages the database cannot recover',
  synchronous_commit: 'a crash loses the last transactions it reported as committed',
};
const OFF = /^(?:off|false|no|0|of|f|n)$/i;

interface Arg {
  readonly text: string;
  readonly node: YScalar;
  readonly range: Span;
}

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/database-durability',
    kind: 'compose',
    category: 'runtime',
    severity: 'error',
    fix: 'none',
    summary: 'A production database keeps its durability: no `fsync=off`, `synchronous_commit=off` or `full_page_writes=off`, and a Redis with a data volume keeps a persistence',
  },
  parts: [
    {
      // No environment is production: the base file of a layered project is what production runs, on its own.
      check(ctx) {
        const production = productionOf(ctx.project, ctx.settings);
        if (production?.kind !== 'layered-base') return;
        scan(production.base, (d) => ctx.report({ ...d, message: `${d.message} (in the base file of a layered project, which is what production runs)` }));
      },
    },
    {
      // What a production environment runs, merged, reported where it is written.
      scope: 'environment',
      check(ctx) {
        if (isProductionEnvironment(ctx.project, ctx.settings)) scan(ctx.project, ctx.report);
      },
    },
  ],
});

type Found = (d: { range: Span; file: YNode['file']; message: string }) => void;

function scan(model: ComposeView, found: Found): void {
  for (const service of model.services) {
    const args = argv(service.get('command'));
    const first = args[0]?.text.split('/').pop();
    if (dataServiceOf(model, service, POSTGRES) || first === 'postgres') {
      for (const { name, value, arg } of postgresSettings(args)) {
        if (!UNSAFE[name] || !OFF.test(value)) continue;
        found({ range: arg.range, file: arg.node.file, message: `${svc(service.name)} runs PostgreSQL with ${name}=${value} in production: ${UNSAFE[name]}; keep that for throwaway test databases` });
      }
    } else if (dataServiceOf(model, service, REDIS) || first === 'redis-server') {
      const save = args.findIndex((a) => a.text === '--save');
      const noSnapshots = save >= 0 && /^(?:|""|'')$/.test(args[save + 1]?.text ?? '-');
      const aof = args.findIndex((a) => a.text === '--appendonly');
      const aofOn = aof >= 0 && /^yes$/i.test(args[aof + 1]?.text ?? '');
      // A volume at /data says the data is meant to outlive the container; without one Redis is a cache.
      const dataVolume = mountsOf(model, service).some((m) => m.target?.replace(/\/+$/, '') === '/data' && m.kind !== 'tmpfs');
      if (!noSnapshots || aofOn || !dataVolume) continue;
      const at = aof >= 0 ? args[aof]! : args[save]!;
      found({ range: at.range, file: at.node.file, message: `${svc(service.name)} runs Redis with neither snapshots (--save "") nor an append-only file in production, yet keeps a volume at /data: everything is lost at every restart; set --appendonly yes or a --save schedule, or drop the volume if it is a cache` });
    }
  }
}

/** The command's arguments: each list item, or each word of a string (quotes stripped from `""`-style empties kept as written). */
function argv(node: YNode | undefined): Arg[] {
  if (isSeq(node)) {
    return node.items.filter(isScalar).flatMap((s) => (s.value === null ? [] : [{ text: String(s.value), node: s, range: { start: s.start, end: s.end } }]));
  }
  return commandWords(node).map((w) => ({ text: w.word, node: w.node, range: wordRange(w.node, w.word, w.start) }));
}

/**
 * Where a word of a scalar is written: `innerRange` for quoted and plain
 * scalars; in a block scalar (`command: >`), whose words keep their text, the
 * same occurrence of the word in the source; else the whole scalar.
 */
function wordRange(node: YScalar, word: string, start: number): Span {
  const inner = innerRange(node, start, start + word.length);
  if (inner.end - inner.start === word.length) return inner;
  const value = String(node.value);
  let nth = 0;
  for (let i = value.indexOf(word); i >= 0 && i < start; i = value.indexOf(word, i + 1)) nth++;
  const text = node.file.text;
  let at = text.indexOf(word, node.start);
  for (; nth > 0 && at >= 0; nth--) at = text.indexOf(word, at + 1);
  return at >= 0 && at + word.length <= node.end ? { start: at, end: at + word.length } : inner;
}

/** `-c name=value`, `-cname=value`, `--name=value` (PostgreSQL's forms of a setting on its command line). */
function postgresSettings(args: readonly Arg[]): { name: string; value: string; arg: Arg }[] {
  const out: { name: string; value: string; arg: Arg }[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    let setting: Arg | undefined;
    let text = '';
    if (a.text === '-c' && args[i + 1]) (setting = args[i + 1]!), (text = setting.text), i++;
    else if (/^-c\w/.test(a.text)) (setting = a), (text = a.text.slice(2));
    else if (/^--\w+=/.test(a.text)) (setting = a), (text = a.text.slice(2));
    const m = setting && /^([a-z_]+)=(.*)$/i.exec(text.replace(/^(["'])(.*)\1$/, '$2'));
    if (setting && m) out.push({ name: m[1]!.toLowerCase().replace(/-/g, '_'), value: m[2]!.replace(/^(["'])(.*)\1$/, '$2'), arg: setting });
  }
  return out;
}
