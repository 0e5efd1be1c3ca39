import { describe, expect, it } from 'vitest';
import { defineRule } from '../../rules/kit/define.js';
import { type AnyRule } from '../../src/core/rule.js';
import type { FileConfig } from '../../src/engine/types.js';
import { createRegistry } from '../../src/core/registry.js';
import { CORE_RULE_METAS } from '../../src/engine/core-rules.js';
import { TOOL } from '../../src/runner/run.js';
import { fixFiles } from '../../src/fix/loop.js';
import composeSyntax from '../../rules/compose/syntax.js';

/** Breaks the YAML: replaces the first service key with an unclosed flow sequence. */
const breaker = defineRule({
  meta: { id: 'test/breaker', kind: 'compose', category: 'test', severity: 'warning', fix: 'safe', summary: 'breaks the file' },
  check(ctx) {
    const s = ctx.compose.services[0];
    if (s) ctx.report({ node: s.keyNode, message: 'break', fix: { edits: [{ start: s.keyNode.start, end: s.keyNode.end, text: '[web' }] } });
  },
});

/** A harmless fix elsewhere in the same file: `always` → `unless-stopped`. */
const restart = defineRule({
  meta: { id: 'test/restart', kind: 'compose', category: 'test', severity: 'warning', fix: 'safe', summary: 'restart' },
  check(ctx) {
    for (const s of ctx.compose.services) {
      const r = s.get('restart');
      if (r?.type === 'scalar' && r.value === 'always') ctx.report({ node: r, message: 'restart', fix: { edits: [{ start: r.start, end: r.end, text: 'unless-stopped' }] } });
    }
  },
});

/** Never converges: every pass appends another character. */
const grower = defineRule({
  meta: { id: 'test/grower', kind: 'compose', category: 'test', severity: 'warning', fix: 'safe', summary: 'grows' },
  check(ctx) {
    const n = ctx.compose.root;
    if (n) ctx.report({ range: { start: ctx.file.text.length, end: ctx.file.text.length }, message: 'grow', fix: { edits: [{ start: ctx.file.text.length, end: ctx.file.text.length, text: '#\n' }] } });
  },
});

function options(rules: AnyRule[], text: string) {
  const all = [composeSyntax, ...rules];
  const config: FileConfig = { rules: new Map(all.map((r) => [r.meta.id, { severity: r.meta.severity, options: {} }])), settings: {} };
  return {
    cwd: '/virtual',
    files: [{ path: '/virtual/compose.yaml', kind: 'compose' as const }],
    overlay: new Map([['/virtual/compose.yaml', text]]),
    rules: all,
    registry: createRegistry([...all.map((r) => r.meta), ...CORE_RULE_METAS]),
    config: { forFile: async () => config },
    tool: TOOL,
    unsafe: false,
  };
}

describe('the fix loop', () => {
  it('drops a fix whose result does not parse, reports it, and still applies the others', async () => {
    const outcome = await fixFiles(options([breaker, restart], 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n'));
    expect(outcome.changes.map((c) => c.after)).toEqual(['services:\n  web:\n    image: nginx:1.27\n    restart: unless-stopped\n']);
    expect(outcome.applied).toEqual({ 'test/restart': 1 });
    expect(outcome.dropped).toEqual([
      expect.objectContaining({ ruleId: 'test/breaker', line: 2, reason: expect.stringContaining('the fixed file would not parse') }),
    ]);
  });

  it('stops after ten passes when fixes keep producing fixes', async () => {
    const outcome = await fixFiles(options([grower], 'services: {}\n'));
    expect(outcome.passes).toBe(10);
    expect(outcome.changes[0]!.after).toBe(`services: {}\n${'#\n'.repeat(10)}`);
  });
});
