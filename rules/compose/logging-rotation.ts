import {
  appendToMap,
  checkEnvironments,
  defineRule,
  fixIn,
  inherited,
  isMap,
  judge,
  mayRunInProduction,
  nodeUsers,
  originOf,
  resetAt,
  sharedSafely,
  svc,
  type TextEdit,
  type YMap,
  type YNode,
  type YScalar,
} from '../kit/index.js';

const MAX_SIZE = 'max-size: "10m"';
const MAX_FILE = 'max-file: "3"';

interface Finding {
  service: string;
  node: YNode;
  /** The message, given who it is about (`service "api"`, `services "a", "b"`). */
  message: (who: string, plural: boolean) => string;
  /** The mapping the fix appends to, and what it appends. */
  target?: YMap;
  targetKey?: YScalar;
  lines?: (unit: string) => string[];
}

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/logging-rotation',
    kind: 'compose',
    category: 'logging',
    severity: 'warning',
    fix: 'unsafe',
    summary: 'Container logs rotate: the json-file driver (the default) sets max-size and max-file',
    recommended: false,
  },
  check(ctx) {
    checkEnvironments(ctx.project, ctx.report, (project, report) => {
      const findings: Finding[] = [];
      for (const service of project.services) {
        const logging = inherited(project, service, 'logging');
        if (logging === 'external') continue;
        if (logging === undefined) {
          // A file of the project could not be read: it may set the logging.
          if (project.partial) continue;
          // Removed by a later file (`logging: !reset`): reported there, and not fixed by writing it again.
          const removed = resetAt(service, 'logging');
          findings.push({
            service: service.name,
            node: removed ?? service.keyNode,
            message: (who, plural) => `${who} ${plural ? 'log' : 'logs'} with the default json-file driver without rotation, so the log grows until the disk is full`,
            ...(removed ? {} : { target: service.node, targetKey: service.keyNode }),
            lines: (u) => ['logging:', `${u}driver: json-file`, `${u}options:`, `${u}${u}${MAX_SIZE}`, `${u}${u}${MAX_FILE}`],
          });
          continue;
        }
        if (!isMap(logging)) continue;
        const driverNode = logging.get('driver');
        const driver = judge(project, driverNode);
        if (driver && (!driver.certain || driver.value.trim() !== 'json-file')) continue; // local and remote drivers rotate or ship elsewhere
        const optionsPair = logging.pair('options');
        const loggingKey = service.node.pair('logging')?.keyNode ?? service.keyNode;
        if (!optionsPair || !isMap(optionsPair.value)) {
          if (optionsPair) continue; // options written in a form we do not read
          findings.push({
            service: service.name,
            node: driverNode ?? loggingKey,
            message: (who, plural) => `${who} ${plural ? 'log' : 'logs'} with json-file without max-size and max-file, so the log grows until the disk is full`,
            target: logging,
            targetKey: loggingKey,
            lines: (u) => [...(driverNode ? [] : ['driver: json-file']), 'options:', `${u}${MAX_SIZE}`, `${u}${MAX_FILE}`],
          });
          continue;
        }
        const options = optionsPair.value;
        const missing = [options.get('max-size') ? undefined : MAX_SIZE, options.get('max-file') ? undefined : MAX_FILE].filter((x): x is string => !!x);
        if (!missing.length) continue;
        findings.push({
          service: service.name,
          node: optionsPair.keyNode,
          message: (who, plural) =>
            `${who} ${plural ? 'log' : 'logs'} with json-file without ${missing.map((m) => m.split(':')[0]).join(' and ')}, so ${missing.length === 2 ? 'the log grows until the disk is full' : 'rotation is incomplete'}`,
          target: options,
          targetKey: optionsPair.keyNode,
          lines: () => missing,
        });
      }

      // A fix edits the mapping where it is written; through an anchor, only when every service that uses it needs the same edit.
      const users = nodeUsers(project.services);
      const needing = new Map<YMap, Set<string>>();
      for (const f of findings) if (f.target) (needing.get(f.target) ?? needing.set(f.target, new Set()).get(f.target)!).add(f.service);
      // One finding per place: services that share a logging block through an anchor are named together;
      // one fix per mapping (a service that inherits it through extends is fixed with its base).
      const fixedTargets = new Set<YNode>();
      const byNode = new Map<YNode, Finding[]>();
      for (const f of findings) (byNode.get(f.node) ?? byNode.set(f.node, []).get(f.node)!).push(f);
      for (const group of byNode.values()) {
        const f = group[0]!;
        const names = group.map((g) => `"${g.service}"`);
        const who = names.length > 1 ? `services ${names.join(', ')}` : svc(f.service);
        let fix;
        let suggestion;
        if (f.target && f.lines) {
          const edit: TextEdit | undefined = appendToMap(ctx.file, f.target, f.lines, f.targetKey);
          if (edit) {
            const descriptor = fixIn(f.target, 'rotate logs (json-file, max-size 10m, max-file 3)', [edit]);
            // Mappings of the merged model are edited where they are written: one fix per written mapping.
            const written = originOf(f.target);
            if (!sharedSafely(users, f.target, needing.get(f.target)!)) suggestion = descriptor;
            else if (!fixedTargets.has(written)) fix = descriptor;
            fixedTargets.add(written);
          }
        }
        report({ node: f.node, message: f.message(who, names.length > 1), ...(fix ? { fix } : {}), ...(suggestion ? { suggestions: [suggestion] } : {}) });
      }
    }, ['compose/logging-rotation', ctx.options, ctx.settings], (env) => mayRunInProduction(env, ctx.settings));
  },
});
