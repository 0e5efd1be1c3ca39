import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI, project } from './helpers.js';

const ENSURE = fileURLToPath(new URL('../../scripts/ensure-neovim.sh', import.meta.url));
const SCRIPT = fileURLToPath(new URL('./neovim.lua', import.meta.url));

/** Neovim on PATH, installed by scripts/ensure-neovim.sh when missing; the reason when it cannot be. */
function neovim(): { ok: true } | { ok: false; reason: string } {
  if (spawnSync('nvim', ['--version'], { timeout: 5000 }).status === 0) return { ok: true };
  const install = spawnSync('sh', [ENSURE], { encoding: 'utf8', timeout: 180_000 });
  if (install.status === 0) return { ok: true };
  return { ok: false, reason: `Neovim is not installed and could not be (${(install.stderr || install.error?.message || 'apt-get failed').trim()}); skipping the Neovim LSP test` };
}

describe('Neovim built-in LSP client', () => {
  it('opens a compose file and reads back stack-lint’s diagnostics', (ctx) => {
    const available = neovim();
    if (!available.ok) {
      console.warn(available.reason);
      ctx.skip(available.reason);
      return;
    }
    const root = project({
      '.stackpolicyrc.yaml': 'rules:\n  compose/logging-rotation: off\n  compose/resource-limits: off\n  compose/restart-policy: off\n  compose/build-pull-policy: off\n  compose/healthcheck-required: warning\n',
      'compose.yaml': 'services:\n  web:\n    build: .\n    image: ghcr.io/acme/web:1.2.3\n    ports:\n      - 3000:30\n',
      Dockerfile: 'FROM nginx:1.27\nUSER nginx\n',
    });
    const out = path.join(root, 'diagnostics.txt');
    const run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${SCRIPT}`], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, STACK_LINT_FILE: path.join(root, 'compose.yaml'), STACK_LINT_OUT: out, STACK_LINT_NODE: process.execPath, STACK_LINT_CLI: CLI, STACK_LINT_ROOT: root },
    });
    expect(run.error).toBeUndefined();
    expect(readFileSync(out, 'utf8').trimEnd().split('\n')).toEqual([
      '2:3 stack-lint compose/healthcheck-required service "web" has no healthcheck and Dockerfile has no HEALTHCHECK, so Compose cannot tell when it is ready or when it hangs',
      '6:9 stack-lint compose/ports-quoted service "web" writes ports entry 3000:30 unquoted; YAML 1.1 parsers read it as the base-60 number 180030; quote it',
    ]);
  }, 240_000);
});
