import { describe, expect, it } from 'vitest';
import { exitCode } from '../../src/cli/main.js';
import { defineRule } from '../../rules/kit/define.js';
import { type AnyRule } from '../../src/core/rule.js';
import { lintFiles } from '../../src/engine/lint.js';
import { type FileConfig } from '../../src/engine/types.js';
import { createRegistry } from '../../src/core/registry.js';
import { CORE_RULE_METAS } from '../../src/engine/core-rules.js';
import { TOOL } from '../../src/runner/run.js';
import builtins from '../../rules/index.js';

const crashing = defineRule({
  meta: { id: 'test/crash', kind: 'compose', category: 'test', severity: 'error', fix: 'none', summary: 'crashes' },
  check() {
    throw new Error('boom');
  },
});

const services = defineRule({
  meta: { id: 'test/services', kind: 'compose', category: 'test', severity: 'warning', fix: 'none', summary: 'reports services' },
  check(ctx) {
    for (const s of ctx.compose.services) ctx.report({ node: s.keyNode, message: `service ${s.name}` });
  },
});

function configFor(rules: AnyRule[]): { forFile(): Promise<FileConfig> } {
  const map = new Map(rules.map((r) => [r.meta.id, { severity: r.meta.severity, options: {} }] as const));
  return { forFile: async () => ({ rules: map, settings: {} }) };
}

async function lint(rules: AnyRule[], text: string) {
  return lintFiles({
    cwd: '/virtual',
    files: [{ path: '/virtual/compose.yaml', kind: 'compose' }],
    overlay: new Map([['/virtual/compose.yaml', text]]),
    rules,
    registry: createRegistry([...rules.map((r) => r.meta), ...CORE_RULE_METAS]),
    config: configFor(rules),
    tool: TOOL,
  });
}

describe('the engine', () => {
  it('turns a crashing rule into an internal error, reports everything else, and exits 2', async () => {
    const result = await lint([crashing, services], 'services:\n  web: {}\n  db: {}\n');
    expect(result.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.ruleId} ${d.message}`)).toEqual([
      '1:1 stack-lint/internal-error rule test/crash crashed on this file: boom',
      '2:3 test/services service web',
      '3:3 test/services service db',
    ]);
    expect(result.internalErrorCount).toBe(1);
    expect(exitCode(result)).toBe(2);
  });

  it('reports the same finding once when it comes through an anchor used twice', async () => {
    const dedupe = defineRule({
      meta: { id: 'test/restart', kind: 'compose', category: 'test', severity: 'warning', fix: 'none', summary: 'restart' },
      check(ctx) {
        for (const s of ctx.compose.services) {
          const r = s.get('restart');
          if (r) ctx.report({ node: r, message: 'restart is set' });
        }
      },
    });
    const result = await lint([dedupe], 'x-r: &r\n  restart: always\nservices:\n  a:\n    <<: *r\n  b:\n    <<: *r\n');
    expect(result.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column}`)).toEqual(['2:12']);
  });

  it('links a service to a Dockerfile given only in the overlay, and knows what the overlay lacks (a virtual run)', async () => {
    const stackRules = builtins.rules.filter((r) => r.meta.id === 'stack/healthcheck-tool' || r.meta.id === 'stack/build-refs');
    const compose = [
      'services:',
      '  app:',
      '    build:',
      '      context: .',
      '      dockerfile: docker/app.df',
      '    healthcheck:',
      '      test: ["CMD", "wget", "-q", "--spider", "http://localhost/"]',
      '  web:',
      '    build: ./web',
      '',
    ].join('\n');
    // docker/app.df is not a file of the run (no kind): only the overlay has it
    const result = await lintFiles({
      cwd: '/virtual',
      files: [{ path: '/virtual/compose.yaml', kind: 'compose' }],
      overlay: new Map([
        ['/virtual/compose.yaml', compose],
        ['/virtual/docker/app.df', 'FROM gcr.io/distroless/static-debian12\n'],
      ]),
      rules: stackRules,
      registry: createRegistry([...stackRules.map((r) => r.meta), ...CORE_RULE_METAS]),
      config: configFor(stackRules),
      tool: TOOL,
    });
    expect(result.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.ruleId}`)).toEqual(['7:22 stack/healthcheck-tool', '9:12 stack/build-refs']);
    expect(result.diagnostics[0]!.message).toContain('built by docker/app.df');
  });

  it('sorts findings by path, line, column and rule', async () => {
    const result = await lint([services], 'services:\n  z: {}\n  a: {}\n');
    expect(result.diagnostics.map((d) => d.message)).toEqual(['service z', 'service a']);
  });

  it('lets the event loop turn during a long run, so timers (the terminal spinner) keep running', async () => {
    const slow = defineRule({
      meta: { id: 'test/slow', kind: 'compose', category: 'test', severity: 'warning', fix: 'none', summary: 'takes 15 ms a file' },
      check() {
        const until = performance.now() + 15;
        while (performance.now() < until);
      },
    });
    const files = Array.from({ length: 12 }, (_, i) => `/virtual/p${i}/compose.yaml`);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      await lintFiles({
        cwd: '/virtual',
        files: files.map((path) => ({ path, kind: 'compose' as const })),
        overlay: new Map(files.map((f) => [f, 'services: {}\n'])),
        rules: [slow],
        registry: createRegistry([slow.meta, ...CORE_RULE_METAS]),
        config: configFor([slow]),
        tool: TOOL,
      });
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(0);
  });
});
