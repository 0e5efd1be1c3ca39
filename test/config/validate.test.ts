import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  defaultOptions,
  parseCliRule,
  validateConfig,
  validateRuleOptions,
} from '../../src/config/index.js';
import { metas, registry, thrown } from './helpers.js';

const FILE = '/p/.stackpolicyrc.yaml';
const check = (raw: unknown) => validateConfig(raw, registry, FILE);

describe('validateConfig', () => {
  it('names an unknown rule and suggests the nearest id', () => {
    const err = thrown(() => check({ rules: { 'compose/imag-pinned': 'error' } }));
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toBe('/p/.stackpolicyrc.yaml: rules["compose/imag-pinned"]: unknown rule; did you mean "compose/image-pinned"?');
    expect(err).toMatchObject({ file: FILE, keyPath: 'rules["compose/imag-pinned"]', reason: 'unknown rule; did you mean "compose/image-pinned"?' });
  });

  it('names unknown rules inside overrides', () => {
    expect(thrown(() => check({ overrides: [{ files: 'x', rules: { 'compose/nope': 'off' } }] })).message).toBe(
      '/p/.stackpolicyrc.yaml: overrides[0].rules["compose/nope"]: unknown rule',
    );
  });

  it('refuses a peer code that maps to no rule', () => {
    expect(thrown(() => check({ rules: { DL9999: 'off' } })).message).toBe('/p/.stackpolicyrc.yaml: rules["DL9999"]: peer code "DL9999" maps to no rule');
    expect(thrown(() => check({ rules: { DL3009: 'off' } })).message).toBe(
      '/p/.stackpolicyrc.yaml: rules["DL3009"]: peer code "DL3009" maps to no rule; did you mean "DL3008"?',
    );
    expect(thrown(() => check({ rules: { 'image-pinned': 'off' } })).message).toBe(
      '/p/.stackpolicyrc.yaml: rules["image-pinned"]: unknown rule or peer code; did you mean "compose/image-pinned"?',
    );
  });

  it('maps a peer code to the rules that stand in for it', () => {
    expect(check({ rules: { DL3008: 'info' } }).rules).toEqual([{ id: 'dockerfile/apt-pinned', severity: 'info' }]);
  });

  it('lists the valid severities for a bad one, and refuses numbers', () => {
    expect(thrown(() => check({ rules: { 'dockerfile/non-root-user': 'warn' } })).message).toBe(
      '/p/.stackpolicyrc.yaml: rules["dockerfile/non-root-user"]: invalid severity "warn"; expected one of "off", "info", "warning", "error"',
    );
    expect(thrown(() => check({ rules: { 'dockerfile/non-root-user': 2 } })).message).toBe(
      '/p/.stackpolicyrc.yaml: rules["dockerfile/non-root-user"]: invalid severity 2; expected one of "off", "info", "warning", "error" (numeric severities are not accepted)',
    );
    expect(thrown(() => check({ rules: { 'dockerfile/non-root-user': ['erorr', {}] } })).message).toBe(
      '/p/.stackpolicyrc.yaml: rules["dockerfile/non-root-user"]: invalid severity "erorr"; expected one of "off", "info", "warning", "error"',
    );
    expect(thrown(() => check({ rules: { 'dockerfile/non-root-user': [] } })).message).toBe(
      '/p/.stackpolicyrc.yaml: rules["dockerfile/non-root-user"]: expected [severity] or [severity, options]; got an empty list',
    );
    expect(thrown(() => check({ rules: { 'dockerfile/non-root-user': { severity: 'error' } } })).message).toBe(
      '/p/.stackpolicyrc.yaml: rules["dockerfile/non-root-user"]: expected a severity ("off", "info", "warning", "error") or [severity, options]; got an object',
    );
  });

  it('checks options against the rule schema, naming the option', () => {
    expect(thrown(() => check({ rules: { 'compose/image-pinned': ['error', { requireDigest: 'yes' }] } })).message).toBe(
      '/p/.stackpolicyrc.yaml: rules["compose/image-pinned"]: option "requireDigest": expected true or false, got the string "yes"',
    );
    expect(thrown(() => check({ rules: { 'compose/image-pinned': ['error', { requireDigst: true }] } })).message).toBe(
      '/p/.stackpolicyrc.yaml: rules["compose/image-pinned"]: unknown option "requireDigst"; did you mean "requireDigest"?',
    );
    expect(thrown(() => check({ rules: { 'compose/image-pinned': ['error', { allow: ['a', 1] }] } })).message).toBe(
      '/p/.stackpolicyrc.yaml: rules["compose/image-pinned"]: option "allow[1]": expected a string, got the number 1',
    );
    expect(thrown(() => check({ rules: { DL3008: ['error', { x: 1 }] } })).message).toBe(
      '/p/.stackpolicyrc.yaml: rules["DL3008"]: rule "dockerfile/apt-pinned" takes no options',
    );
    expect(check({ rules: { DL3008: ['error', {}] } }).rules).toEqual([{ id: 'dockerfile/apt-pinned', severity: 'error', options: {} }]);
    expect(thrown(() => check({ rules: { 'compose/image-pinned': ['error', [true]] } })).message).toBe(
      '/p/.stackpolicyrc.yaml: rules["compose/image-pinned"]: options must be an object; got a list',
    );
  });

  it('fills in option defaults', () => {
    expect(check({ rules: { 'compose/image-pinned': ['error', { requireDigest: true }] } }).rules).toEqual([
      { id: 'compose/image-pinned', severity: 'error', options: { requireDigest: true, allow: [] } },
    ]);
    expect(defaultOptions(metas[0]!)).toEqual({ requireDigest: false, allow: [] });
    const given = { allow: ['nginx'] };
    expect(validateRuleOptions(metas[0]!, given)).toEqual({ requireDigest: false, allow: ['nginx'] });
    expect(given).toEqual({ allow: ['nginx'] });
  });

  it('reports shape problems first, by key path', () => {
    expect(thrown(() => check({ overrides: [{ rules: {} }] })).message).toBe('/p/.stackpolicyrc.yaml: overrides[0].files: required key is missing');
    expect(thrown(() => check({ extend: ['stack-lint:all'] })).message).toBe('/p/.stackpolicyrc.yaml: extend: unknown key; did you mean "extends"?');
    expect(thrown(() => check('rules')).message).toBe('/p/.stackpolicyrc.yaml: the config must be an object of settings, got the string "rules"');
  });

  it('normalizes lists and defaults', () => {
    const config = check({ extends: 'stack-lint:all', overrides: [{ files: 'a.yml' }] });
    expect(config.extends).toEqual(['stack-lint:all']);
    expect(config.overrides).toEqual([{ files: ['a.yml'], environments: [], rules: [], settings: {} }]);
    expect(config.linterOptions).toEqual({ reportUnusedDisableDirectives: 'warning' });
  });
});

describe('parseCliRule', () => {
  it('parses "id: severity" and "id: [severity, {options}]" (JSON or YAML)', () => {
    expect(parseCliRule('dockerfile/non-root-user: off', registry)).toEqual([{ id: 'dockerfile/non-root-user', severity: 'off' }]);
    expect(parseCliRule('DL3008:info', registry)).toEqual([{ id: 'dockerfile/apt-pinned', severity: 'info' }]);
    expect(parseCliRule('compose/image-pinned: ["error", {"requireDigest": true}]', registry)).toEqual([
      { id: 'compose/image-pinned', severity: 'error', options: { requireDigest: true, allow: [] } },
    ]);
    expect(parseCliRule('compose/image-pinned: [warning, {allow: [nginx]}]', registry)).toEqual([
      { id: 'compose/image-pinned', severity: 'warning', options: { requireDigest: false, allow: ['nginx'] } },
    ]);
  });

  it('refuses malformed values', () => {
    expect(thrown(() => parseCliRule('compose/image-pinned error', registry)).message).toBe(
      '--rule "compose/image-pinned error": expected "<rule-id>: <severity>" or "<rule-id>: [<severity>, {<options>}]"',
    );
    expect(thrown(() => parseCliRule('compose/image-pinned:', registry)).message).toBe(
      '--rule "compose/image-pinned:": expected "<rule-id>: <severity>" or "<rule-id>: [<severity>, {<options>}]"',
    );
    expect(thrown(() => parseCliRule('compose/image-pinned: [error', registry)).message).toMatch(
      /^--rule "compose\/image-pinned": invalid value: /,
    );
    expect(thrown(() => parseCliRule('compose/imag-pinned: error', registry)).message).toBe(
      '--rule "compose/imag-pinned": unknown rule; did you mean "compose/image-pinned"?',
    );
    expect(thrown(() => parseCliRule('compose/image-pinned: 2', registry)).message).toBe(
      '--rule "compose/image-pinned": invalid severity 2; expected one of "off", "info", "warning", "error" (numeric severities are not accepted)',
    );
  });
});
