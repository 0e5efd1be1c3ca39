import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError, checkMetaConfig } from '../../src/config/index.js';
import { failure, loader, project } from './helpers.js';
import { cli } from '../helpers/cli.js';

/** A JS config that leaves a file named EXECUTED next to itself when it runs. */
const CJS = 'require("fs").writeFileSync(__dirname + "/EXECUTED", "x");\nmodule.exports = { rules: { DL3008: "off" } };\n';
const ESM =
  'import fs from "node:fs";\nfs.writeFileSync(new URL("./EXECUTED", import.meta.url), "x");\nexport default { rules: { DL3008: "off" } };\n';

const refusal = (file: string) => `refusing to execute ${file} because --no-code-config is set`;
const noCode = (root: string, extra = {}) => loader(root, { codeConfig: false, ...extra });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('--no-code-config', () => {
  it('refuses .stackpolicyrc.js found by lookup, without running it', async () => {
    const root = project({ '.stackpolicyrc.js': CJS });
    const err = await failure(noCode(root).forFile(path.join(root, 'sub/Dockerfile')));
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toBe(refusal(path.join(root, '.stackpolicyrc.js')));
    expect(fs.existsSync(path.join(root, 'EXECUTED'))).toBe(false);
  });

  it('refuses stackpolicy.config.mjs found by lookup, without running it', async () => {
    const root = project({ 'stackpolicy.config.mjs': ESM });
    const err = await failure(noCode(root).forFile(path.join(root, 'Dockerfile')));
    expect(err.message).toBe(refusal(path.join(root, 'stackpolicy.config.mjs')));
    expect(fs.existsSync(path.join(root, 'EXECUTED'))).toBe(false);
  });

  it('never looks in .config/ (not a search place), so .config/stackpolicyrc.js neither runs nor counts', async () => {
    const root = project({ '.config/stackpolicyrc.js': CJS });
    for (const codeConfig of [false, true]) {
      const config = await loader(root, { codeConfig }).forFile(path.join(root, 'Dockerfile'));
      expect(config.configPath).toBeUndefined();
      expect(config.rules.get('dockerfile/apt-pinned')?.severity).toBe('warning');
    }
    expect(fs.existsSync(path.join(root, '.config/EXECUTED'))).toBe(false);
  });

  it('takes a YAML config that comes before a JS one in the same folder', async () => {
    const root = project({ '.stackpolicyrc.yaml': 'rules: {DL3008: info}\n', '.stackpolicyrc.js': CJS });
    const config = await noCode(root).forFile(path.join(root, 'Dockerfile'));
    expect(config.configPath).toBe(path.join(root, '.stackpolicyrc.yaml'));
    expect(fs.existsSync(path.join(root, 'EXECUTED'))).toBe(false);
  });

  it('refuses a YAML config whose $import is a JS file', async () => {
    const root = project({ '.stackpolicyrc.yaml': '$import: ./x.js\nrules: {DL3008: info}\n', 'x.js': CJS });
    const err = await failure(noCode(root).forFile(path.join(root, 'Dockerfile')));
    expect(err.message).toBe(`${root}/.stackpolicyrc.yaml: $import: ${refusal(path.join(root, 'x.js'))}`);
    expect(err).toMatchObject({ file: path.join(root, '.stackpolicyrc.yaml'), keyPath: '$import' });
    expect(fs.existsSync(path.join(root, 'EXECUTED'))).toBe(false);
  });

  it('refuses a JS file imported through another import, and from package.json', async () => {
    const nested = project({
      '.stackpolicyrc.json': '{"$import": ["./base.yaml"]}',
      'base.yaml': '$import: [./lib/more.mjs]\n',
      'lib/more.mjs': ESM,
    });
    expect((await failure(noCode(nested).forFile(path.join(nested, 'Dockerfile')))).message).toBe(
      `${nested}/base.yaml: $import: ${refusal(path.join(nested, 'lib/more.mjs'))}`,
    );
    expect(fs.existsSync(path.join(nested, 'lib/EXECUTED'))).toBe(false);

    const pkg = project({ 'package.json': '{"stackpolicy": {"$import": "./policy.cjs"}}', 'policy.cjs': CJS });
    expect((await failure(noCode(pkg).forFile(path.join(pkg, 'Dockerfile')))).message).toBe(
      `${pkg}/package.json: $import: ${refusal(path.join(pkg, 'policy.cjs'))}`,
    );
    expect(fs.existsSync(path.join(pkg, 'EXECUTED'))).toBe(false);
  });

  it('refuses -c with a JS file', async () => {
    const root = project({ 'policy.mjs': ESM });
    const err = await failure(noCode(root, { configFile: 'policy.mjs' }).forFile(path.join(root, 'Dockerfile')));
    expect(err.message).toBe(refusal(path.join(root, 'policy.mjs')));
    expect(fs.existsSync(path.join(root, 'EXECUTED'))).toBe(false);
  });

  it('still loads JSON, YAML and package.json configs', async () => {
    const root = project({ 'a/.stackpolicyrc.json': '{"rules": {"DL3008": "off"}}', 'b/package.json': '{"stackpolicy": {"rules": {"DL3008": "off"}}}' });
    const l = noCode(root);
    expect((await l.forFile(path.join(root, 'a/Dockerfile'))).rules.get('dockerfile/apt-pinned')?.severity).toBe('off');
    expect((await l.forFile(path.join(root, 'b/Dockerfile'))).rules.get('dockerfile/apt-pinned')?.severity).toBe('off');
  });
});

describe('code configs allowed (the default)', () => {
  it('follows a $import of a JS file', async () => {
    const root = project({ '.stackpolicyrc.yaml': '$import: ./x.cjs\nrules: {dockerfile/non-root-user: info}\n', 'x.cjs': CJS });
    const config = await loader(root).forFile(path.join(root, 'Dockerfile'));
    expect(config.rules.get('dockerfile/apt-pinned')?.severity).toBe('off');
    expect(config.rules.get('dockerfile/non-root-user')?.severity).toBe('info');
    expect(fs.existsSync(path.join(root, 'EXECUTED'))).toBe(true);
  });
});

describe("cosmiconfig's meta config in the working directory", () => {
  it('is refused when it is JS, before cosmiconfig can run it', async () => {
    const root = project({ '.config/config.js': CJS, '.stackpolicyrc.yaml': 'rules: {}\n' });
    vi.spyOn(process, 'cwd').mockReturnValue(root);
    const err = await failure(noCode(root).forFile(path.join(root, 'Dockerfile')));
    expect(err.message).toBe(
      `${refusal(path.join(root, '.config/config.js'))} (cosmiconfig loads it as its meta config from the working directory)`,
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(fs.existsSync(path.join(root, '.config/EXECUTED'))).toBe(false);
  });

  it('is refused when a JSON meta config imports JS', () => {
    const root = project({ '.config/config.json': '{"$import": "./more.yaml"}', '.config/more.yaml': '$import: ../evil.mjs\n' });
    expect(() => checkMetaConfig(root)).toThrow(
      `${refusal(path.join(root, 'evil.mjs'))} (cosmiconfig loads it as its meta config from the working directory)`,
    );
  });

  it('is fine when an earlier place wins or the JS file is empty', () => {
    expect(() => checkMetaConfig(project({ '.config/config.yaml': 'cosmiconfig: {}\n', '.config/config.js': CJS }))).not.toThrow();
    expect(() => checkMetaConfig(project({ 'package.json': '{"cosmiconfig": {}}', '.config/config.js': CJS }))).not.toThrow();
    expect(() => checkMetaConfig(project({ '.config/config.js': '\n' }))).not.toThrow();
    // A package.json without the key does not win: the JS one is next.
    expect(() => checkMetaConfig(project({ 'package.json': '{}', '.config/config.js': CJS }))).toThrow(/refusing to execute/);
  });

  it('is run by cosmiconfig itself when code configs are allowed (why the check exists)', async () => {
    const root = project({ '.config/config.js': CJS });
    vi.spyOn(process, 'cwd').mockReturnValue(root);
    await loader(root).forFile(path.join(root, 'Dockerfile'));
    await vi.waitFor(() => expect(fs.existsSync(path.join(root, '.config/EXECUTED'))).toBe(true));
  });
});

describe('--no-code-config and custom formatters', () => {
  /** A formatter that leaves a file named EXECUTED next to itself when it is loaded. */
  const FORMATTER = 'require("fs").writeFileSync(__dirname + "/EXECUTED", "x");\nmodule.exports = () => "formatted\\n";\n';
  const executed = (root: string) => ['EXECUTED', 'node_modules/stack-lint-formatter-evil/EXECUTED'].some((f) => fs.existsSync(path.join(root, f)));

  function withFormatters(): string {
    const root = project({
      'Dockerfile': 'FROM alpine:3.20\n',
      'node_modules/stack-lint-formatter-evil/package.json': '{"name":"stack-lint-formatter-evil","main":"index.js"}',
      'node_modules/stack-lint-formatter-evil/index.js': FORMATTER,
      'fmt.cjs': FORMATTER,
    });
    return root;
  }

  it('refuses a stack-lint-formatter-<name> package of the checkout, as it refuses a JS config (exit 2)', async () => {
    const root = withFormatters();
    const run = await cli(['--no-code-config', '-f', 'evil', '.'], root);
    expect(run.stderr).toBe(`stack-lint: ${refusal(path.join(root, 'node_modules/stack-lint-formatter-evil/index.js'))}\n`);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
    expect(executed(root)).toBe(false);
  });

  it('refuses a formatter module named by path, and one that is not there alike', async () => {
    const root = withFormatters();
    const byPath = await cli(['--no-code-config', '-f', './fmt.cjs', '.'], root);
    expect(byPath.stderr).toBe(`stack-lint: ${refusal(path.join(root, 'fmt.cjs'))}\n`);
    expect(byPath.code).toBe(2);
    const missing = await cli(['--no-code-config', '-f', 'nowhere', '.'], root);
    expect(missing.stderr).toBe('stack-lint: refusing to execute formatter "nowhere" because --no-code-config is set\n');
    expect(missing.code).toBe(2);
    expect(executed(root)).toBe(false);
  });

  it('still runs them without the flag', async () => {
    const root = withFormatters();
    const run = await cli(['-f', 'evil', '.'], root);
    expect(run.stdout).toBe('formatted\n');
    expect(executed(root)).toBe(true);
  });
});

describe('--no-code-config and the shellcheck program', () => {
  afterEach(() => vi.unstubAllEnvs());

  /** A checkout whose node_modules/.bin holds a "shellcheck" that leaves a mark when run; npx puts that folder on PATH. */
  function withShellcheck(): { root: string; marker: string } {
    const root = project({ 'run.sh': '#!/bin/sh\necho $1\n', 'node_modules/.bin/shellcheck': '#!/bin/sh\nPATH=/usr/bin:/bin\ntouch "$(dirname "$0")/EXECUTED"\necho "version: 0.10.0"\n' });
    fs.chmodSync(path.join(root, 'node_modules/.bin/shellcheck'), 0o755);
    vi.stubEnv('PATH', path.join(root, 'node_modules/.bin'));
    return { root, marker: path.join(root, 'node_modules/.bin/EXECUTED') };
  }

  it.runIf(process.platform !== 'win32')('does not run a shellcheck inside the checkout, and says why ShellCheck did not run', async () => {
    const { root, marker } = withShellcheck();
    const run = await cli(['--no-code-config', '--rule', 'shell/shellcheck: error', '-f', 'json', 'run.sh'], root);
    expect(fs.existsSync(marker)).toBe(false);
    const messages = (JSON.parse(run.stdout) as { files: { diagnostics: { ruleId: string; message: string }[] }[] }).files.flatMap((f) => f.diagnostics).filter((d) => d.ruleId === 'shell/shellcheck');
    expect(messages.map((d) => d.message)).toEqual([
      'shell/shellcheck is enabled, but no shellcheck program is on PATH outside the project (one inside it is code of the checkout, which --no-code-config does not run), so ShellCheck did not run; install it (apt-get install shellcheck, brew install shellcheck, …) or turn the rule off',
    ]);
  });

  it.runIf(process.platform !== 'win32')('runs it without the flag', async () => {
    const { root, marker } = withShellcheck();
    await cli(['--rule', 'shell/shellcheck: error', '-f', 'json', 'run.sh'], root);
    expect(fs.existsSync(marker)).toBe(true);
  });
});
