import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeReferences, reachedComposeFiles } from '../../../src/parse/compose/references.js';

const dir = path.resolve('/repo');
const at = (rel: string) => path.join(dir, rel);

describe('compose files a compose file pulls in', () => {
  it('reads include entries (short, path:, a list of paths) and extends.file, with their lines', () => {
    const text = `include:
  - services/db.yaml
  - path: services/cache.yaml
  - path: [a/one.yml, a/two.yml]
  - oci://registry/app:1
  - \${EXTRA}/x.yaml
  - \${CORE:-core}/y.yaml
services:
  web:
    extends:
      file: ci/common.yml
      service: base
  worker:
    extends: web
`;
    expect(composeReferences(at('compose.yaml'), text)).toEqual([
      { file: at('services/db.yaml'), kind: 'include', at: { file: at('compose.yaml'), line: 2 } },
      { file: at('services/cache.yaml'), kind: 'include', at: { file: at('compose.yaml'), line: 3 } },
      { file: at('a/one.yml'), kind: 'include', at: { file: at('compose.yaml'), line: 4 } },
      { file: at('a/two.yml'), kind: 'include', at: { file: at('compose.yaml'), line: 4 } },
      { file: at('core/y.yaml'), kind: 'include', at: { file: at('compose.yaml'), line: 7 } },
      { file: at('ci/common.yml'), kind: 'extends', at: { file: at('compose.yaml'), line: 11 } },
    ]);
  });

  it('resolves against the naming file\'s folder and follows references transitively, once each', () => {
    const files = new Map([
      [at('compose.yaml'), 'include: [services/db.yaml]\n'],
      [at('services/db.yaml'), 'services:\n  db:\n    extends: {file: ../ci/base.yml, service: pg}\n'],
      [at('ci/base.yml'), 'services:\n  pg:\n    extends: {file: ../compose.yaml, service: x}\n'],
    ]);
    const reached = reachedComposeFiles([at('compose.yaml')], (p) => files.get(p));
    expect([...reached].map(([f, r]) => `${path.relative(dir, f)} ${r.kind} ${path.relative(dir, r.at.file)}:${r.at.line}`)).toEqual([
      'services/db.yaml include compose.yaml:1',
      'ci/base.yml extends services/db.yaml:3',
    ]);
  });

  it('skips files that are not there and text that is not YAML', () => {
    expect([...reachedComposeFiles([at('compose.yaml')], (p) => (p === at('compose.yaml') ? 'include: [missing.yaml]\n' : undefined)).keys()]).toEqual([]);
    expect(composeReferences(at('compose.yaml'), 'include: [a.yaml\n  : : :')).toEqual([]);
  });
});
