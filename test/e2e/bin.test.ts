import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/lint.js';

const cli = path.join(ROOT, 'dist/cli.js');

describe('the built CLI', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'pipe' });
  }, 60_000);

  it('runs from dist/ on the example stack: findings of all three kinds, exit 1', () => {
    const out = spawnSync(process.execPath, [cli, '--no-color', 'fixtures/stacks/deadtrees'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(out.status).toBe(1);
    expect(out.stderr).toBe('');
    expect(out.stdout).toContain('fixtures/stacks/deadtrees/docker-compose.api.yaml');
    expect(out.stdout).toMatch(/34:12\s+error\s+service "certbot" uses image "certbot\/certbot:latest"/);
    expect(out.stdout).toMatch(/1:6\s+error\s+base image "nginx" has no tag/);
    expect(out.stdout).toMatch(/1:1\s+warning\s+the script never sets -e/);
  });

  it('loads tree-sitter from the bundle (a shell-only run) and prints the version', () => {
    const version = spawnSync(process.execPath, [cli, '--version'], { encoding: 'utf8' });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const out = spawnSync(process.execPath, [cli, '-f', 'json', 'fixtures/shell/strict-mode/good'], { cwd: ROOT, encoding: 'utf8' });
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout).summary.files).toBe(4);
  });
});
