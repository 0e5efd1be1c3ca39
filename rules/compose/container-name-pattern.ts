import { checkEnvironments, defineRule, judge, svc } from '../kit/index.js';

/** What Docker accepts as a container name. */
const DOCKER_NAMES = '^[a-zA-Z0-9][a-zA-Z0-9_.-]+$';

export default defineRule<'compose', { pattern: string }>({
  meta: {
    id: 'compose/container-name-pattern',
    kind: 'compose',
    category: 'runtime',
    severity: 'error',
    fix: 'none',
    summary: 'Container names are ones Docker accepts (or match the pattern the project sets)',
    options: {
      type: 'object',
      properties: { pattern: { type: 'string', default: DOCKER_NAMES } },
      additionalProperties: false,
    },
    compat: { dclint: ['service-container-name-regex'] },
  },
  check(ctx) {
    checkEnvironments(ctx.project, ctx.report, (project, report) => {
      let re: RegExp;
      try {
        re = new RegExp(ctx.options.pattern);
      } catch {
        re = new RegExp(DOCKER_NAMES);
      }
      for (const service of project.services) {
        const node = service.get('container_name');
        const j = judge(project, node);
        if (!node || !j?.certain || re.test(j.value)) continue;
        const docker = ctx.options.pattern === DOCKER_NAMES;
        report({
          node,
          message: docker
            ? `${svc(service.name)} sets container_name "${j.value}", which Docker rejects: names have two or more characters, start with a letter or digit and contain only letters, digits, _ . and -`
            : `${svc(service.name)} sets container_name "${j.value}", which does not match the project's pattern ${ctx.options.pattern}`,
        });
      }
    }, ['compose/container-name-pattern', ctx.options, ctx.settings]);
  },
});
