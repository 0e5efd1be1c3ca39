import {
  appendToMap,
  checkEnvironments,
  columnOf,
  defineRule,
  dependenciesOf,
  eolOf,
  fixIn,
  healthOf,
  indentStep,
  isSeq,
  lineStartOf,
  originOf,
  replaceNode,
  svc,
  type ComposeService,
  type Dependency,
  type HealthStatus,
  type TextEdit,
  type YSeq,
} from '../kit/index.js';

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/depends-on-healthy',
    kind: 'compose',
    category: 'health',
    severity: 'warning',
    fix: 'unsafe',
    summary: 'Services wait for dependencies that have a healthcheck to be healthy, and only wait on healthchecks that exist',
    recommended: false,
  },
  check(ctx) {
    checkEnvironments(ctx.project, ctx.report, (project, report) => {
      // A file of the project could not be read: what has a healthcheck is unknown.
      if (project.partial) return;
      const health = new Map<string, HealthStatus>();
      const healthOfName = (name: string): HealthStatus | undefined => {
        const target = project.service(name);
        if (!target) return undefined;
        if (!health.has(name)) health.set(name, healthOf(project, target, ctx.stack));
        return health.get(name);
      };
      const convertedLists = new Set<YSeq>();
      for (const service of project.services) {
        const deps = dependenciesOf(project, service);
        for (const dep of deps) {
          const h = healthOfName(dep.name);
          if (h === undefined) continue; // an unknown service: compose/references reports it
          const target = project.service(dep.name)!;
          if (dep.condition === 'service_healthy') {
            const why = noHealthcheck(h, target);
            if (why) {
              report({
                node: dep.conditionNode ?? dep.node,
                message: `${svc(service.name)} waits for "${dep.name}" to be healthy, but ${why}, so "${service.name}" never starts`,
              });
            }
            continue;
          }
          if (dep.condition !== 'service_started' || (h !== 'compose' && h !== 'dockerfile')) continue;
          let fix;
          if (dep.listForm) {
            const seq = service.get('depends_on');
            if (isSeq(seq) && !convertedLists.has(seq)) {
              convertedLists.add(seq);
              const edit = longForm(seq, service, deps, healthOfName);
              if (edit) fix = fixIn(seq, 'wait for healthy dependencies (long form of depends_on)', [edit]);
            }
          } else if (dep.conditionNode) {
            fix = fixIn(dep.conditionNode, 'wait until healthy', [replaceNode(dep.conditionNode, 'service_healthy')]);
          } else if (dep.entry) {
            const edit = appendToMap(ctx.file, dep.entry, () => ['condition: service_healthy'], dep.node);
            if (edit) fix = fixIn(dep.entry, 'wait until healthy', [edit]);
          }
          report({
            node: dep.conditionNode ?? dep.node,
            message: `${svc(service.name)} starts as soon as "${dep.name}" has started, not when its healthcheck passes; use condition: service_healthy`,
            ...(fix ? { fix } : {}),
          });
        }
      }
    }, ['compose/depends-on-healthy', ctx.options, ctx.settings]);
  },
});

function noHealthcheck(h: HealthStatus, target: ComposeService): string | undefined {
  if (h === 'disabled') return `its healthcheck is disabled`;
  if (h === 'none') return `"${target.name}" has no healthcheck in compose or in its Dockerfile`;
  if (h === 'unknown' && target.get('build') === undefined && target.get('extends') === undefined) {
    return `"${target.name}" declares no healthcheck (only its image could provide one)`;
  }
  return undefined;
}

/** Rewrites `depends_on: [a, b]` / `- a` lists as the long form, with service_healthy where a healthcheck exists. */
function longForm(
  seq: YSeq,
  service: ComposeService,
  deps: Dependency[],
  healthOfName: (n: string) => HealthStatus | undefined,
): TextEdit | undefined {
  const condition = (d: Dependency): string => {
    const h = healthOfName(d.name);
    return h === 'compose' || h === 'dockerfile' ? 'service_healthy' : 'service_started';
  };
  if (deps.length !== seq.items.length || deps.some((d) => !/^[A-Za-z0-9._-]+$/.test(d.name))) return undefined;
  // Only a list one file writes whole: one the merged model appended from several files is rewritten nowhere.
  if (originOf(seq) !== seq || seq.items.some((i) => i.file !== seq.file)) return undefined;
  const file = seq.file;
  if (seq.flow) {
    return replaceNode(seq, `{ ${deps.map((d) => `${d.name}: { condition: ${condition(d)} }`).join(', ')} }`);
  }
  const key = service.node.pair('depends_on')?.keyNode;
  if (!key || key.file !== file) return undefined;
  const step = indentStep(file, seq, key);
  const col = Math.max(columnOf(file, seq.start), columnOf(file, key.start) + step);
  const start = lineStartOf(file, seq.start);
  if (file.text.slice(start, seq.start).trim() !== '') return undefined;
  const eol = eolOf(file);
  const pad = ' '.repeat(col);
  const unit = ' '.repeat(step);
  const lines = deps.flatMap((d) => [`${pad}${d.name}:`, `${pad}${unit}condition: ${condition(d)}`]);
  let end = seq.end;
  const endsLine = file.text[end - 1] === '\n';
  if (!endsLine) {
    // The list is the last thing in the file.
    while (end < file.text.length && file.text[end] !== '\n') end++;
  }
  return { start, end, text: lines.join(eol) + (endsLine ? eol : '') };
}
