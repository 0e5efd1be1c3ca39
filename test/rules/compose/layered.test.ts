import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import builtins from '../../../rules/index.js';
import type { Diagnostic } from '../../../src/core/diagnostic.js';
import { run } from '../../../src/runner/run.js';
import { RuleTester, type ExpectedError, type InvalidCase } from '../../../src/testing.js';
import { cli } from '../../helpers/cli.js';
import { brief, FIXTURES } from '../../helpers/lint.js';

/**
 * The compose policy rules on a layered project (compose.yaml, the compose.override.yaml a plain
 * `docker compose up` adds, and the dev and prod environments): they judge what each environment
 * runs, merged, and report each finding once.
 */
const STACK: Record<string, string> = {
  'compose.yaml': [
    '# The shop: base file, production-ready. Environments add to it.',
    'name: shop',
    'services:',
    '  web:',
    '    build: ./web',
    '    image: shop/web:1.4.2',
    '    networks: [front, back]',
    '    depends_on:',
    '      - api',
    '      - cache',
    '    environment:',
    '      LOG_LEVEL: info',
    '  api:',
    '    image: shop/api:2.0.1',
    '    networks: [back]',
    '    volumes:',
    '      - api-data:/var/lib/api',
    '    secrets: [api_key]',
    '    environment:',
    '      NODE_ENV: development   # production runs this too: compose.prod.yaml does not override it',
    '  db:',
    '    image: postgres:16.4',
    '    networks: [back]',
    '    volumes:',
    '      - db-data:/var/lib/postgresql/data',
    '    healthcheck:',
    '      test: ["CMD-SHELL", "pg_isready -U shop"]',
    '      interval: 10s',
    '      timeout: 5s',
    '      retries: 5',
    '      start_period: 30s',
    'networks:',
    '  front:',
    '  back:',
    'volumes:',
    '  api-data:',
    '  db-data:',
    'secrets:',
    '  api_key:',
    '    file: ./api_key.txt',
    '',
  ].join('\n'),
  'compose.override.yaml': [
    '# Loaded with compose.yaml by a plain `docker compose up`.',
    'services:',
    '  cache:',
    '    image: redis:7.4',
    '    networks: [back]',
    '',
  ].join('\n'),
  'compose.dev.yaml': [
    '# docker compose -f compose.yaml -f compose.dev.yaml up',
    'services:',
    '  web:',
    '    ports:',
    '      - "127.0.0.1:8080:80"',
    '    environment:',
    '      - LOG_LEVEL=debug',
    '    networks: [debug]',
    '  api:',
    '    volumes:',
    '      - ./api:/var/lib/api',
    '    network_mode: host',
    '  mailhog:',
    '    image: mailhog/mailhog:v1.0.1',
    '    networks: [debug]',
    '  db:',
    '    ports:',
    '      - "5432:5432"   # to inspect the database from the host',
    '    healthcheck: !reset {}',
    'networks:',
    '  debug:',
    '',
  ].join('\n'),
  'compose.prod.yaml': [
    '# docker compose -f compose.yaml -f compose.prod.yaml up -d',
    'services:',
    '  web:',
    '    networks: [edge]',
    '    scale: 3',
    '    deploy:',
    '      replicas: 2',
    '  api:',
    '    tmpfs:',
    '      - /var/lib/api',
    '    privileged: true',
    '    restart: always',
    '  worker:',
    '    command: ["run"]',
    '',
  ].join('\n'),
  'api_key.txt': 'example-api-key-for-tests\n',
};

/** The policy rules: on in `recommended`, or turned on when these expectations were written. */
const POLICY = [
  'healthcheck-required', 'healthcheck-complete', 'depends-on-healthy', 'restart-policy', 'gpu-reservation', 'logging-rotation',
  'internal-network', 'ports-loopback', 'no-host-network', 'no-host-namespaces', 'no-privileged', 'no-docker-socket',
  'sensitive-host-mounts', 'sensitive-mounts-readonly', 'no-plaintext-secrets', 'scaling-conflicts', 'unique-host-ports',
  'unique-container-names', 'data-volume', 'container-name-pattern', 'build-pull-policy', 'no-debug-in-production',
].map((r) => `compose/${r}`);
const ruleOf = (id: string) => builtins.rules.find((r) => r.meta.id === id)!;

/** The project with `main` as the file under test (whose fixed text `output` is) and the others beside it. */
function stack(main: string, expected: { errors: ExpectedError[]; output?: string }, settings?: Record<string, unknown>): InvalidCase {
  const { [main]: code, ...files } = STACK;
  return { filename: main, code: code!, files, ...expected, ...(settings ? { settings } : {}) };
}

/** `text` with `insert` after the line `anchor`. */
function after(text: string, anchor: string, insert: string): string {
  const at = text.indexOf(`${anchor}\n`);
  if (at < 0) throw new Error(`no line "${anchor}"`);
  return text.slice(0, at + anchor.length + 1) + insert + text.slice(at + anchor.length + 1);
}

const WEB = '      LOG_LEVEL: info';
const API = '      NODE_ENV: development   # production runs this too: compose.prod.yaml does not override it';
const DB = '      start_period: 30s';
const MAILHOG = '    networks: [debug]\n  db:';
const restart = '    restart: unless-stopped\n';
const logging = '    logging:\n      driver: json-file\n      options:\n        max-size: "10m"\n        max-file: "3"\n';

const noHealthcheck = (s: string) => `service "${s}" has no healthcheck, so Compose cannot tell when it is ready or when it hangs`;
const noRotation = (s: string) => `service "${s}" logs with the default json-file driver without rotation, so the log grows until the disk is full`;
const noRestart = (s: string) => `service "${s}" sets no restart policy, so it stays down after a crash or a Docker restart`;
const service = (file: string, line: number, name: string, message: string): ExpectedError => ({ file, line, column: 3, endLine: line, endColumn: 3 + name.length, message });

/** What each rule reports in the default and prod environments (dev is not production and not judged). */
const DEFAULT: Record<string, ExpectedError[]> = {
  // compose.dev.yaml: its partial services (web, api) get nothing they inherit from compose.yaml; what only dev runs is
  // reported where dev writes it, except by the rules about running in production (dev is not).
  'compose/no-host-network': [
    {
      file: 'compose.dev.yaml',
      line: 12,
      column: 19,
      endLine: 12,
      endColumn: 23,
      message:
        "service \"api\" uses network_mode: host: it shares the host's network stack, every port it opens is open on the host and ports/networks no longer apply; publish the ports it needs instead",
    },
  ],
  // compose.override.yaml (the default environment) adds a whole service; prod adds worker; compose.yaml's api has none anywhere.
  'compose/healthcheck-required': [
    service('compose.override.yaml', 3, 'cache', noHealthcheck('cache')),
    service('compose.prod.yaml', 13, 'worker', noHealthcheck('worker')),
    service('compose.yaml', 13, 'api', noHealthcheck('api')),
  ],
  // What every environment runs is reported once, plainly, in compose.yaml.
  'compose/logging-rotation': [
    service('compose.override.yaml', 3, 'cache', noRotation('cache')),
    service('compose.prod.yaml', 13, 'worker', noRotation('worker')),
    service('compose.yaml', 4, 'web', noRotation('web')),
    service('compose.yaml', 13, 'api', noRotation('api')),
    service('compose.yaml', 21, 'db', noRotation('db')),
  ],
  'compose/restart-policy': [
    service('compose.override.yaml', 3, 'cache', noRestart('cache')),
    service('compose.prod.yaml', 13, 'worker', noRestart('worker')),
    service('compose.yaml', 4, 'web', noRestart('web')),
    // compose.prod.yaml sets api's restart policy: the base file's omission matters elsewhere only (dev is not judged),
    // so writing it in compose.yaml would change prod too: a suggestion, not a fix.
    {
      ...service('compose.yaml', 13, 'api', `${noRestart('api')} (in the "default" environment: compose.yaml + compose.override.yaml)`),
      suggestionOutputs: [after(STACK['compose.yaml']!, API, restart)],
    },
    service('compose.yaml', 21, 'db', noRestart('db')),
  ],
  // prod makes the base file's api privileged.
  'compose/no-privileged': [
    {
      file: 'compose.prod.yaml',
      line: 11,
      column: 17,
      endLine: 11,
      endColumn: 21,
      message: 'service "api" runs privileged: every device and capability of the host, no seccomp or AppArmor; add only the capabilities or devices it needs',
    },
  ],
  'compose/build-pull-policy': [
    {
      file: 'compose.yaml',
      line: 6,
      column: 5,
      endLine: 6,
      endColumn: 10,
      message:
        'service "web" sets both build and image without pull_policy, so Compose first tries to pull "shop/web:1.4.2" and builds only when that fails; set pull_policy: build (or never, missing)',
    },
  ],
  // Production runs the base file's development setting: only the prod environment is judged.
  'compose/no-debug-in-production': [
    {
      file: 'compose.yaml',
      line: 20,
      column: 17,
      endLine: 20,
      endColumn: 28,
      message: 'service "api" sets NODE_ENV=development in production; debug modes leak stack traces and internals (in the "prod" environment: compose.yaml + compose.prod.yaml)',
    },
  ],
};

/** compose.yaml fixed: what every environment of the file has (api's restart policy is not: prod sets one). */
const FIXED: Record<string, string> = {
  'compose/logging-rotation': after(after(after(STACK['compose.yaml']!, WEB, logging), API, logging), DB, logging),
  'compose/restart-policy': after(after(STACK['compose.yaml']!, WEB, restart), DB, restart),
};

const devDb = (rule: string, message: string): ExpectedError => ({ file: 'compose.dev.yaml', line: 18, column: 9, endLine: 18, endColumn: 20, ruleId: rule, message });

/** With settings.nonProductionFiles emptied, the dev environment is judged too: what changes, with the fixed compose.dev.yaml. */
const DEV: Record<string, { errors: ExpectedError[]; output?: string }> = {
  'compose/no-host-network': { errors: DEFAULT['compose/no-host-network']! },
  'compose/healthcheck-required': {
    errors: [
      service('compose.dev.yaml', 13, 'mailhog', noHealthcheck('mailhog')),
      // dev removes the base file's healthcheck with !reset: reported at the reset, not at the base's db.
      { file: 'compose.dev.yaml', line: 19, column: 5, endLine: 19, endColumn: 16, message: noHealthcheck('db') },
      ...DEFAULT['compose/healthcheck-required']!,
    ],
  },
  'compose/logging-rotation': {
    errors: [service('compose.dev.yaml', 13, 'mailhog', noRotation('mailhog')), ...DEFAULT['compose/logging-rotation']!],
    output: STACK['compose.dev.yaml']!.replace(MAILHOG, `    networks: [debug]\n${logging}  db:`),
  },
  'compose/restart-policy': {
    errors: [
      service('compose.dev.yaml', 13, 'mailhog', noRestart('mailhog')),
      ...DEFAULT['compose/restart-policy']!.map((e) => (e.line === 13 && e.file === 'compose.yaml' ? { ...e, message: `${noRestart('api')} (in the "default" and "dev" environments)`, suggestionOutputs: undefined } : e)),
    ],
    output: STACK['compose.dev.yaml']!.replace(MAILHOG, `    networks: [debug]\n${restart}  db:`),
  },
  // dev publishes the port of the base file's postgres: a problem of the merged service, fixed in the dev file.
  'compose/internal-network': {
    errors: [
      devDb(
        'compose/internal-network',
        'service "db" runs postgres and publishes 5432 while on "back", which is not internal; attach it only to internal: true networks and let other services reach it there (use expose, not ports)',
      ),
    ],
  },
  'compose/ports-loopback': {
    errors: [
      devDb(
        'compose/ports-loopback',
        'service "db" runs postgres and publishes port 5432 on every interface, so anything that can reach the host can reach it; bind it to 127.0.0.1 (or another explicit address)',
      ),
    ],
    output: STACK['compose.dev.yaml']!.replace('"5432:5432"', '"127.0.0.1:5432:5432"'),
  },
};

const ON = ['healthcheck-required', 'restart-policy', 'logging-rotation', 'internal-network', 'ports-loopback', 'data-volume', 'build-pull-policy', 'depends-on-healthy'].map(
  (r) => `compose/${r}: warning`,
);
const POLICY_ID = new RegExp(`^(${POLICY.join('|')})$`);
const at = 'stacks/layered';
const line = (d: Diagnostic) => `${brief(d)} ${d.message}`;

async function policyFindings(patterns: string[], cwd = FIXTURES): Promise<Diagnostic[]> {
  const result = await run({ cwd, patterns, noConfigLookup: true, cliRules: ON });
  return result.diagnostics.filter((d) => POLICY_ID.test(d.ruleId));
}

describe('compose policy rules on a layered project', () => {
  it('report what each environment runs once, in the file that causes it, naming the environments of a shared file, and give a partial override no finding about what the base file sets', async () => {
    for (const id of POLICY) {
      const errors = DEFAULT[id];
      const tester = new RuleTester(ruleOf(id));
      if (!errors) await tester.run({ valid: [stack('compose.yaml', { errors: [] })] });
      else await tester.run({ invalid: [stack('compose.yaml', { errors, ...(FIXED[id] ? { output: FIXED[id] } : {}) })] });
    }
  });

  it('fix a finding in an override or environment file in that file', async () => {
    for (const id of ['compose/restart-policy', 'compose/logging-rotation']) {
      const what = id === 'compose/restart-policy' ? restart : logging;
      await new RuleTester(ruleOf(id)).run({
        invalid: [
          stack('compose.override.yaml', { errors: DEFAULT[id]!, output: `${STACK['compose.override.yaml']}${what}` }),
          stack('compose.prod.yaml', { errors: DEFAULT[id]!, output: `${STACK['compose.prod.yaml']}${what}` }),
        ],
      });
    }
  });

  // On disk: which files of the project are linted is the command line's choice; in memory every file given is linted.
  it('report the same findings in a file whichever files of the project are linted', async () => {
    const all = await policyFindings([at]);
    for (const file of ['compose.yaml', 'compose.override.yaml', 'compose.dev.yaml', 'compose.prod.yaml']) {
      const alone = await policyFindings([`${at}/${file}`]);
      expect(alone.map(line)).toEqual(all.filter((d) => d.relPath === `${at}/${file}`).map(line));
    }
  });

  it('judge the dev environment too when settings.nonProductionFiles is emptied, and fix what dev adds in the dev file', async () => {
    for (const [id, expected] of Object.entries(DEV)) {
      await new RuleTester(ruleOf(id)).run({ invalid: [stack('compose.dev.yaml', expected, { nonProductionFiles: [] })] });
    }
  });

  // On disk: the fixes of several rules applied together by the CLI, its summary line, and a second run.
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
