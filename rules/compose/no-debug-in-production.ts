import { defineRule } from '../../src/engine/define.js';
import { sensitiveContent } from '../../src/parse/compose/policy/host-paths.js';
import { portNode, portsOf, rangeText } from '../../src/parse/compose/policy/ports.js';
import { productionReason } from '../../src/parse/compose/policy/production.js';
import { debuggerPorts } from '../../src/parse/compose/policy/settings.js';
import { entries, innerRange, isTruthyText, svc } from '../../src/parse/compose/policy/values.js';
import { covers, mountsOf } from '../../src/parse/compose/policy/volumes.js';
import { isScalar, isSeq, type YNode, type YScalar } from '../../src/parse/yaml/nodes.js';

/** Switches that turn on a framework's debug mode when true. */
const DEBUG_SWITCH = /^(?:DEBUG|DEV_MODE|DEVELOPMENT_MODE|[A-Z0-9]+_DEBUG|DEBUG_MODE)$/i;
/** Variables that name the environment, and the values that mean development. */
const ENV_NAME = /^(?:NODE_ENV|FLASK_ENV|RAILS_ENV|RACK_ENV|APP_ENV|DJANGO_ENV|MIX_ENV|ASPNETCORE_ENVIRONMENT|DOTNET_ENVIRONMENT|ENVIRONMENT|ENV)$/i;
const DEV_VALUE = /^(?:dev|development|debug|local)$/i;
/** Command-line words that start a debugger or an auto-reloading development server. */
const DEV_WORD = /^(?:--reload(?:=.*)?|--debug|--inspect(?:-brk)?(?:=.*)?|debugpy|nodemon|runserver)$/;
/** Where images keep their application code. */
const CODE_DIRS = ['/app', '/code', '/src', '/usr/src/app', '/usr/app', '/opt/app', '/srv/app', '/workspace', '/project', '/var/www/html', '/home/node/app'];

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/no-debug-in-production',
    kind: 'compose',
    category: 'runtime',
    severity: 'error',
    fix: 'none',
    summary: 'Production compose files publish no debugger port, switch on no debug mode and mount no source code',
  },
  check(ctx) {
    const reason = productionReason(ctx.file, ctx.stack, ctx.settings);
    if (!reason) return;
    const compose = ctx.compose; // stays per file: the question is what this production file itself says
    const inProd = reason === 'name' ? 'in a production file' : 'in the base file of a layered project, which is what production runs';
    const debugPorts = debuggerPorts(ctx.settings);
    const seen = new Set<YNode>();
    const report = (node: YNode, message: string, range?: { start: number; end: number }): void => {
      if (!range && seen.has(node)) return;
      seen.add(node);
      ctx.report({ ...(range ? { range, file: node.file } : { node }), message });
    };
    for (const service of compose.services) {
      const where = svc(service.name);
      for (const port of portsOf(compose, service)) {
        const t = port.target;
        if (!port.certain || !t) continue;
        const hit = debugPorts.find((d) => d.start <= t.end && t.start <= d.end);
        if (hit) report(portNode(port), `${where} publishes debugger port ${rangeText(t)} ${inProd}; debuggers run arbitrary code for whoever connects`);
      }
      for (const e of entries(compose, service.get('environment'))) {
        if (e.value === undefined || !e.certain || !e.node) continue;
        const on = DEBUG_SWITCH.test(e.key) ? isTruthyText(e.value) : ENV_NAME.test(e.key) && DEV_VALUE.test(e.value.trim());
        if (on) report(e.node, `${where} sets ${e.key}=${e.value} ${inProd}; debug modes leak stack traces and internals`, e.valueRange);
      }
      for (const key of ['command', 'entrypoint']) {
        for (const { node, word, start } of words(service.get(key))) {
          if (DEV_WORD.test(word)) report(node, `${where} runs "${word}" in its ${key} ${inProd}; that is a development server or debugger`, innerRange(node, start, start + word.length));
        }
      }
      for (const m of mountsOf(compose, service)) {
        if (m.kind !== 'bind' || !m.certain || !m.source || !m.target || !/^\.\.?(?:\/|$)/.test(m.source)) continue;
        if (!CODE_DIRS.some((d) => covers(d, m.target!)) || sensitiveContent(m.source, m.target) === 'configuration') continue;
        report(m.long ? (m.sourceNode ?? m.node) : m.node, `${where} bind-mounts source code ${m.source} over ${m.target} ${inProd}; production runs the code baked into the image`);
      }
    }
  },
});

function words(node: YNode | undefined): { node: YScalar; word: string; start: number }[] {
  const scalars = isSeq(node) ? node.items.filter(isScalar) : isScalar(node) ? [node] : [];
  const out: { node: YScalar; word: string; start: number }[] = [];
  for (const s of scalars) {
    if (typeof s.value !== 'string') continue;
    const re = /\S+/g;
    for (let m = re.exec(s.value); m; m = re.exec(s.value)) out.push({ node: s, word: m[0], start: m.index });
  }
  return out;
}
