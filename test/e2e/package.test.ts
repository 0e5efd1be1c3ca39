import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import fg from 'fast-glob';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { FIXTURES, ROOT } from '../helpers/lint.js';
import { sarifValidator } from '../report/schemas.js';

// One file, so the build and the packing never race each other.
const cli = path.join(ROOT, 'dist/cli.js');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Newest modification time of the files a build reads, and oldest of the files it writes. */
function newestSource(): number {
  const sources = fg.sync(['src/**', 'rules/**', 'scripts/build.mjs', 'package.json', 'tsconfig*.json'], { cwd: ROOT, absolute: true });
  return Math.max(...sources.map((f) => statSync(f).mtimeMs));
}
function oldestOutput(): number {
  const outputs = ['cli.js', 'cli.cjs', 'part-compose.cjs', 'part-dockerfile.cjs', 'part-shell.cjs', 'index.js', 'kit.js', 'testing.js'].map((f) => path.join(ROOT, 'dist', f));
  return Math.min(...outputs.map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)));
}

// `npm ci` has just built dist/ on a clean checkout; after an edit, build again so these tests see the sources.
beforeAll(() => {
  if (oldestOutput() < newestSource()) execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'pipe' });
}, 60_000);

describe('the built entry points', () => {
  it('a pack written against stack-lint, stack-lint/kit and stack-lint/testing imports them by name and tests its rule', () => {
    const pack = [
      "import { defineRule } from 'stack-lint';",
      "import { parseImageRef, svc } from 'stack-lint/kit';",
      "import { RuleTester } from 'stack-lint/testing';",
      "const rule = defineRule({",
      "  meta: { id: 'acme/no-hub', kind: 'compose', category: 'images', severity: 'warning', fix: 'none', summary: 'Images come from a registry', scope: 'environment' },",
      "  check(ctx) {",
      "    for (const s of ctx.project.services) {",
      "      const n = s.get('image');",
      "      if (n && !parseImageRef(String(n.value)).registry) ctx.report({ node: n, message: `${svc(s.name)} pulls from Docker Hub` });",
      "    }",
      "  },",
      "});",
      "await new RuleTester(rule).run({",
      "  valid: ['services:\\n  a:\\n    image: ghcr.io/x/a:1\\n'],",
      "  invalid: [{ filename: 'compose.yaml', code: 'services:\\n  a:\\n    image: redis:7\\n', errors: [{ line: 3, column: 12, message: 'service \"a\" pulls from Docker Hub' }] }],",
      "});",
      "console.log('tested');",
    ].join('\n');
    // Run from the package's own folder, where its name resolves to itself through `exports`, as in a pack's tests.
    const out = spawnSync(process.execPath, ['--input-type=module', '-e', pack], { cwd: ROOT, encoding: 'utf8' });
    expect(out.stderr).toBe('');
    expect(out.stdout).toBe('tested\n');
  });
});

describe('the built CLI', () => {
  it('runs from dist/ on the example stack: findings of all three kinds, exit 1', () => {
    const out = spawnSync(process.execPath, [cli, '--no-color', 'fixtures/stacks/deadtrees'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(out.status).toBe(1);
    expect(out.stderr).toBe('');
    expect(out.stdout).toContain('fixtures/stacks/deadtrees/docker-compose.api.yaml');
    expect(out.stdout).toMatch(/16:13\s+error\s+service "api"'s healthcheck runs curl/);
    expect(out.stdout).toMatch(/1:6\s+error\s+base image "nginx" has no tag/);
    expect(out.stdout).toMatch(/3:1\s+warning\s+`docker-compose` is Compose v1/);
  });

  it('loads tree-sitter from the bundle (a shell-only run) and prints the version', () => {
    const version = spawnSync(process.execPath, [cli, '--version'], { encoding: 'utf8' });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const out = spawnSync(process.execPath, [cli, '-f', 'json', 'fixtures/shell/strict-mode/good'], { cwd: ROOT, encoding: 'utf8' });
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout).summary.files).toBe(4);
  });
});

describe('the end of a run', () => {
  const TARGETS = ['fixtures/shell', 'fixtures/dockerfile', 'fixtures/stacks'];
  const run = (onFirstChunk: (child: ReturnType<typeof spawn>) => void) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [cli, '-f', 'json', '--no-config-lookup', ...TARGETS], { cwd: ROOT });
      let stdout = '';
      let stderr = '';
      let first = true;
      child.stdout.on('data', (b: Buffer) => {
        stdout += b.toString('utf8');
        if (first) onFirstChunk(child);
        first = false;
      });
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });

  it('a reader that closes the pipe early (| head) ends the run quietly, with its exit code', async () => {
    const out = await run((child) => child.stdout!.destroy());
    expect(out.stderr).toBe('');
    expect(out.code).toBe(1);
  }, 60_000);

  it('exits once the report is written, all of it, even to a reader that is slow to take it', async () => {
    const out = await run((child) => {
      child.stdout!.pause();
      setTimeout(() => child.stdout!.resume(), 300);
    });
    expect(out.code).toBe(1);
    expect(out.stderr).toBe('');
    const whole = spawnSync(process.execPath, [cli, '-f', 'json', '--no-config-lookup', ...TARGETS], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
    const withoutDuration = (text: string) => text.replace(/"durationMs": \d+/, '');
    expect(out.stdout.length).toBeGreaterThan(65_536); // more than one pipe buffer: the tail was written while the reader waited
    expect(withoutDuration(out.stdout)).toBe(withoutDuration(whole.stdout));
  }, 60_000);
});

describe('the parts of the bundle', () => {
  it('loads the code of a kind of file only when a file of that kind is linted', () => {
    const parts = (target: string) => {
      const out = spawnSync(process.execPath, [cli, '-f', 'json', '--no-config-lookup', target], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, STACK_LINT_DEBUG_PARTS: '1' } });
      expect(out.status).toBeLessThan(2);
      return [...out.stderr.matchAll(/loaded part (\w+)/g)].map((m) => m[1]).sort();
    };
    expect(parts('fixtures/compose/restart-policy/bad')).toEqual(['compose']);
    // A Dockerfile's RUN bodies are scripts: the shell rules that read them come with it.
    expect(parts('fixtures/dockerfile/apk-no-cache/bad')).toEqual(['dockerfile', 'shell']);
    expect(parts('fixtures/shell/strict-mode/good')).toEqual(['shell']);
  }, 60_000);

  it('runs the rules of a part that give parts (file and environment checks) instead of one check', () => {
    const out = spawnSync(process.execPath, [cli, '-f', 'json', '--no-config-lookup', 'fixtures/compose/no-plaintext-secrets/bad'], { cwd: ROOT, encoding: 'utf8' });
    const ids = (JSON.parse(out.stdout) as { files: { diagnostics: { ruleId: string }[] }[] }).files.flatMap((f) => f.diagnostics.map((d) => d.ruleId));
    expect(ids).toContain('compose/no-plaintext-secrets');
  }, 60_000);
});

describe('worker threads and the code cache', () => {
  it('gives the same report with worker threads as in one thread, and with or without the code cache', () => {
    const lint = (extra: string[], env: Record<string, string> = {}) => {
      const out = spawnSync(process.execPath, [cli, '-f', 'json', '--no-config-lookup', ...extra, 'fixtures/shell', 'fixtures/dockerfile', 'fixtures/stacks'], {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 1 << 26,
        env: { ...process.env, ...env },
      });
      expect(out.stderr).toBe('');
      const report = JSON.parse(out.stdout);
      delete report.summary.durationMs;
      return JSON.stringify(report);
    };
    const one = lint(['--concurrency', '1']);
    expect(lint(['--concurrency', '3'])).toBe(one);
    expect(lint(['--concurrency', '1'], { STACK_LINT_CODE_CACHE: '0' })).toBe(one);
  }, 120_000);

  it('hands stacks to the worker threads: the main thread does not keep the whole queue to itself', () => {
    // 300 stacks of one compose file: linting them never waits on anything (no parser to start, no process to run).
    const tree = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-pool-'));
    const compose = readFileSync(path.join(FIXTURES, 'stacks/deadtrees/docker-compose.api.yaml'), 'utf8');
    for (let i = 0; i < 300; i++) {
      mkdirSync(path.join(tree, `p${i}`));
      writeFileSync(path.join(tree, `p${i}`, 'compose.yaml'), compose);
    }
    const out = spawnSync(process.execPath, [cli, '-f', 'json', '--no-config-lookup', '--concurrency', '3', tree], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
      env: { ...process.env, STACK_LINT_TIMING: '1' },
    });
    expect(out.status).toBe(1);
    const byWorkers = /stacks: workers\s+[\d.]+\s+\((\d+)×\)/.exec(out.stderr);
    expect(Number(byWorkers?.[1] ?? 0)).toBeGreaterThan(0);
  }, 60_000);

  it('keeps the code cache of this build and the three newest of others, and removes the rest', () => {
    const folder = path.join(ROOT, 'node_modules/.cache/stack-lint');
    mkdirSync(folder, { recursive: true });
    for (const n of readdirSync(folder)) rmSync(path.join(folder, n), { force: true });
    const old = ['a', 'b', 'c', 'd', 'e'].map((id, i) => {
      const file = path.join(folder, `0.0.0-${id}-node${process.version}-${process.arch}.bin`);
      writeFileSync(file, 'stale');
      const when = new Date(Date.UTC(2020, 0, 1 + i));
      utimesSync(file, when, when);
      return path.basename(file);
    });
    const out = spawnSync(process.execPath, [cli, '-f', 'json', 'fixtures/shell/strict-mode/good'], { cwd: ROOT, encoding: 'utf8' });
    const left = readdirSync(folder).sort();
    for (const n of old) rmSync(path.join(folder, n), { force: true });
    expect(out.status).toBe(0);
    expect(left.filter((n) => old.includes(n))).toEqual(old.slice(2).sort());
    // this build's, written by the run: the bundle's and the shell part's (the only part a script needs)
    expect(left.filter((n) => !old.includes(n)).map((n) => (n.includes('-part-') ? n.replace(/^.*-part-([a-z]+)-.*$/, 'part $1') : 'bundle'))).toEqual(['bundle', 'part shell']);
  }, 60_000);
});

describe('the published package', () => {
  it('packs only what runs, installs from the tarball and runs with npx', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-pack-'));
    const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', out], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    const files: string[] = packed[0].files.map((f: { path: string }) => f.path);
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('dist/tree-sitter-bash.wasm');
    expect(files).toContain('docs/rules/compose/image-pinned.md');
    expect(files).toContain('schemas/stackpolicyrc.schema.json');
    expect(files.filter((f) => /^(src|test|fixtures|rules|scripts)\//.test(f))).toEqual([]);
    console.log(`package: ${files.length} files, ${(packed[0].size / 1024).toFixed(0)} kB packed, ${(packed[0].unpackedSize / 1024).toFixed(0)} kB unpacked`);

    const project = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-install-'));
    writeFileSync(path.join(project, 'package.json'), '{"name":"consumer","private":true}');
    execFileSync(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', path.join(out, packed[0].filename)], { cwd: project, stdio: 'ignore' });
    cpSync(path.join(FIXTURES, 'stacks/deadtrees'), path.join(project, 'stack'), { recursive: true });
    const run = spawnSync(npm, ['exec', '--', 'stack-lint', '-f', 'json', 'stack'], { cwd: project, encoding: 'utf8' });
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.summary).toMatchObject({ files: 5 });
    expect(report.files.flatMap((f: { diagnostics: { ruleId: string }[] }) => f.diagnostics.map((d) => d.ruleId)).sort()).toContain('shell/compose-v2');
    expect(readdirSync(path.join(project, 'node_modules/stack-lint/dist'))).toContain('tree-sitter-bash.wasm');
  }, 180_000);
});

describe('the GitHub Action', () => {
  interface Step { name?: string; id?: string; shell?: string; run?: string; env?: Record<string, string>; 'working-directory'?: string }
  const action = parseYaml(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
    runs: { steps: Step[] };
  };
  /** `${{ inputs.x }}` as the input's default, `${{ github.action_path }}` as this checkout; any other expression fails the test. */
  const expand = (text: string): string =>
    text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expr: string) => {
      const input = /^inputs\.([\w-]+)$/.exec(expr);
      if (input) return action.inputs[input[1]!]?.default ?? '';
      if (expr === 'github.action_path') return ROOT;
      throw new Error(`action.yml uses \${{ ${expr} }}, which this test does not provide`);
    });

  /** Runs the action's `run:` steps in `workspace` as a runner does (bash -eo pipefail, GITHUB_OUTPUT, GITHUB_ACTION_PATH). */
  function runAction(workspace: string): { code: number | null; stderr: string; outputs: string } {
    const outputFile = path.join(workspace, '..', `${path.basename(workspace)}.github-output`);
    writeFileSync(outputFile, '');
    let last: ReturnType<typeof spawnSync> | undefined;
    for (const step of action.runs.steps) {
      if (step.run === undefined) continue;
      // The install step builds dist/ from this checkout; beforeAll has just built it, and the run must not reach a registry.
      if (step.run.trim() === 'npm ci --no-audit --no-fund') continue;
      expect(step.shell).toBe('bash');
      const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: outputFile, GITHUB_WORKSPACE: workspace };
      for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expand(v);
      const cwd = step['working-directory'] ? expand(step['working-directory']) : workspace;
      last = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', expand(step.run)], { cwd, env, encoding: 'utf8' });
      if (last.status !== 0) break;
    }
    return { code: last?.status ?? null, stderr: String(last?.stderr ?? ''), outputs: readFileSync(outputFile, 'utf8') };
  }

  const validate = sarifValidator();

  it('with its default inputs, writes a schema-valid SARIF file and exits 1 on a stack with errors', () => {
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-action-'));
    cpSync(path.join(FIXTURES, 'stacks/deadtrees'), workspace, { recursive: true });
    const run = runAction(workspace);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.outputs).toBe('exit-code=1\n');
    const log = JSON.parse(readFileSync(path.join(workspace, 'stack-lint.sarif'), 'utf8'));
    expect(validate(log)).toEqual([]);
    expect(log.runs[0].results.length).toBeGreaterThan(0);
    expect(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain('dockerfile/pinned-base-image');
  });

  it('with its default inputs, passes a stack with warnings only (max-warnings -1 is no limit)', () => {
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-action-'));
    cpSync(path.join(FIXTURES, 'shell/strict-mode/bad/late.sh'), path.join(workspace, 'late.sh'));
    // shell/strict-mode is off in recommended: the project's config turns it on.
    writeFileSync(path.join(workspace, '.stackpolicyrc.yaml'), 'rules:\n  shell/strict-mode: warning\n');
    const run = runAction(workspace);
    expect([run.code, run.stderr, run.outputs]).toEqual([0, '', 'exit-code=0\n']);
    const log = JSON.parse(readFileSync(path.join(workspace, 'stack-lint.sarif'), 'utf8'));
    expect(validate(log)).toEqual([]);
    expect(log.runs[0].results.map((r: { ruleId: string; level: string }) => `${r.ruleId} ${r.level}`)).toContain('shell/strict-mode warning');
  });
});
