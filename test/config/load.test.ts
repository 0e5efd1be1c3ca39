import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../src/config/index.js';
import { failure, loader, project, registry, severities } from './helpers.js';

const DEFAULTS = {
  'compose/image-pinned': 'warning',
  'compose/no-debug-in-production': 'off',
  'dockerfile/apt-pinned': 'warning',
  'dockerfile/non-root-user': 'error',
};

afterEach(() => vi.restoreAllMocks());

describe('config lookup', () => {
  it('finds the config of a parent folder from a nested one', async () => {
    const root = project({ '.stackpolicyrc.yaml': 'rules:\n  dockerfile/non-root-user: off\n', 'a/b/c/Dockerfile': '' });
    const config = await loader(root).forFile(path.join(root, 'a/b/c/Dockerfile'));
    expect(config.configPath).toBe(path.join(root, '.stackpolicyrc.yaml'));
    expect(config.rules.get('dockerfile/non-root-user')?.severity).toBe('off');
  });

  it('takes the nearest config; configs do not cascade', async () => {
    const root = project({
      '.stackpolicyrc.yaml': 'rules:\n  dockerfile/non-root-user: off\n',
      'svc/.stackpolicyrc.json': '{"rules": {"DL3008": "error"}}',
    });
    const config = await loader(root).forFile(path.join(root, 'svc/deep/Dockerfile'));
    expect(config.configPath).toBe(path.join(root, 'svc/.stackpolicyrc.json'));
    expect(severities(config)).toEqual({ ...DEFAULTS, 'dockerfile/apt-pinned': 'error' });
  });

  it('stops at the first folder containing .git', async () => {
    const outer = project({ '.stackpolicyrc': 'rules: {dockerfile/non-root-user: off}\n' });
    fs.mkdirSync(path.join(outer, 'repo/.git'), { recursive: true });
    fs.mkdirSync(path.join(outer, 'repo/src'), { recursive: true });
    const config = await loader(outer).forFile(path.join(outer, 'repo/src/Dockerfile'));
    expect(config.configPath).toBeUndefined();
    expect(severities(config)).toEqual(DEFAULTS);
    // The folder holding .git is itself searched, and a `.git` file (worktree) counts too.
    fs.writeFileSync(path.join(outer, 'repo/.stackpolicyrc.yml'), 'rules: {DL3008: off}\n');
    fs.mkdirSync(path.join(outer, 'wt/src'), { recursive: true });
    fs.writeFileSync(path.join(outer, 'wt/.git'), 'gitdir: ../repo/.git\n');
    const fresh = loader(outer);
    expect((await fresh.forFile(path.join(outer, 'repo/src/Dockerfile'))).configPath).toBe(path.join(outer, 'repo/.stackpolicyrc.yml'));
    expect((await fresh.forFile(path.join(outer, 'wt/src/Dockerfile'))).configPath).toBeUndefined();
  });

  it('walks past folders without .git', async () => {
    const root = project({ '.stackpolicyrc': 'rules: {dockerfile/non-root-user: info}\n', 'x/y/z/.keep': '' });
    const config = await loader(root).forFile(path.join(root, 'x/y/z/Dockerfile'));
    expect(config.configPath).toBe(path.join(root, '.stackpolicyrc'));
  });

  it('skips a package.json without a "stackpolicy" key', async () => {
    const root = project({ '.stackpolicyrc.yaml': 'rules: {DL3008: off}\n', 'web/package.json': '{"name": "web"}' });
    const config = await loader(root).forFile(path.join(root, 'web/Dockerfile'));
    expect(config.configPath).toBe(path.join(root, '.stackpolicyrc.yaml'));
  });

  it('treats an empty config file as the config of its folder', async () => {
    const root = project({ '.stackpolicyrc.yaml': 'rules: {DL3008: off}\n', 'sub/.stackpolicyrc': '' });
    const config = await loader(root).forFile(path.join(root, 'sub/Dockerfile'));
    expect(config.configPath).toBe(path.join(root, 'sub/.stackpolicyrc'));
    expect(severities(config)).toEqual(DEFAULTS);
  });

  it('treats a config of comments only as an empty config', async () => {
    const root = project({ '.stackpolicyrc.yaml': 'rules: {DL3008: off}\n', 'sub/.stackpolicyrc.yml': '# nothing yet\n' });
    const config = await loader(root).forFile(path.join(root, 'sub/Dockerfile'));
    expect(config.configPath).toBe(path.join(root, 'sub/.stackpolicyrc.yml'));
    expect(severities(config)).toEqual(DEFAULTS);
  });

  it('opens search places only in folders that list one', async () => {
    const root = project({ '.stackpolicyrc.yaml': 'rules: {DL3008: off}\n', 'a/b/c/.keep': '', 'a/package.json': '{"name": "a"}' });
    const opened: string[] = [];
    const readFile = fs.promises.readFile;
    vi.spyOn(fs.promises, 'readFile').mockImplementation(((file: fs.PathLike, ...rest: unknown[]) => {
      opened.push(String(file));
      return (readFile as (...a: unknown[]) => Promise<unknown>)(file, ...rest);
    }) as never);
    const config = await loader(root).forFile(path.join(root, 'a/b/c/Dockerfile'));
    expect(config.configPath).toBe(path.join(root, '.stackpolicyrc.yaml'));
    // c and b hold none of the names: nothing is opened there. a holds a package.json (without the key), the root the config.
    const folders = new Set(opened.map((f) => path.relative(root, path.dirname(f))).filter((d) => !d.startsWith('..')));
    expect([...folders].sort()).toEqual(['', 'a']);
  });

  it("honours the search places a cosmiconfig meta config sets in the working directory", async () => {
    const root = project({
      '.config/config.yaml': 'cosmiconfig:\n  searchPlaces: [policy/stack.yaml]\n',
      'svc/policy/stack.yaml': 'rules: {DL3008: error}\n',
    });
    vi.spyOn(process, 'cwd').mockReturnValue(root);
    const config = await loader(root).forFile(path.join(root, 'svc/Dockerfile'));
    expect(config.configPath).toBe(path.join(root, 'svc/policy/stack.yaml'));
    expect(config.rules.get('dockerfile/apt-pinned')?.severity).toBe('error');
  });

  it('searches each folder once', async () => {
    const root = project({ '.stackpolicyrc.yaml': 'rules: {DL3008: off}\n', 'a/.keep': '' });
    const l = loader(root);
    const [a, b] = await Promise.all([l.forFile(path.join(root, 'a/x/Dockerfile')), l.forFile(path.join(root, 'a/y/Dockerfile'))]);
    expect(a).toBe(b); // same config, same overrides → the same object
    fs.writeFileSync(path.join(root, 'a/.stackpolicyrc.yaml'), 'rules: {DL3008: error}\n', { flag: 'w' });
    // `a` was already searched (and found nothing) for this loader.
    expect((await l.forFile(path.join(root, 'a/z/Dockerfile'))).configPath).toBe(path.join(root, '.stackpolicyrc.yaml'));
  });
});

describe('config file formats', () => {
  const cases: [string, string][] = [
    ['.stackpolicyrc', 'rules:\n  DL3008: error\n'],
    ['.stackpolicyrc', '{"rules": {"DL3008": "error"}}'],
    ['.stackpolicyrc.json', '{"rules": {"DL3008": "error"}}'],
    ['.stackpolicyrc.yaml', 'rules:\n  DL3008: error\n'],
    ['.stackpolicyrc.yml', 'rules: {DL3008: error}\n'],
    ['.stackpolicyrc.js', 'module.exports = { rules: { DL3008: "error" } };\n'],
    ['.stackpolicyrc.cjs', 'module.exports = { rules: { DL3008: "error" } };\n'],
    ['.stackpolicyrc.mjs', 'export default { rules: { DL3008: "error" } };\n'],
    ['stackpolicy.config.js', 'module.exports = { rules: { DL3008: "error" } };\n'],
    ['stackpolicy.config.mjs', 'export default { rules: { DL3008: "error" } };\n'],
    ['stackpolicy.config.cjs', 'module.exports = { rules: { DL3008: "error" } };\n'],
    ['package.json', '{"name": "x", "stackpolicy": {"rules": {"DL3008": "error"}}}'],
  ];
  it.each(cases)('loads %s', async (name, text) => {
    const root = project({ [name]: text });
    const config = await loader(root).forFile(path.join(root, 'Dockerfile'));
    expect(config.configPath).toBe(path.join(root, name));
    expect(config.rules.get('dockerfile/apt-pinned')).toEqual({ severity: 'error', options: {} });
  });

  it('names file, line and column of a YAML syntax error', async () => {
    const root = project({ '.stackpolicyrc.yaml': 'rules:\n  DL3008: [error\nignores: []\n' });
    const err = await failure(loader(root).forFile(path.join(root, 'Dockerfile')));
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toBe(
      `${root}/.stackpolicyrc.yaml:3:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`,
    );
    expect(err).toMatchObject({ file: path.join(root, '.stackpolicyrc.yaml'), line: 3, column: 1 });
  });

  it('names a duplicate key in YAML', async () => {
    const root = project({ '.stackpolicyrc': 'rules: {}\nignores: []\nrules: {}\n' });
    const err = await failure(loader(root).forFile(path.join(root, 'Dockerfile')));
    expect(err.message).toBe(`${root}/.stackpolicyrc:3:1: invalid YAML: Map keys must be unique`);
  });

  it('names file, line and column of a JSON syntax error', async () => {
    const root = project({ '.stackpolicyrc.json': '{\n  "rules": {"DL3008": "error",}\n}\n' });
    const err = await failure(loader(root).forFile(path.join(root, 'Dockerfile')));
    expect(err.message).toBe(`${root}/.stackpolicyrc.json:2:31: invalid JSON: Expected double-quoted property name`);
  });

  it('merges $import (arrays replaced, keys here win)', async () => {
    const root = project({
      'base.yaml': 'rules:\n  compose/image-pinned: [error, {requireDigest: true}]\n  DL3008: off\nignores: [a/**]\n',
      '.stackpolicyrc.yaml': '$import: ./base.yaml\nrules:\n  compose/image-pinned: [info, {allow: [nginx]}]\nignores: [b/**]\n',
    });
    const config = await loader(root).forFile(path.join(root, 'compose.yaml'));
    expect(config.rules.get('compose/image-pinned')).toEqual({ severity: 'info', options: { requireDigest: false, allow: ['nginx'] } });
    expect(config.rules.get('dockerfile/apt-pinned')?.severity).toBe('off');
    expect(config.ignores.patterns).toEqual(['b/**']);
  });

  it('reports a missing $import instead of skipping the config', async () => {
    const root = project({ '.stackpolicyrc.yaml': '$import: ./missing.yaml\nrules: {DL3008: off}\n' });
    const err = await failure(loader(root).forFile(path.join(root, 'Dockerfile')));
    expect(err.message).toBe(`${root}/.stackpolicyrc.yaml: $import: cannot find ${root}/missing.yaml`);
  });

  it('reports a $import that is not a path', async () => {
    const root = project({ '.stackpolicyrc.yaml': '$import: [./a.yaml, 3]\n', 'a.yaml': '{}\n' });
    const err = await failure(loader(root).forFile(path.join(root, 'Dockerfile')));
    expect(err.message).toBe(`${root}/.stackpolicyrc.yaml: $import: expected a path or a list of paths; got the number 3`);
  });

  it('reports validation errors with the config path', async () => {
    const root = project({ '.stackpolicyrc.yaml': 'rules:\n  compose/imag-pinned: error\n' });
    const err = await failure(loader(root).forFile(path.join(root, 'compose.yaml')));
    expect(err.message).toBe(`${root}/.stackpolicyrc.yaml: rules["compose/imag-pinned"]: unknown rule; did you mean "compose/image-pinned"?`);
  });
});

describe('resolution', () => {
  it('defaults: meta.severity, off when not recommended, options from the schema', async () => {
    const root = project({});
    const config = await loader(root).forFile(path.join(root, 'compose.yaml'));
    expect(config.configPath).toBeUndefined();
    expect(severities(config)).toEqual(DEFAULTS);
    expect(config.rules.get('compose/image-pinned')?.options).toEqual({ requireDigest: false, allow: [] });
    expect(config.linterOptions).toEqual({ reportUnusedDisableDirectives: 'warning' });
  });

  it('applies defaults ← extends ← rules ← overrides ← --rule', async () => {
    const root = project({
      '.stackpolicyrc.yaml': [
        'extends: [stack-lint:all]',
        'rules:',
        '  compose/image-pinned: [error, {requireDigest: true}]',
        '  dockerfile/non-root-user: off',
        '  DL3008: info',
        'overrides:',
        '  - files: ["docker-compose.prod.y*ml", "compose.prod.y*ml"]',
        '    rules: {compose/no-debug-in-production: warning, compose/image-pinned: info}',
        '    settings: {tier: prod, nested: {b: 2}}',
        '  - files: ["deploy/**"]',
        '    rules: {compose/image-pinned: [warning, {allow: [nginx]}]}',
        'settings: {nested: {a: 1}, list: [1]}',
        '',
      ].join('\n'),
    });
    const l = loader(root, { cliRules: ['compose/no-debug-in-production: error', 'dockerfile/non-root-user: info'] });

    const plain = await l.forFile(path.join(root, 'compose.yaml'));
    expect(severities(plain)).toEqual({
      'compose/image-pinned': 'error',
      'compose/no-debug-in-production': 'error', // all → error, --rule → error
      'dockerfile/apt-pinned': 'info',
      'dockerfile/non-root-user': 'info', // rules → off, --rule → info
    });
    expect(plain.overrides).toEqual([]);
    expect(plain.settings).toEqual({ nested: { a: 1 }, list: [1] });

    const prod = await l.forFile(path.join(root, 'deploy/eu/docker-compose.prod.yml'));
    expect(prod.overrides).toEqual([0, 1]);
    // override 0 keeps the options of `rules` (bare severity); override 1 replaces them.
    expect(prod.rules.get('compose/image-pinned')).toEqual({ severity: 'warning', options: { requireDigest: false, allow: ['nginx'] } });
    expect(prod.rules.get('compose/no-debug-in-production')?.severity).toBe('error');
    expect(prod.settings).toEqual({ tier: 'prod', nested: { a: 1, b: 2 }, list: [1] });

    const prodOnly = await l.forFile(path.join(root, 'compose.prod.yaml'));
    expect(prodOnly.overrides).toEqual([0]);
    expect(prodOnly.rules.get('compose/image-pinned')).toEqual({ severity: 'info', options: { requireDigest: true, allow: [] } });
  });

  it('extends: recommended is the defaults; all switches on every rule', async () => {
    const root = project({ 'a/.stackpolicyrc': 'extends: stack-lint:recommended\n', 'b/.stackpolicyrc': 'extends: [stack-lint:all]\n' });
    const l = loader(root);
    expect(severities(await l.forFile(path.join(root, 'a/x')))).toEqual(DEFAULTS);
    expect(severities(await l.forFile(path.join(root, 'b/x')))).toEqual({ ...DEFAULTS, 'compose/no-debug-in-production': 'error' });
  });

  it('resolves presets through the callback and names an unknown one', async () => {
    const root = project({ '.stackpolicyrc': 'extends: [team:strict, stack-lint:recomended]\n' });
    const presets = (name: string) => (name === 'team:strict' ? { 'dockerfile/apt-pinned': 'error' as const } : undefined);
    const err = await failure(loader(root, { presets, presetNames: ['team:strict', 'stack-lint:recommended'] }).forFile(path.join(root, 'x')));
    expect(err.message).toBe(`${root}/.stackpolicyrc: extends[1]: unknown preset "stack-lint:recomended"; did you mean "stack-lint:recommended"?`);
    const ok = project({ '.stackpolicyrc': 'extends: [team:strict]\n' });
    expect((await loader(ok, { presets }).forFile(path.join(ok, 'x'))).rules.get('dockerfile/apt-pinned')?.severity).toBe('error');
    const bad = project({ '.stackpolicyrc': 'extends: [team:broken]\n' });
    const broken = () => ({ 'compose/nope': 'error' as const });
    expect((await failure(loader(bad, { presets: broken }).forFile(path.join(bad, 'x')))).message).toBe(
      'preset "team:broken": rules["compose/nope"]: unknown rule',
    );
  });

  it('maps DL3008 to its rule', async () => {
    const root = project({ '.stackpolicyrc.yaml': 'rules: {DL3008: warning}\noverrides: [{files: Dockerfile.dev, rules: {DL3008: off}}]\n' });
    const l = loader(root);
    expect((await l.forFile(path.join(root, 'Dockerfile'))).rules.get('dockerfile/apt-pinned')?.severity).toBe('warning');
    expect((await l.forFile(path.join(root, 'x/Dockerfile.dev'))).rules.get('dockerfile/apt-pinned')?.severity).toBe('off');
  });

  it('refuses a malformed --rule when the loader is made', () => {
    expect(() => loader('/', { cliRules: ['compose/image-pinned=error'] })).toThrow(
      new ConfigError('expected "<rule-id>: <severity>" or "<rule-id>: [<severity>, {<options>}]"', {
        keyPath: '--rule "compose/image-pinned=error"',
      }),
    );
    expect(() => loader('/', { cliRules: ['compose/image-pinned: [error, {requireDigest: 1}]'] })).toThrow(
      '--rule "compose/image-pinned": option "requireDigest": expected true or false, got the number 1',
    );
  });

  it('applies --rule options over the config, and a bare --rule severity keeps them', async () => {
    const root = project({ '.stackpolicyrc': 'rules:\n  compose/image-pinned: [error, {requireDigest: true}]\n' });
    const keep = await loader(root, { cliRules: ['compose/image-pinned: off'] }).forFile(path.join(root, 'c.yml'));
    expect(keep.rules.get('compose/image-pinned')).toEqual({ severity: 'off', options: { requireDigest: true, allow: [] } });
    const replace = await loader(root, { cliRules: ['compose/image-pinned: [info, {"allow": ["x"]}]'] }).forFile(path.join(root, 'c.yml'));
    expect(replace.rules.get('compose/image-pinned')).toEqual({ severity: 'info', options: { requireDigest: false, allow: ['x'] } });
  });
});

describe('-c and --no-config-lookup', () => {
  it('-c uses only the given file, with globs relative to the working directory', async () => {
    const root = project({
      '.stackpolicyrc': 'rules: {DL3008: off}\n',
      'policies/ci.yaml': 'rules: {dockerfile/non-root-user: info}\nignores: [vendor/**]\noverrides: [{files: "svc/*", rules: {DL3008: error}}]\n',
    });
    const l = loader(root, { configFile: 'policies/ci.yaml' });
    const config = await l.forFile(path.join(root, 'x/Dockerfile'));
    expect(config.configPath).toBe(path.join(root, 'policies/ci.yaml'));
    expect(severities(config)).toEqual({ ...DEFAULTS, 'dockerfile/non-root-user': 'info' });
    expect(await l.isIgnored(path.join(root, 'vendor/a/Dockerfile'))).toBe(true);
    expect((await l.forFile(path.join(root, 'svc/Dockerfile'))).rules.get('dockerfile/apt-pinned')?.severity).toBe('error');
  });

  it('-c with a missing file is an error', async () => {
    const root = project({});
    const err = await failure(loader(root, { configFile: 'nope.yaml' }).forFile(path.join(root, 'x')));
    expect(err.message).toBe(`${root}/nope.yaml: cannot read the config file: no such file`);
  });

  it('--no-config-lookup uses defaults and --rule only', async () => {
    const root = project({ '.stackpolicyrc': 'rules: {DL3008: off}\nignores: ["*"]\n' });
    const l = loader(root, { noConfigLookup: true, cliRules: ['dockerfile/non-root-user: warning'] });
    const config = await l.forFile(path.join(root, 'Dockerfile'));
    expect(config.configPath).toBeUndefined();
    expect(severities(config)).toEqual({ ...DEFAULTS, 'dockerfile/non-root-user': 'warning' });
    expect(await l.isIgnored(path.join(root, 'Dockerfile'))).toBe(false);
  });
});

describe('ignores, kinds and print-config', () => {
  const root = project({
    '.stackpolicyrc.yaml': [
      'ignores: ["vendor/**", "**/testdata/**", "*.bak", "/build", "tmp/"]',
      'kinds: {"**/*.compose.yml": compose, "scripts/run-*": shell, "scripts/*": dockerfile}',
      'plugins: [some-plugin]',
      'linterOptions: {reportUnusedDisableDirectives: error}',
      'rules: {compose/image-pinned: [error, {requireDigest: true}]}',
      '',
    ].join('\n'),
  });
  const at = (rel: string) => path.join(root, rel);

  it('ignores paths like .gitignore does, relative to the config folder', async () => {
    const l = loader(root);
    const ignored = async (rel: string) => l.isIgnored(at(rel));
    expect(await ignored('vendor/x/Dockerfile')).toBe(true);
    expect(await ignored('a/testdata/b/run.sh')).toBe(true);
    expect(await ignored('testdata/run.sh')).toBe(true);
    expect(await ignored('deep/x.bak')).toBe(true);
    expect(await ignored('deep/x.bak/inner.sh')).toBe(true); // a matched folder ignores its contents
    expect(await ignored('build/Dockerfile')).toBe(true);
    expect(await ignored('src/build/Dockerfile')).toBe(false); // `/build` is anchored
    expect(await ignored('tmp/a.sh')).toBe(true);
    expect(await ignored('src/vendor/Dockerfile')).toBe(false); // `vendor/**` is anchored
    expect(await ignored('.github/x.sh')).toBe(false);
    const matcher = await l.ignoresFor(root);
    expect(matcher.matches(at('vendor'))).toBe(true); // so discovery can prune the folder
    expect(matcher.base).toBe(root);
  });

  it('maps extra globs to kinds, first match wins', async () => {
    const config = await loader(root).forFile(at('x.sh'));
    expect(config.kinds.kindOf(at('a/b/app.compose.yml'))).toBe('compose');
    expect(config.kinds.kindOf(at('scripts/run-all'))).toBe('shell');
    expect(config.kinds.kindOf(at('scripts/other'))).toBe('dockerfile');
    expect(config.kinds.kindOf(at('other/scripts/run-all'))).toBeUndefined();
  });

  it('prints the resolved config as plain JSON', async () => {
    const printed = await loader(root).printConfig(at('compose.yaml'));
    expect(JSON.parse(JSON.stringify(printed))).toEqual({
      configPath: at('.stackpolicyrc.yaml'),
      basePath: root,
      extends: [],
      plugins: ['some-plugin'],
      overrides: [],
      rules: {
        'compose/image-pinned': ['error', { requireDigest: true, allow: [] }],
        'compose/no-debug-in-production': 'off',
        'dockerfile/apt-pinned': 'warning',
        'dockerfile/non-root-user': 'error',
      },
      settings: {},
      ignores: ['vendor/**', '**/testdata/**', '*.bak', '/build', 'tmp/'],
      kinds: { '**/*.compose.yml': 'compose', 'scripts/run-*': 'shell', 'scripts/*': 'dockerfile' },
      linterOptions: { reportUnusedDisableDirectives: 'error' },
    });
  });

  it('uses the registry it was given', () => {
    expect(registry.ids()).toHaveLength(4);
  });
});
