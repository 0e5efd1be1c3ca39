import path from 'node:path';
import { defineRule, isScalar, lastUser, svc } from '../kit/index.js';

export default defineRule<'stack', Record<string, never>>({
  meta: {
    id: 'stack/root-user-override',
    kind: 'stack',
    category: 'security',
    severity: 'warning',
    fix: 'none',
    summary: 'A service does not run as root (`user: root`, `0`, `0:0`) when the image it builds sets an unprivileged `USER`',
    tags: ['security'],
    securitySeverity: 6.0,
  },
  parts: [
    {
      scope: 'environment',
      check(ctx) {
        const { project, report } = ctx;
        for (const service of project.services) {
          const user = service.get('user');
          if (!isScalar(user) || user.value === null) continue;
          const r = project.interpolate(user);
          if (r.unset.length || r.errors.length || !isRoot(r.value)) continue;
          const image = ctx.stack.serviceImage(service, project);
          const instruction = image && lastUser(image.stages);
          const set = instruction?.args[0]?.value;
          if (!instruction || !set || isRoot(set) || set.includes('$')) continue;
          const line = image.dockerfile.file.lines.range(instruction).start.line;
          const where = image.build.inline ? `line ${line} of the inline Dockerfile` : `${path.relative(project.directory, image.dockerfile.file.path).split(path.sep).join('/')}:${line}`;
          report({
            node: user,
            message: `${svc(service.name)} runs as root (user: "${r.value}"), overriding the unprivileged USER "${set}" its image sets (${where}); a process that is broken into then owns the container, so drop user: or give the non-root user the access it lacks`,
          });
        }
      },
    },
  ],
});

/** `root`, `0`, `root:root`, `0:0`, `0:1000`: the user part is root (a group does not lower it). */
function isRoot(value: string): boolean {
  const name = value.trim().split(':')[0]!;
  return name === 'root' || /^0+$/.test(name);
}
