import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/runner/run.js';
import { SHARED } from '../helpers/lint.js';
import { stackOf } from './helpers.js';

const corpus = path.join(SHARED, 'corpus/awesome-compose');

describe.skipIf(!existsSync(corpus))('the stack model on awesome-compose', () => {
  it('links every service that has a build to its Dockerfile and stage', async () => {
    const stack = await stackOf(corpus);
    const linked: string[] = [];
    const unlinked: string[] = [];
    for (const project of stack.composeProjects) {
      for (const service of project.services) {
        if (!stack.serviceBuild(service, project)) continue;
        const image = stack.serviceImage(service, project);
        const name = `${path.basename(project.directory)}/${service.name}`;
        if (image) linked.push(`${name} → ${path.relative(corpus, image.dockerfile.file.path)}${image.build.target ? `@${image.stage.name}` : ''}`);
        else unlinked.push(name);
      }
    }
    // 39 projects, 81 services, 36 with `build:` (35 Dockerfiles: web1 and web2 of nginx-nodejs-redis share one).
    expect(unlinked).toEqual([]);
    expect(linked).toHaveLength(36);
    expect(new Set(linked.map((l) => l.split(' → ')[1]!.split('@')[0])).size).toBe(35);
    expect(stack.composeProjects.reduce((n, p) => n + p.services.length, 0)).toBe(81);
  }, 60_000);

  it('lints the whole corpus with no internal error; the stack findings are the ones checked by hand', async () => {
    const result = await run({ cwd: corpus, patterns: ['.'], noConfigLookup: true });
    expect(result.diagnostics.filter((d) => d.internal)).toEqual([]);
    const stackFindings = result.diagnostics.filter((d) => d.ruleId.startsWith('stack/')).map((d) => `${d.relPath}:${d.range.start.line}:${d.range.start.column} ${d.ruleId}`);
    // flask/Dockerfile EXPOSEs 5000 while the service runs gunicorn on 8000 (its command, ports and healthcheck say so)
    expect(stackFindings).toEqual([
      'nginx-wsgi-flask/compose.yaml:23:15 stack/exposed-ports',
      'nginx-wsgi-flask/compose.yaml:25:59 stack/exposed-ports',
    ]);
  }, 60_000);
});
