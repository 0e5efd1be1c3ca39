import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/core/diagnostic.js';
import { run } from '../../../src/runner/run.js';
import { cli } from '../../helpers/cli.js';
import { brief, FIXTURES } from '../../helpers/lint.js';

/**
 * The compose policy rules on a layered project (fixtures/stacks/layered: compose.yaml, the
 * compose.override.yaml a plain `docker compose up` adds, and the dev and prod environments):
 * they judge what each environment runs, merged, and report each finding once.
 */
const POLICY = new RegExp(
  `^compose/(${[
    'healthcheck-required', 'healthcheck-complete', 'depends-on-healthy', 'restart-policy', 'resource-limits', 'gpu-reservation',
    'logging-rotation', 'internal-network', 'ports-loopback', 'no-host-network', 'no-host-namespaces', 'no-privileged',
    'no-docker-socket', 'sensitive-host-mounts', 'sensitive-mounts-readonly', 'no-plaintext-secrets', 'scaling-conflicts',
    'unique-host-ports', 'unique-container-names', 'data-volume', 'container-name-pattern', 'build-pull-policy', 'cap-drop-all',
    'no-new-privileges', 'no-cgroup-parent', 'privileged-host-ports', 'no-debug-in-production',
  ].join('|')})$`,
);

/** The policy rules that are off in `recommended` and were on when these expectations were written. */
const ON = ['healthcheck-required', 'restart-policy', 'logging-rotation', 'internal-network', 'ports-loopback', 'data-volume', 'build-pull-policy', 'depends-on-healthy'].map(
  (r) => `compose/${r}: warning`,
);

const at = 'stacks/layered';
const line = (d: Diagnostic) => `${brief(d)} ${d.message}`;

async function policyFindings(patterns: string[], cwd = FIXTURES): Promise<Diagnostic[]> {
  const result = await run({ cwd, patterns, noConfigLookup: true, cliRules: ON });
  return result.diagnostics.filter((d) => POLICY.test(d.ruleId));
}

describe('compose policy rules on a layered project', () => {
  it('report what each environment runs once: in the file that causes it, naming the environments of a shared file', async () => {
    const found = await policyFindings([at]);
    expect(found.map(line)).toEqual([
      // compose.dev.yaml: its partial services (web, api) get nothing they inherit from compose.yaml; what only dev
      // runs is reported where dev writes it, except by the rules about running in production (dev is not).
      `${at}/compose.dev.yaml:12:19-12:23 compose/no-host-network service "api" uses network_mode: host: it shares the host's network stack, every port it opens is open on the host and ports/networks no longer apply; publish the ports it needs instead`,
      // compose.override.yaml (the default environment) adds a whole service.
      `${at}/compose.override.yaml:3:3-3:8 compose/healthcheck-required service "cache" has no healthcheck, so Compose cannot tell when it is ready or when it hangs`,
      `${at}/compose.override.yaml:3:3-3:8 compose/logging-rotation service "cache" logs with the default json-file driver without rotation, so the log grows until the disk is full`,
      `${at}/compose.override.yaml:3:3-3:8 compose/restart-policy service "cache" sets no restart policy, so it stays down after a crash or a Docker restart`,
      // prod makes the base file's api privileged.
      `${at}/compose.prod.yaml:11:17-11:21 compose/no-privileged service "api" runs privileged: every device and capability of the host, no seccomp or AppArmor; add only the capabilities or devices it needs`,
      `${at}/compose.prod.yaml:13:3-13:9 compose/healthcheck-required service "worker" has no healthcheck, so Compose cannot tell when it is ready or when it hangs`,
      `${at}/compose.prod.yaml:13:3-13:9 compose/logging-rotation service "worker" logs with the default json-file driver without rotation, so the log grows until the disk is full`,
      `${at}/compose.prod.yaml:13:3-13:9 compose/restart-policy service "worker" sets no restart policy, so it stays down after a crash or a Docker restart`,
      // compose.yaml: what every environment runs is reported once, plainly.
      `${at}/compose.yaml:4:3-4:6 compose/logging-rotation service "web" logs with the default json-file driver without rotation, so the log grows until the disk is full`,
      `${at}/compose.yaml:4:3-4:6 compose/restart-policy service "web" sets no restart policy, so it stays down after a crash or a Docker restart`,
      `${at}/compose.yaml:6:5-6:10 compose/build-pull-policy service "web" sets both build and image without pull_policy, so Compose first tries to pull "shop/web:1.4.2" and builds only when that fails; set pull_policy: build (or never, missing)`,
      `${at}/compose.yaml:13:3-13:6 compose/healthcheck-required service "api" has no healthcheck, so Compose cannot tell when it is ready or when it hangs`,
      `${at}/compose.yaml:13:3-13:6 compose/logging-rotation service "api" logs with the default json-file driver without rotation, so the log grows until the disk is full`,
      // compose.prod.yaml sets api's restart policy: the base file's omission matters elsewhere only (dev is not judged).
      `${at}/compose.yaml:13:3-13:6 compose/restart-policy service "api" sets no restart policy, so it stays down after a crash or a Docker restart (in the "default" environment: compose.yaml + compose.override.yaml)`,
      // Production runs the base file's development setting: only the prod environment is judged.
      `${at}/compose.yaml:20:17-20:28 compose/no-debug-in-production service "api" sets NODE_ENV=development in production; debug modes leak stack traces and internals (in the "prod" environment: compose.yaml + compose.prod.yaml)`,
      `${at}/compose.yaml:21:3-21:5 compose/logging-rotation service "db" logs with the default json-file driver without rotation, so the log grows until the disk is full`,
      `${at}/compose.yaml:21:3-21:5 compose/restart-policy service "db" sets no restart policy, so it stays down after a crash or a Docker restart`,
    ]);
  });

  it('give a partial override no finding about what the base file sets', async () => {
    const found = await policyFindings([at]);
    // The services compose.dev.yaml and compose.prod.yaml only add to: web, api, db (dev); web, api (prod).
    const partial = [`${at}/compose.dev.yaml:3:3`, `${at}/compose.dev.yaml:9:3`, `${at}/compose.dev.yaml:16:3`, `${at}/compose.prod.yaml:3:3`, `${at}/compose.prod.yaml:8:3`];
    expect(found.filter((d) => partial.includes(`${d.relPath}:${d.range.start.line}:${d.range.start.column}`))).toEqual([]);
  });

  it('report the same findings in a file whichever files of the project are linted', async () => {
    const all = await policyFindings([at]);
    for (const file of ['compose.yaml', 'compose.override.yaml', 'compose.dev.yaml', 'compose.prod.yaml']) {
      const alone = await policyFindings([`${at}/${file}`]);
      expect(alone.map(line)).toEqual(all.filter((d) => d.relPath === `${at}/${file}`).map(line));
    }
  });

  it('fix what every environment of a file has, in that file, and only suggest a fix for some environments', async () => {
    const found = await policyFindings([at]);
    const of = (rule: string, where: string) => found.find((d) => d.ruleId === `compose/${rule}` && `${d.relPath}:${d.range.start.line}` === `${at}/${where}`)!;
    // In every environment: fixed in compose.yaml.
    const db = of('restart-policy', 'compose.yaml:21');
    expect(db.fix?.file).toBe(path.join(FIXTURES, at, 'compose.yaml'));
    // Not in prod, which shares compose.yaml: writing it there would change prod too, so only a suggestion.
    const api = of('restart-policy', 'compose.yaml:13');
    expect(api.fix).toBeUndefined();
    expect(api.suggestions?.map((s) => [path.basename(s.file), s.edits])).toEqual([['compose.yaml', [{ start: 479, end: 479, text: '    restart: unless-stopped\n' }]]]);
    // A finding in an override file is fixed in that file.
    expect(of('restart-policy', 'compose.override.yaml:3').fix?.file).toBe(path.join(FIXTURES, at, 'compose.override.yaml'));
  });

  it('judge the dev environment too when settings.nonProductionFiles is emptied', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-layered-'));
    try {
      cpSync(path.join(FIXTURES, at), tmp, { recursive: true });
      const config = path.join(tmp, 'stackpolicy.json');
      writeFileSync(config, JSON.stringify({ settings: { nonProductionFiles: [] } }));
      const result = await run({ cwd: tmp, patterns: ['.'], configFile: config, cliRules: ON });
      const dev = result.diagnostics.filter((d) => POLICY.test(d.ruleId) && d.relPath === 'compose.dev.yaml');
      expect(dev.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.ruleId}`)).toEqual([
        '12:19 compose/no-host-network',
        '13:3 compose/healthcheck-required',
        '13:3 compose/logging-rotation',
        '13:3 compose/restart-policy',
        // dev publishes the port of the base file's postgres: a problem of the merged service.
        '18:9 compose/internal-network',
        '18:9 compose/ports-loopback',
        // dev removes the base file's healthcheck with !reset: reported at the reset, not at the base's db.
        '19:5 compose/healthcheck-required',
      ]);
      const of = (rule: string, line: number) => dev.find((d) => d.ruleId === `compose/${rule}` && d.range.start.line === line)!;
      // A finding in the dev file is fixed in the dev file; a setting removed with !reset is not written again.
      expect(of('ports-loopback', 18).fix?.file).toBe(path.join(tmp, 'compose.dev.yaml'));
      expect(of('healthcheck-required', 19).fix).toBeUndefined();
      const api = result.diagnostics.find((d) => d.ruleId === 'compose/restart-policy' && d.relPath === 'compose.yaml' && d.range.start.line === 13);
      expect(api?.message).toMatch(/\(in the "default" and "dev" environments\)$/);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('applies the fixes to the files that hold the nodes, keeping comments, and a second pass changes nothing', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-layered-'));
    try {
      cpSync(path.join(FIXTURES, at), tmp, { recursive: true });
      // The dev environment judged too, so that its own file gets fixes.
      const config = path.join(os.tmpdir(), `${path.basename(tmp)}.json`);
      writeFileSync(config, JSON.stringify({ settings: { nonProductionFiles: [] } }));
      const first = await cli(['--fix', '--unsafe-fixes', '-c', config, ...ON.flatMap((r) => ['--rule', r]), '--format', 'json', '.'], tmp);
      // Not applied: api's restart policy in compose.yaml, a suggestion only (compose.prod.yaml sets one).
      expect(first.stderr).toContain('fixed 12 problems in 4 files (compose/logging-rotation: 6, compose/ports-loopback: 1, compose/restart-policy: 5)');
      const read = (f: string) => readFileSync(path.join(tmp, f), 'utf8');
      expect(read('compose.dev.yaml')).toContain('      - "127.0.0.1:5432:5432"   # to inspect the database from the host\n    healthcheck: !reset {}\n');
      expect(read('compose.yaml')).toContain('      NODE_ENV: development   # production runs this too: compose.prod.yaml does not override it\n    logging:\n');
      // api: logging rotation (every environment) but no restart policy (compose.prod.yaml sets one).
      expect(read('compose.yaml').split('  db:')[0]!.split('  api:')[1]).not.toContain('restart:');
      const fixed = await policyFindings(['.'], tmp);
      expect(fixed.filter((d) => d.fix)).toEqual([]);
      expect(fixed.filter((d) => ['compose/logging-rotation', 'compose/ports-loopback'].includes(d.ruleId))).toEqual([]);
      const texts = ['compose.yaml', 'compose.override.yaml', 'compose.dev.yaml', 'compose.prod.yaml'].map(read);
      await cli(['--fix', '--unsafe-fixes', '-c', config, ...ON.flatMap((r) => ['--rule', r]), '--format', 'json', '.'], tmp);
      expect(['compose.yaml', 'compose.override.yaml', 'compose.dev.yaml', 'compose.prod.yaml'].map(read)).toEqual(texts);
      rmSync(config, { force: true });
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
