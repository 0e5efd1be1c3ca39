import { at, checkEnvironments, defineRule, isScalar, laterOf, type ComposeProject, type YNode } from '../kit/index.js';

type Parse = (text: string) => number | undefined;

const count: Parse = (t) => (/^\d+$/.test(t.trim()) ? Number(t) : undefined);
const decimal: Parse = (t) => (t.trim() !== '' && Number.isFinite(Number(t)) ? Number(t) : undefined);
const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };
/** Docker's memory sizes: `512m`, `1g`, `1.5GB`, `1024` (bytes), 1024-based. */
const bytes: Parse = (t) => {
  const m = /^(\d+(?:\.\d+)?)\s*([bkmgtp]?)(?:i?b)?$/i.exec(t.trim());
  return m ? Math.round(Number(m[1]) * UNITS[m[2]!.toLowerCase()]!) : undefined;
};

/** Legacy service keys and the `deploy` keys that must agree with them. */
const PAIRS: readonly { legacy: string; deploy: string[]; parse: Parse }[] = [
  { legacy: 'scale', deploy: ['deploy', 'replicas'], parse: count },
  { legacy: 'cpus', deploy: ['deploy', 'resources', 'limits', 'cpus'], parse: decimal },
  { legacy: 'mem_limit', deploy: ['deploy', 'resources', 'limits', 'memory'], parse: bytes },
  { legacy: 'mem_reservation', deploy: ['deploy', 'resources', 'reservations', 'memory'], parse: bytes },
  { legacy: 'pids_limit', deploy: ['deploy', 'resources', 'limits', 'pids'], parse: count },
];

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/scale-consistency',
    kind: 'compose',
    category: 'correctness',
    severity: 'error',
    fix: 'none',
    summary: '`scale`, `cpus`, `mem_limit`, `mem_reservation` and `pids_limit` agree with the `deploy` settings they duplicate',
  },
  check(ctx) {
    checkEnvironments(ctx.project, ctx.report, (project, report) => {
      for (const service of project.services) {
        for (const pair of PAIRS) {
          const legacy = service.get(pair.legacy);
          const modern = at(service.node, ...pair.deploy);
          const a = read(project, legacy, pair.parse);
          const b = read(project, modern, pair.parse);
          if (a === undefined || b === undefined || a.value === b.value) continue;
          report({
            node: laterOf(project, legacy!, modern!),
            message: `service "${service.name}" sets ${pair.legacy} ${a.text} but ${pair.deploy.join('.')} ${b.text}; compose refuses two different values for the same setting`,
          });
        }
      }
    });
  },
});

function read(project: ComposeProject, node: YNode | undefined, parse: Parse): { value: number; text: string } | undefined {
  if (!isScalar(node) || node.value === null) return undefined;
  const r = typeof node.value === 'string' ? project.interpolate(node) : undefined;
  if (r && (r.unset.length || r.errors.length || r.required.length)) return undefined;
  const text = r ? r.value : String(node.value);
  const value = parse(text);
  return value === undefined ? undefined : { value, text: /^[\d.]+$/.test(text) ? text : `"${text}"` };
}
