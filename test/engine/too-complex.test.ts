import { describe, expect, it } from 'vitest';
import { interpolate, MAX_INTERPOLATION_DEPTH } from '../../src/parse/compose/interpolate.js';
import { MAX_SHELL_TREE_DEPTH } from '../../src/parse/shell/tree.js';
import { MAX_YAML_DEPTH } from '../../src/parse/yaml/depth.js';
import { MAX_FILE_BYTES } from '../../src/parse/sources.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { lintInMemory } from '../fuzz/harness.js';

/** A file with a finding of its own, linted beside the one that is too much: its report must survive. */
const OTHER = { 'other/compose.yaml': 'services:\n  web:\n    image: nginx:latest\n' };

const at = (d: Diagnostic) => `${d.relPath}:${d.range.start.line}:${d.range.start.column} ${d.ruleId}: ${d.message}`;

async function lintBeside(files: Record<string, string>) {
  const result = await lintInMemory({ ...files, ...OTHER });
  expect(result.internalErrorCount).toBe(0);
  expect(result.diagnostics.filter((d) => d.internal).map(at)).toEqual([]);
  // The other file is linted as if alone.
  expect(result.diagnostics.filter((d) => d.relPath === 'other/compose.yaml' && d.ruleId === 'compose/image-pinned').map((d) => `${d.range.start.line}:${d.range.start.column}`)).toEqual(['3:12']);
  const name = Object.keys(files)[0]!;
  return result.diagnostics.filter((d) => d.relPath === name);
}

const SHELL_MESSAGE = `the shell syntax nests more than ${MAX_SHELL_TREE_DEPTH} levels deep (commands chained with && or ||, nested $(…), if, loops or groups); not linted`;

describe('stack-lint/too-complex: one finding instead of a crash, the other files still reported', () => {
  it('a script of && chained commands nested past the limit', async () => {
    const script = `#!/bin/sh\n${Array.from({ length: MAX_SHELL_TREE_DEPTH + 10 }, (_, i) => `echo ${i}`).join(' && ')}\n`;
    const found = await lintBeside({ 'run.sh': script });
    // The innermost `&&` lists all start at the first command.
    expect(found.map(at)).toEqual([`run.sh:2:1 stack-lint/too-complex: ${SHELL_MESSAGE}`]);
  });

  it('a script just inside the limit is linted as usual', async () => {
    const script = `#!/bin/sh\n${Array.from({ length: MAX_SHELL_TREE_DEPTH - 20 }, (_, i) => `echo ${i}`).join(' && ')} && cd /tmp\n`;
    const found = await lintBeside({ 'run.sh': script });
    expect(found.map((d) => d.ruleId)).not.toContain('stack-lint/too-complex');
    expect(found.map((d) => d.ruleId)).toContain('shell/strict-mode');
  });

  it('nested $(…) past the limit', async () => {
    const depth = 200;
    const script = `#!/bin/sh\necho "${'$('.repeat(depth)}x${')'.repeat(depth)}"\n`;
    const found = await lintBeside({ 'run.sh': script });
    expect(found.map((d) => d.ruleId)).toEqual(['stack-lint/too-complex']);
    expect(found[0]!.range.start.line).toBe(2);
  });

  it('a Dockerfile RUN of && \\ continuations past the limit: the instruction is reported, the rest of the Dockerfile linted', async () => {
    let text = 'FROM alpine:3.19\nRUN echo 0';
    for (let i = 1; i < MAX_SHELL_TREE_DEPTH + 10; i++) text += ` && \\\n    echo ${i}`;
    text += '\nFROM alpine\n';
    const found = await lintBeside({ Dockerfile: text });
    expect(found.filter((d) => d.ruleId === 'stack-lint/too-complex').map(at)).toEqual([`Dockerfile:2:5 stack-lint/too-complex: ${SHELL_MESSAGE}`]);
    // Instruction-level rules still run: the untagged FROM of the last stage is reported.
    const line = text.split('\n').length - 1;
    expect(found.filter((d) => d.ruleId === 'dockerfile/pinned-base-image').map((d) => d.range.start.line)).toEqual([line]);
  });

  it('${V:-${V:-…}} nested past the limit in a compose value', async () => {
    const depth = MAX_INTERPOLATION_DEPTH + 1;
    const value = '${V:-'.repeat(depth) + 'x' + '}'.repeat(depth);
    const found = await lintBeside({ 'compose.yaml': `services:\n  web:\n    image: ${value}\n` });
    // The first `\${` past the limit: column 12 is where the value starts, each level is five characters.
    expect(found.map(at)).toEqual([
      `compose.yaml:3:${12 + 5 * MAX_INTERPOLATION_DEPTH} stack-lint/too-complex: the interpolation nests \${…} more than ${MAX_INTERPOLATION_DEPTH} levels deep; not linted`,
    ]);
  });

  it('50,000-deep interpolation is refused in one linear pass', () => {
    const value = '${V:-'.repeat(50_000) + 'x' + '}'.repeat(50_000);
    const started = performance.now();
    const r = interpolate(value, new Map());
    expect(r.value).toBe(value);
    expect(r.errors).toEqual([expect.objectContaining({ start: 5 * MAX_INTERPOLATION_DEPTH, tooDeep: true })]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('YAML nested past the limit', async () => {
    const depth = MAX_YAML_DEPTH;
    const found = await lintBeside({ 'compose.yaml': `services:\n  web:\n    image: nginx:1.27\n    command: ${'['.repeat(depth)}${']'.repeat(depth)}\n` });
    // The root, `services` and `web` maps are three levels; the k-th `[` (column 13 + k) is level 3 + k, so level limit + 1 opens at column 14 + limit - 3.
    expect(found.map(at)).toEqual([`compose.yaml:4:${14 + depth - 3} stack-lint/too-complex: the YAML nests more than ${MAX_YAML_DEPTH} levels deep; not linted`]);
  });

  it('YAML nested past the limit through aliases', async () => {
    let text = 'services:\n  web:\n    image: nginx:1.27\n    command: *a' + String(MAX_YAML_DEPTH) + '\nx-a0: &a0 [x]\n';
    for (let i = 1; i <= MAX_YAML_DEPTH; i++) text += `x-a${i}: &a${i} [*a${i - 1}]\n`;
    // Anchors must come before their aliases: put the service last.
    text = text.replace(/^services:[\s\S]*?(?=x-a0)/, '') + 'services:\n  web:\n    image: nginx:1.27\n    command: *a' + String(MAX_YAML_DEPTH) + '\n';
    const found = await lintBeside({ 'compose.yaml': text });
    expect(found.map((d) => d.ruleId)).toEqual(['stack-lint/too-complex']);
  });

  it('YAML deep enough to overflow the yaml library itself', async () => {
    const found = await lintBeside({ 'compose.yaml': `services:\n  web:\n    image: nginx:1.27\n    command: ${'['.repeat(3000)}${']'.repeat(3000)}\n` });
    expect(found.map((d) => `${d.ruleId} ${d.range.start.line} ${d.message}`)).toEqual([`stack-lint/too-complex 4 the YAML nests more than ${MAX_YAML_DEPTH} levels deep; not linted`]);
  });

  it('a self-referencing anchor neither hangs nor crashes', async () => {
    const found = await lintBeside({ 'compose.yaml': 'x-loop: &a [1, *a]\nservices:\n  web:\n    image: nginx:1.27\n    command: *a\n' });
    expect(found.map((d) => d.ruleId)).not.toContain('stack-lint/too-complex');
  });

  it('a file over the size limit', async () => {
    const head = 'services:\n  web:\n    image: nginx:1.27\n';
    const text = head + '#'.repeat(MAX_FILE_BYTES + 1024 * 1024 - head.length - 1) + '\n';
    const found = await lintBeside({ 'compose.yaml': text });
    expect(found.map(at)).toEqual([`compose.yaml:1:1 stack-lint/too-complex: file is 17.0 MB, over the 16 MB limit; not linted`]);
  });
});

describe('inputs the fuzzer found', () => {
  it('a continuation ended by a lone CR before a comment line (dockerfile-ast threw reading its heredocs)', async () => {
    const found = await lintBeside({ Dockerfile: 'FROM alpine:3.20\nRUN x \\\r#e\ncat <<EOF\nx\nEOF\n' });
    expect(found.filter((d) => d.ruleId === 'stack-lint/internal-error')).toEqual([]);
  });
});
