import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/lint.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-stdin-'));

describe('--stdin', () => {
  it('lints standard input as the named file', async () => {
    const run = await cli(['--stdin', '--stdin-filename', 'deploy/docker-compose.yml', '--rule', 'compose/image-pinned: error', '-f', 'json'], dir, {}, 'services:\n  web:\n    image: nginx\n');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(['deploy/docker-compose.yml']);
    const pinned = report.files[0].diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'compose/image-pinned');
    expect(pinned.map((d: { line: number; column: number }) => `${d.line}:${d.column}`)).toEqual(['3:12']);
  });

  it('with --fix, writes the fixed text to standard output and the remaining report to standard error', async () => {
    const run = await cli(['--stdin', '--stdin-filename', 'backup.sh', '--rule', 'shell/strict-mode: warning', '--fix', '--unsafe-fixes'], dir, {}, '#!/bin/sh\necho backup\ntar czf backup.tgz /data\n');
    expect(run.stdout).toBe('#!/bin/sh\nset -e\necho backup\ntar czf backup.tgz /data\n');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('needs a file name that says the kind', async () => {
    expect((await cli(['--stdin'], dir, {}, 'x')).stderr).toContain('--stdin needs --stdin-filename');
    const run = await cli(['--stdin', '--stdin-filename', 'notes.txt'], dir, {}, 'x');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot tell what kind of file "notes.txt" is');
  });

  it('links the services of a compose file on standard input to the Dockerfiles on disk beside its name', async () => {
    // fixtures/stacks/stdin-build has api/Dockerfile (python slim: no curl) and worker/Dockerfile (alpine, installs curl), no compose file
    const text = [
      'services:',
      '  api:',
      '    build: ./api',
      '    healthcheck:',
      '      test: ["CMD", "curl", "-f", "http://localhost:8000/"]',
      '  worker:',
      '    build: ./worker',
      '    healthcheck:',
      '      test: ["CMD", "curl", "-f", "http://localhost:9000/"]',
      '  web:',
      '    build: ./web',
      '',
    ].join('\n');
    const run = await cli(['--stdin', '--stdin-filename', 'stacks/stdin-build/compose.yaml', '-f', 'json'], FIXTURES, {}, text);
    const report = JSON.parse(run.stdout);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(['stacks/stdin-build/compose.yaml']);
    const stack = report.files[0].diagnostics.filter((d: { ruleId: string }) => d.ruleId.startsWith('stack/'));
    expect(stack.map((d: { line: number; column: number; ruleId: string; message: string }) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`)).toEqual([
      `5:22 stack/healthcheck-tool service "api"'s healthcheck runs curl, but its image (python:3.12-slim, built by api/Dockerfile) has no curl: python (slim) does not ship curl and the Dockerfile does not install it; install curl in the image's last stage, or check health with a program the image has`,
      '11:12 stack/build-refs service "web" builds from the context "web", which does not exist',
    ]);
  });

  it('takes the kind from a shebang when the name has none', async () => {
    const run = await cli(['--stdin', '--stdin-filename', 'bin/deploy', '-f', 'json'], dir, {}, '#!/bin/bash\nrm -rf /tmp/x\n');
    expect(JSON.parse(run.stdout).files[0].kind).toBe('shell');
  });
});
