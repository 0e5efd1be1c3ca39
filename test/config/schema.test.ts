import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONFIG_SCHEMA, checkConfigShape, formatKeyPath } from '../../src/config/index.js';

const schemaFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schemas/stackpolicyrc.schema.json');

describe('config schema', () => {
  it('is written out as schemas/stackpolicyrc.schema.json (STACK_LINT_UPDATE_SCHEMA=1 rewrites it)', () => {
    const text = `${JSON.stringify(CONFIG_SCHEMA, null, 2)}\n`;
    if (process.env.STACK_LINT_UPDATE_SCHEMA === '1') fs.writeFileSync(schemaFile, text);
    expect(JSON.parse(fs.readFileSync(schemaFile, 'utf8'))).toEqual(CONFIG_SCHEMA);
  });

  it('accepts the documented shape', () => {
    expect(
      checkConfigShape({
        $schema: './schemas/stackpolicyrc.schema.json',
        extends: ['stack-lint:recommended'],
        plugins: [],
        rules: { 'compose/image-pinned': ['error', { requireDigest: true }], 'dockerfile/non-root-user': 'off', DL3008: 'warning' },
        overrides: [{ files: ['docker-compose.prod.y*ml'], rules: { 'compose/no-debug-in-production': 'error' }, settings: {} }],
        ignores: ['vendor/**', '**/testdata/**'],
        kinds: { '**/*.compose.yml': 'compose', 'scripts/run-*': 'shell' },
        settings: { dataServiceImages: ['postgres'] },
        linterOptions: { reportUnusedDisableDirectives: 'warning' },
      }),
    ).toEqual([]);
  });

  it('names the key path of each problem', () => {
    const messages = (raw: unknown) => checkConfigShape(raw).map((i) => `${i.keyPath}: ${i.message}`);
    expect(messages({ rule: {} })).toEqual(['rule: unknown key; did you mean "rules"?']);
    expect(messages({ overrides: [{ rules: {} }] })).toEqual(['overrides[0].files: required key is missing']);
    expect(messages({ overrides: [{ files: [] }] })).toEqual(['overrides[0].files: must not be empty']);
    expect(messages({ overrides: [{ files: 3 }] })).toEqual(['overrides[0].files: expected a string or a list, got the number 3']);
    expect(messages({ ignores: ['!vendor/keep'] })).toEqual(['ignores[0]: negated patterns are not supported: "!vendor/keep"']);
    expect(messages({ kinds: { 'x/*.yml': 'docker' } })).toEqual([
      'kinds["x/*.yml"]: expected one of "compose", "dockerfile", "shell"; got the string "docker"',
    ]);
    expect(messages({ linterOptions: { reportUnusedDisableDirectives: 'warn' } })).toEqual([
      'linterOptions.reportUnusedDisableDirectives: expected one of "off", "info", "warning", "error"; got the string "warn"',
    ]);
    expect(messages(['rules'])).toEqual([': the config must be an object of settings, got a list']);
  });

  it('leaves rule settings to the registry-aware checks unless asked', () => {
    expect(checkConfigShape({ rules: { 'compose/x': 'warn' } })).toEqual([]);
    expect(checkConfigShape({ rules: { 'compose/x': 'warn' } }, true).map((i) => i.keyPath)).toContain('rules["compose/x"]');
  });

  it('formats key paths', () => {
    expect(formatKeyPath(['overrides', 0, 'rules', 'compose/x'])).toBe('overrides[0].rules["compose/x"]');
    expect(formatKeyPath(['rules', 'DL3008'])).toBe('rules["DL3008"]');
    expect(formatKeyPath(['settings', 'a-b', 'c'])).toBe('settings["a-b"].c');
  });
});
