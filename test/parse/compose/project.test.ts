import { describe, expect, it } from 'vitest';
import { run } from '../../../src/runner/run.js';
import { parseCompose, type ComposeDocument } from '../../../src/parse/compose/document.js';
import { planFolder, declaredProjects } from '../../../src/parse/compose/layers.js';
import { ProjectBuilder, linkGroups, type ComposeProject } from '../../../src/parse/compose/project.js';
import { createSourceFile } from '../../../src/core/source.js';
import { at, isMap, isSeq, scalarText, toJS, type YNode } from '../../../src/parse/yaml/nodes.js';
import { brief, FIXTURES } from '../../helpers/lint.js';

const MINE = /^compose\/(schema|references|build-or-image|network-mode-conflicts|mount-targets|scale-consistency|merge-conflicts|secret-source)$/;

function doc(path: string, text: string): ComposeDocument {
  const parsed = parseCompose(createSourceFile({ path, relPath: path.slice(1), kind: 'compose', text }));
  if (!parsed.ok) throw new Error(parsed.problems[0]!.message);
  return parsed.doc;
}

function project(files: Record<string, string>, order = Object.keys(files)): ComposeProject {
  const docs = new Map(Object.entries(files).map(([p, t]) => [p, doc(p, t)]));
  const builder = new ProjectBuilder((p) => docs.get(p) ?? 'missing');
  return builder.build({ files: order.map((p) => docs.get(p)!), environment: 'test', declared: false });
}

const line = (n: YNode | undefined) => n && `${n.file.relPath}:${n.file.lines.position(n.start).line}`;

describe('layered projects', () => {
  it('plans the base with its override, each environment file on the base, and other files alone', () => {
    const plans = planFolder(['/p/compose.yaml', '/p/compose.override.yaml', '/p/compose.prod.yaml', '/p/docker-compose.dev.yml', '/p/compose.admin.yaml']);
    expect(plans.map((p) => [p.environment, ...p.files])).toEqual([
      ['default', '/p/compose.yaml', '/p/compose.override.yaml'],
      ['prod', '/p/compose.yaml', '/p/compose.prod.yaml'],
      ['dev', '/p/compose.yaml', '/p/docker-compose.dev.yml'],
      ['default', '/p/compose.admin.yaml'],
    ]);
    expect(declaredProjects([{ files: ['compose.yaml', 'compose.test.yaml', 'compose.ci.yaml'], environment: 'ci', name: 'shop-ci' }, 'junk'], '/p')).toEqual([
      { files: ['/p/compose.yaml', '/p/compose.test.yaml', '/p/compose.ci.yaml'], environment: 'ci', declared: true, name: 'shop-ci' },
    ]);
  });

  it('reports each finding of the merged environments once, in the file that causes it', async () => {
    const result = await run({ cwd: FIXTURES, patterns: ['stacks/layered'], noConfigLookup: true });
    const found = result.diagnostics.filter((d) => MINE.test(d.ruleId));
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'stacks/layered/compose.dev.yaml:12:5-12:17 compose/network-mode-conflicts service "api" sets both network_mode ("host") and networks; compose refuses them together',
      'stacks/layered/compose.prod.yaml:4:16-4:20 compose/references service "web" uses network "edge", which is not declared under the top-level "networks"',
      'stacks/layered/compose.prod.yaml:7:17-7:18 compose/scale-consistency service "web" sets scale 3 but deploy.replicas 2; compose refuses two different values for the same setting',
      'stacks/layered/compose.prod.yaml:10:9-10:21 compose/mount-targets service "api" mounts a tmpfs at /var/lib/api, where a volume is already mounted (compose.yaml:17); Docker refuses two mounts at one path',
      'stacks/layered/compose.yaml:10:9-10:14 compose/references service "web" depends on "cache", which is not a service of this project (in the "dev" and "prod" environments)',
    ]);
    // compose.prod.yaml adds "worker" without an image: stack/layered-environments' finding, not compose/build-or-image's too.
    expect(result.diagnostics.filter((d) => d.relPath === 'stacks/layered/compose.prod.yaml' && /build-or-image|layered-environments/.test(d.ruleId)).map(brief)).toEqual([
      'stacks/layered/compose.prod.yaml:13:3-13:9 stack/layered-environments',
    ]);
  });

  it('does not report in files read only for context', async () => {
    const result = await run({ cwd: FIXTURES, patterns: ['stacks/layered/compose.dev.yaml'], noConfigLookup: true });
    expect(result.diagnostics.filter((d) => d.relPath !== 'stacks/layered/compose.dev.yaml')).toEqual([]);
    expect(result.diagnostics.filter((d) => MINE.test(d.ruleId)).map(brief)).toEqual(['stacks/layered/compose.dev.yaml:12:5-12:17 compose/network-mode-conflicts']);
  });

  it('applies the suppressions of the file a merged finding lands in', async () => {
    const result = await run({ cwd: FIXTURES, patterns: ['stacks/layered-suppressed'], noConfigLookup: true });
    const refs = result.diagnostics.filter((d) => d.ruleId === 'compose/references');
    expect(refs.map((d) => [brief(d), d.suppressed !== undefined])).toEqual([['stacks/layered-suppressed/compose.yaml:5:9-5:14 compose/references', true]]);
    expect(result.diagnostics.filter((d) => d.ruleId === 'stack-lint/unused-disable')).toEqual([]);
  });

  it('lints the projects settings.composeProjects declares instead of guessing from file names', async () => {
    const guessed = await run({ cwd: FIXTURES, patterns: ['stacks/declared'], noConfigLookup: true });
    expect(guessed.diagnostics.filter((d) => d.ruleId === 'compose/references').map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'stacks/declared/compose.ci.yaml:5:16-5:22 compose/references service "runner" uses network "ci-net", which is not declared under the top-level "networks"',
    ]);
    const declared = await run({ cwd: FIXTURES, patterns: ['stacks/declared'], configFile: 'stacks/declared/.stackpolicyrc.yaml' });
    expect(declared.diagnostics.filter((d) => d.ruleId === 'compose/references')).toEqual([]);
  });
});

describe('merging files', () => {
  it('merges mappings, appends lists, replaces commands, merges environment by key in either form', () => {
    const p = project({
      '/p/compose.yaml': 'services:\n  web:\n    image: a:1\n    command: ["a"]\n    dns: [1.1.1.1]\n    environment:\n      A: "1"\n      B: "1"\n    labels: [x=1]\n',
      '/p/compose.override.yaml': 'services:\n  web:\n    command: ["b"]\n    dns: 8.8.8.8\n    environment:\n      - B=2\n      - C=3\n    labels:\n      y: "2"\n',
    });
    const web = p.service('web')!;
    expect(toJS(web.node)).toEqual({ image: 'a:1', command: ['b'], dns: ['1.1.1.1', '8.8.8.8'], environment: { A: '1', B: '2', C: '3' }, labels: { x: '1', y: '2' } });
    // Every value still knows where it is written, down to the part of a `KEY=value` item.
    expect(line(web.get('image'))).toBe('p/compose.yaml:3');
    expect(line(web.get('command'))).toBe('p/compose.override.yaml:3');
    const env = web.get('environment');
    expect(isMap(env) && [line(env.get('A')), line(env.get('B')), line(env.get('C'))]).toEqual(['p/compose.yaml:7', 'p/compose.override.yaml:6', 'p/compose.override.yaml:7']);
    const b = isMap(env) ? env.get('B')! : undefined;
    expect(b && b.file.text.slice(b.start, b.end)).toBe('2');
    // The service is positioned on its first definition.
    expect(line(web.keyNode)).toBe('p/compose.yaml:2');
    expect(web.definitions.map((d) => line(d.keyNode))).toEqual(['p/compose.yaml:2', 'p/compose.override.yaml:2']);
  });

  it('keeps ports unique by ip:published:target/protocol and volumes by target', () => {
    const p = project({
      '/p/a.yaml': 'services:\n  web:\n    image: a:1\n    ports: ["80:80", "127.0.0.1:443:443", "9000:9000/udp"]\n    volumes: ["data:/data", "./conf:/etc/conf:ro"]\n',
      '/p/b.yaml': 'services:\n  web:\n    ports: ["80:80", "443:443", "9000:9000"]\n    volumes: ["./dev-data:/data", "/cache"]\n',
    });
    const web = p.service('web')!;
    expect(toJS(web.get('ports'))).toEqual(['80:80', '127.0.0.1:443:443', '9000:9000/udp', '443:443', '9000:9000']);
    expect(toJS(web.get('volumes'))).toEqual(['./dev-data:/data', './conf:/etc/conf:ro', '/cache']);
  });

  it('removes what !reset tags and replaces what !override tags', () => {
    const p = project({
      '/p/a.yaml': 'services:\n  web:\n    image: a:1\n    ports: ["80:80"]\n    environment: {A: "1", B: "1"}\n    networks: [front]\n',
      '/p/b.yaml': 'services:\n  web:\n    ports: !reset []\n    environment:\n      A: !reset null\n    networks: !override [back]\n',
    });
    expect(toJS(p.service('web')!.node)).toEqual({ image: 'a:1', environment: { B: '1' }, networks: ['back'] });
  });

  it('merges depends_on and build written in different forms, and records type clashes', () => {
    const p = project({
      '/p/a.yaml': 'services:\n  web:\n    build: ./web\n    depends_on: [db]\n    gpus: all\n  db:\n    image: postgres:16\n',
      '/p/b.yaml': 'services:\n  web:\n    build:\n      target: dev\n    depends_on:\n      db:\n        condition: service_healthy\n    gpus: [{driver: nvidia}]\n',
    });
    const web = p.service('web')!;
    expect(toJS(web.get('build'))).toEqual({ context: './web', target: 'dev' });
    expect(toJS(web.get('depends_on'))).toEqual({ db: { condition: 'service_healthy' } });
    expect(p.problems.map((x) => x.kind === 'merge-conflict' && [x.path.join('.'), line(x.base), line(x.node)])).toEqual([['services.web.gpus', 'p/a.yaml:5', 'p/b.yaml:8']]);
  });

  it('resolves extends within and across files, without inheriting depends_on', () => {
    const p = project(
      {
        '/p/compose.yaml': 'services:\n  web:\n    extends: {file: common.yaml, service: base}\n    ports: ["80:80"]\n  api:\n    extends: web\n    image: api:1\n',
        '/p/common.yaml': 'services:\n  base:\n    image: base:1\n    depends_on: [db]\n    environment: [A=1]\n',
      },
      ['/p/compose.yaml'],
    );
    expect(toJS(p.service('web')!.node)).toEqual({ image: 'base:1', environment: ['A=1'], ports: ['80:80'] });
    expect(toJS(p.service('api')!.node)).toEqual({ image: 'api:1', environment: ['A=1'], ports: ['80:80'] });
    expect(line(p.service('api')!.get('environment'))).toBe('p/common.yaml:5');
    expect(p.service('api')!.definitions.map((d) => [d.via, line(d.keyNode)])).toEqual([
      ['extends', 'p/common.yaml:2'],
      ['extends', 'p/compose.yaml:2'],
      ['file', 'p/compose.yaml:5'],
    ]);
    expect(p.documentOf(p.service('web')!.get('image')!)?.file.path).toBe('/p/common.yaml');
  });

  it('adds included resources, reports conflicts, and names the project', () => {
    const p = project(
      {
        '/p/compose.yaml': 'name: shop\ninclude: [db/compose.yaml]\nservices:\n  web:\n    image: a:1\n    depends_on: [db]\n',
        '/p/db/compose.yaml': 'services:\n  db:\n    image: postgres:16\nvolumes:\n  data:\n',
      },
      ['/p/compose.yaml'],
    );
    expect(p.name).toBe('shop');
    expect(p.services.map((s) => [s.name, s.includedBy ? line(s.includedBy) : undefined])).toEqual([
      ['web', undefined],
      ['db', 'p/compose.yaml:2'],
    ]);
    expect(Object.keys(toJS(p.section('volumes')) as object)).toEqual(['data']);
    expect(p.included.map((i) => i.files.map((f) => f.file.path))).toEqual([['/p/db/compose.yaml']]);
  });

  it('puts the environments of one base in a group, default first', () => {
    const docs = { base: doc('/p/compose.yaml', 'services: {web: {image: a:1}}\n'), prod: doc('/p/compose.prod.yaml', 'services: {web: {scale: 2}}\n') };
    const builder = new ProjectBuilder(() => 'missing');
    const prod = builder.build({ files: [docs.base, docs.prod], environment: 'prod', declared: false });
    const def = builder.build({ files: [docs.base], environment: 'default', declared: false });
    linkGroups([prod, def]);
    expect(prod.group.map((p) => p.environment)).toEqual(['default', 'prod']);
    expect(def.group).toBe(def.group);
    expect(isSeq(at(prod.root, 'services'))).toBe(false);
    expect(scalarText(at(prod.service('web')!.node, 'scale'))).toBe('2');
  });
});
