import {
  commandWords,
  covers,
  debuggerPorts,
  defineRule,
  entries,
  innerRange,
  isProductionEnvironment,
  isProductionFile,
  isTruthyText,
  mountsOf,
  portNode,
  portsOf,
  productionOf,
  rangeText,
  sensitiveContent,
  svc,
  type ComposeView,
  type YNode,
} from '../kit/index.js';

/** Switches that turn on a framework's debug mode when true. */
const DEBUG_SWITCH = /^(?:DEBUG|DEV_MODE|DEVELOPMENT_MODE|[A-Z0-9]+_DEBUG|DEBUG_MODE)$/i;
/** Variables that name the environment, and the values that mean development. */
const ENV_NAME = /^(?:NODE_ENV|FLASK_ENV|RAILS_ENV|RACK_ENV|APP_ENV|DJANGO_ENV|MIX_ENV|ASPNETCORE_ENVIRONMENT|DOTNET_ENVIRONMENT|ENVIRONMENT|ENV)$/i;
const DEV_VALUE = /^(?:dev|development|debug|local)$/i;
/** Command-line words that start a debugger or an auto-reloading development server. */
const DEV_WORD = /^(?:--reload(?:=.*)?|--debug|--inspect(?:-brk)?(?:=.*)?|debugpy|nodemon|runserver)$/;
/** Where images keep their application code. */
/** A folder named for settings an operator supplies (`docker/extra_settings`, `config`, `local-settings`): not source code. */
const SETTINGS_DIR = /(?:^|[-_.])(?:settings|config|configs|conf)$/i;
const lastSegment = (p: string): string => p.replace(/\/+$/, '').split('/').pop() ?? '';
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
  parts: [
    {
      // No environment is production: the base file of a layered project is what production runs, on its own.
      check(ctx) {
        const production = productionOf(ctx.project, ctx.settings);
        if (production?.kind !== 'layered-base') return;
        scan(production.base, debuggerPorts(ctx.settings), (node, message, range) =>
          ctx.report({ ...(range ? { range, file: node.file } : { node }), message: message('in the base file of a layered project, which is what production runs') }),
        );
      },
    },
    {
      // What a production environment runs, merged: a base file's debug switch that the production file
      // overrides is fine, one it keeps is reported in the base, naming the environment.
      scope: 'environment',
      check(ctx) {
        if (!isProductionEnvironment(ctx.project, ctx.settings)) return;
        scan(ctx.project, debuggerPorts(ctx.settings), (node, message, range) => {
          const where = isProductionFile(node.file, ctx.settings) ? 'in a production file' : 'in production';
          ctx.report({ ...(range ? { range, file: node.file } : { node }), message: message(where) });
        });
      },
    },
  ],
});

type Found = (node: YNode, message: (where: string) => string, range?: { start: number; end: number }) => void;

/** Debugger ports, debug switches, development servers and source mounts in the services of a model. */
function scan(model: ComposeView, debugPorts: { start: number; end: number }[], found: Found): void {
  const seen = new Set<YNode>();
  const report: Found = (node, message, range) => {
    if (!range && seen.has(node)) return;
    seen.add(node);
    found(node, message, range);
  };
  for (const service of model.services) {
    const who = svc(service.name);
    for (const port of portsOf(model, service)) {
      const t = port.target;
      if (!port.certain || !t) continue;
      const hit = debugPorts.find((d) => d.start <= t.end && t.start <= d.end);
      if (hit) report(portNode(port), (where) => `${who} publishes debugger port ${rangeText(t)} ${where}; debuggers run arbitrary code for whoever connects`);
    }
    for (const e of entries(model, service.get('environment'))) {
      if (e.value === undefined || !e.certain || !e.node) continue;
      const on = DEBUG_SWITCH.test(e.key) ? isTruthyText(e.value) : ENV_NAME.test(e.key) && DEV_VALUE.test(e.value.trim());
      if (on) report(e.node, (where) => `${who} sets ${e.key}=${e.value} ${where}; debug modes leak stack traces and internals`, e.valueRange);
    }
    for (const key of ['command', 'entrypoint']) {
      for (const { node, word, start } of commandWords(service.get(key))) {
        if (DEV_WORD.test(word)) report(node, (where) => `${who} runs "${word}" in its ${key} ${where}; that is a development server or debugger`, innerRange(node, start, start + word.length));
      }
    }
    for (const m of mountsOf(model, service)) {
      if (m.kind !== 'bind' || !m.certain || !m.source || !m.target || !/^\.\.?(?:\/|$)/.test(m.source)) continue;
      if (!CODE_DIRS.some((d) => covers(d, m.target!)) || sensitiveContent(m.source, m.target) === 'configuration' || SETTINGS_DIR.test(lastSegment(m.source))) continue;
      report(m.long ? (m.sourceNode ?? m.node) : m.node, (where) => `${who} bind-mounts source code ${m.source} over ${m.target} ${where}; production runs the code baked into the image`);
    }
  }
}
