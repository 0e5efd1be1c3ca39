import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/lint.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('publishing is one command', () => {
  it('the package lists a LICENSE, the README and what runs, and no sources', () => {
    const out = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const files: string[] = JSON.parse(out)[0].files.map((f: { path: string }) => f.path);
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', '.stackpolicyrc.example', 'schemas/stackpolicyrc.schema.json', 'docs/adopting.md']));
    expect(files.filter((f) => /^(src|test|fixtures|rules|scripts|node_modules)\//.test(f))).toEqual([]);
    // What the bin points at is shipped (dist/ is in `files`).
    expect(pkg.files).toContain('dist/');
    expect(pkg.bin['stack-lint']).toMatch(/^dist\//);
  }, 60_000);

  it('the LICENSE is the MIT license the package declares', () => {
    const text = readFileSync(path.join(ROOT, 'LICENSE'), 'utf8');
    expect(pkg.license).toBe('MIT');
    expect(text.split('\n').slice(0, 3)).toEqual(['MIT License', '', 'Copyright (c) 2026 stack-lint contributors']);
    expect(text).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
  });

  it('installing the package runs no script (prepare only builds a checkout or a git install)', () => {
    const scripts = Object.keys(pkg.scripts ?? {});
    expect(scripts.filter((s) => ['preinstall', 'install', 'postinstall'].includes(s))).toEqual([]);
    expect(pkg.scripts.prepare).toBe('node scripts/build.mjs');
  });
});

describe('install recipes', () => {
  const docs = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? docs(full) : name.endsWith('.md') ? [full] : [];
    });
  const texts = [path.join(ROOT, 'README.md'), path.join(ROOT, 'action.yml'), ...docs(path.join(ROOT, 'docs'))].map((f) => [path.relative(ROOT, f), readFileSync(f, 'utf8')] as const);

  it('never fetch the unpublished name from the registry', () => {
    const offenders = texts.filter(([, text]) => /npx\s+(--yes|-y)\s+stack-lint|npm\s+(i|install)\s+(-g\s+|--global\s+)?stack-lint(\s|$|@)/m.test(text)).map(([f]) => f);
    expect(offenders).toEqual([]);
  });

  it('install from the repository at this version\'s tag, and never a git URL globally (npm cannot build it there)', () => {
    const ci = readFileSync(path.join(ROOT, 'docs/ci.md'), 'utf8');
    expect(ci).toContain(`git clone --depth 1 --branch v${pkg.version} https://github.com/stack-lint/stack-lint.git`);
    expect(ci).toContain(`npm install --global ./stack-lint-${pkg.version}.tgz`);
    const offenders = texts.filter(([, text]) => /npm\s+install\s+(-g|--global)\s+git\+/.test(text)).map(([f]) => f);
    expect(offenders).toEqual([]);
  });

  it('the action builds the checkout it runs from', () => {
    const action = readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
    expect(action).toContain('working-directory: ${{ github.action_path }}');
    expect(action).toMatch(/run: npm ci\b/);
    expect(action).toContain('node "$GITHUB_ACTION_PATH/dist/cli.js"');
  });
});
