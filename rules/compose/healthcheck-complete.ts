import {
  appendToMap,
  boolOf,
  defineRule,
  fixIn,
  formatDuration,
  isMap,
  isScalar,
  isSeq,
  judge,
  originOf,
  parseDuration,
  svc,
  type ComposeContext,
  type ComposeProject,
  type ComposeService,
  type YMap,
  type YNode,
  type YScalar,
  type YSeq,
} from '../kit/index.js';

interface Options {
  startPeriod: 'always' | 'when-short' | 'never';
  minStartupSeconds: number;
}

/** Docker's defaults when a key is left out. */
const DEFAULT_MS = { interval: 30_000 };
const DEFAULT_RETRIES = 3;
const DURATIONS = ['interval', 'timeout', 'start_period', 'start_interval'] as const;

export default defineRule<'compose', Options>({
  meta: {
    id: 'compose/healthcheck-complete',
    kind: 'compose',
    category: 'health',
    severity: 'warning',
    fix: 'unsafe',
    summary: 'Healthchecks set their timing explicitly, with durations and a test Docker can run',
    options: {
      type: 'object',
      properties: {
        startPeriod: { enum: ['always', 'when-short', 'never'], default: 'when-short' },
        minStartupSeconds: { type: 'number', minimum: 0, default: 30 },
      },
      additionalProperties: false,
    },
  },
  parts: [
    {
      // What Docker cannot run or read: wrong wherever the file is used.
      scope: 'environment',
      check(ctx) {
        const { project, report } = ctx;
        for (const { hc, where } of activeHealthchecks(project)) {
          // The test: a string (run by the shell), or [CMD, …] / [CMD-SHELL, "…"]. Its first word is
          // compose/healthcheck-test-form's; here, the CMD list whose one argument is a whole command line.
          const test = hc.get('test');
          const arg = isSeq(test) ? test.items[1] : undefined;
          if (isSeq(test) && firstWord(test) === 'CMD' && test.items.length === 2 && isScalar(arg) && /\s/.test(String(arg.value).trim())) {
            report({
              node: arg,
              message: `${where} runs ["CMD", "${String(arg.value)}"], which looks for one program named by the whole string; use "CMD-SHELL" or split the arguments`,
            });
          }
          timingOf(project, hc, where, report);
        }
      },
    },
    {
      // Timing left to Docker's defaults: a matter for the environments that run in production.
      scope: 'environment',
      environments: 'production',
      check(ctx) {
        const { project, report } = ctx;
        // Missing keys are unknown when a file of the project could not be read.
        if (project.partial) return;
        let sharing: Map<YNode, YNode[]> | undefined;
        for (const { hc, pair, where } of activeHealthchecks(project)) {
          const { ms, retries } = timingOf(project, hc, where);
          const missing: string[] = [];
          for (const key of ['interval', 'timeout', 'retries'] as const) if (hc.get(key) === undefined) missing.push(key);
          if (hc.get('start_period') === undefined && needsStartPeriod(ctx.options, ms.interval, retries, hc)) missing.push('start_period');
          if (!missing.length) continue;
          // Through an anchor several services may reach the mapping the fix edits (the written one, which an
          // override may have merged onto for some): then only when all of them have this same healthcheck.
          sharing ??= healthchecksByOrigin(project.services);
          const edit = completion(ctx.file, hc, pair.keyNode, missing, ms.interval);
          const safe = sharing.get(originOf(hc))!.every((h) => h === hc);
          report({
            node: pair.keyNode,
            message: `${where} leaves ${list(missing)} to Docker's defaults; set ${missing.length === 1 ? 'it' : 'them'} so readiness timing is explicit`,
            ...(edit && safe ? { fix: edit } : {}),
            ...(edit && !safe ? { suggestions: [edit] } : {}),
          });
        }
      },
    },
  ],
});

type Report = ComposeContext['report'];

/**
 * The healthchecks of a project that run: not disabled (`disable: true`, `test: NONE`), each once — one shared
 * through an anchor is checked (and reported) for the first service that uses it.
 */
function* activeHealthchecks(project: ComposeProject): Generator<{ hc: YMap; pair: { keyNode: YScalar }; where: string }> {
  const checked = new Set<YMap>();
  for (const service of project.services) {
    const pair = service.node.pair('healthcheck');
    const hc = pair?.value;
    if (!pair || !isMap(hc) || checked.has(hc) || boolOf(project, hc.get('disable')) === true) continue;
    checked.add(hc);
    const test = hc.get('test');
    if (isScalar(test) && String(test.value).trim().toUpperCase() === 'NONE') continue;
    if (isSeq(test) && firstWord(test) === 'NONE') continue;
    yield { hc, pair, where: `healthcheck of ${svc(service.name)}` };
  }
}

const firstWord = (test: YSeq): string | undefined => (isScalar(test.items[0]) ? String(test.items[0].value) : undefined);

/** The durations and retries that parse; with `report`, the ones that do not are reported. */
function timingOf(project: ComposeProject, hc: YMap, where: string, report?: Report) {
  const ms: Partial<Record<(typeof DURATIONS)[number], number>> = {};
  for (const key of DURATIONS) {
    const node = hc.get(key);
    const j = judge(project, node);
    if (!j || !j.certain) continue;
    const v = parseDuration(j.value);
    if (v === undefined) report?.({ node: node!, message: `${where} has ${key} "${j.value}", which is not a duration such as "30s" or "1m30s"` });
    else ms[key] = v;
  }
  const retriesNode = hc.get('retries');
  const retriesText = judge(project, retriesNode);
  let retries: number | undefined;
  if (retriesText?.certain) {
    retries = Number(retriesText.value);
    if (!Number.isInteger(retries) || retries < 1) {
      report?.({ node: retriesNode!, message: `${where} has retries "${retriesText.value}"; it must be a whole number of at least 1` });
      retries = undefined;
    }
  }
  return { ms, retries };
}

/** The services' healthcheck mappings, by the mapping written in a file that each stands on. */
function healthchecksByOrigin(services: readonly ComposeService[]): Map<YNode, YNode[]> {
  const out = new Map<YNode, YNode[]>();
  for (const s of services) {
    const hc = s.node.get('healthcheck');
    if (!hc) continue;
    const origin = originOf(hc);
    (out.get(origin) ?? out.set(origin, []).get(origin)!).push(hc);
  }
  return out;
}

/** start_period matters when the checks alone give a slow start too little time before the container is marked unhealthy. */
function needsStartPeriod(options: Options, intervalMs: number | undefined, retries: number | undefined, hc: YMap): boolean {
  if (options.startPeriod === 'never') return false;
  if (options.startPeriod === 'always') return true;
  if (hc.get('retries') !== undefined && retries === undefined) return false;
  const budget = (intervalMs ?? DEFAULT_MS.interval) * (retries ?? DEFAULT_RETRIES);
  return budget < options.minStartupSeconds * 1000;
}

function completion(file: Parameters<typeof appendToMap>[0], hc: YMap, key: YScalar, missing: string[], intervalMs: number | undefined) {
  const interval = intervalMs ?? DEFAULT_MS.interval;
  const values: Record<string, string> = {
    interval: '30s',
    timeout: formatDuration(Math.min(10_000, Math.max(1000, Math.floor(interval / 2000) * 1000))),
    retries: '3',
    start_period: '30s',
  };
  const edit = appendToMap(file, hc, () => missing.map((k) => `${k}: ${values[k]}`), key);
  return edit ? fixIn(hc, `set ${list(missing)}`, [edit]) : undefined;
}

const list = (items: string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
