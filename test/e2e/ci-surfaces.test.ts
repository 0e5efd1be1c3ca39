import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/lint.js';

/** Parses a YAML file as GitHub and pre-commit would: any syntax error fails the test with its message. */
function load(file: string): unknown {
  return parse(readFileSync(path.join(ROOT, file), 'utf8'), { strict: true, uniqueKeys: true });
}

interface ActionMetadata {
  name: string;
  description: string;
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: { name?: string; id?: string; shell?: string; run?: string; uses?: string }[] };
}

describe('action.yml', () => {
  it('is valid YAML with the keys GitHub requires of a composite action', () => {
    const action = load('action.yml') as ActionMetadata;
    expect(typeof action.name).toBe('string');
    expect(typeof action.description).toBe('string');
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps.length).toBeGreaterThan(0);
    for (const step of action.runs.steps) {
      // A composite step either runs a command, which needs a shell, or uses an action.
      expect(step.run !== undefined || step.uses !== undefined).toBe(true);
      if (step.run !== undefined) expect(step.shell).toBe('bash');
    }
    for (const [id, input] of Object.entries(action.inputs)) {
      expect(input.description, `inputs.${id}.description`).toEqual(expect.any(String));
      expect(input.default === undefined || typeof input.default === 'string', `inputs.${id}.default is a string`).toBe(true);
    }
    for (const [id, output] of Object.entries(action.outputs)) {
      expect(output.description, `outputs.${id}.description`).toEqual(expect.any(String));
      expect(output.value, `outputs.${id}.value`).toEqual(expect.any(String));
    }
  });

  it('keeps the description of the config input whole (it holds ": ")', () => {
    const action = load('action.yml') as ActionMetadata;
    expect(action.inputs.config!.description).toBe('Path of a config file (default: .stackpolicyrc looked up from each file).');
  });
});

describe('.pre-commit-hooks.yaml', () => {
  it('is a valid list of hooks with the keys pre-commit requires', () => {
    const hooks = load('.pre-commit-hooks.yaml') as Record<string, unknown>[];
    expect(Array.isArray(hooks)).toBe(true);
    expect(hooks.map((h) => h.id)).toEqual(['stack-lint', 'stack-lint-fix']);
    for (const hook of hooks) {
      for (const key of ['id', 'name', 'entry', 'language']) expect(hook[key], `${String(hook.id)}.${key}`).toEqual(expect.any(String));
      expect(hook.language).toBe('node');
      expect(hook.types_or).toEqual(['dockerfile', 'shell', 'yaml']);
    }
  });
});
