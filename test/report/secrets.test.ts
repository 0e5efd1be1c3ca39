import { describe, expect, it } from 'vitest';
import { maskSpans, maskValues } from '../../src/core/redact.js';
import { attachSecrets } from '../../src/core/summary.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import type { LintResult } from '../../src/core/result.js';
import { maskedChange, maskResult, secretValues } from '../../src/report/secrets.js';
import { CWD, linted, offsetOf, rangeOf } from './fixtures.js';

const TEXT = 'FROM alpine:3.19\nENV KEY="-----BEGIN KEY-----\\\nabcdefgh\\\n-----END KEY-----"\nENV PW=hunter22\n';

function span(needle: string, until?: string): { start: number; end: number } {
  const start = offsetOf(TEXT, needle);
  return { start, end: until ? TEXT.indexOf(until, start) + until.length : start + needle.length };
}

function result(): LintResult {
  const file = linted('Dockerfile', 'dockerfile', TEXT);
  const finding = (needle: string, secret: { start: number; end: number }, extra: Partial<Diagnostic> = {}): Diagnostic => ({
    ruleId: 'dockerfile/no-secrets-in-env-arg',
    severity: 'error',
    message: 'a secret',
    file: file.path,
    relPath: file.relPath,
    range: rangeOf(TEXT, needle),
    secrets: [secret],
    ...extra,
  });
  const diagnostics: Diagnostic[] = [
    finding('-----BEGIN', span('"-----BEGIN', 'END KEY-----"')),
    // Suppressed: its secret is masked all the same.
    finding('hunter22', span('hunter22'), {
      suppressed: { kind: 'inline' },
      fix: { file: file.path, description: 'quote hunter22', safety: 'safe', edits: [{ start: 0, end: 0, text: 'ENV PW="hunter22"' }] },
    }),
    {
      ruleId: 'other/rule',
      severity: 'warning',
      message: 'mentions hunter22 by mistake',
      file: file.path,
      relPath: file.relPath,
      range: rangeOf(TEXT, 'FROM'),
    },
  ];
  attachSecrets([file], diagnostics);
  return { diagnostics, files: [file], rules: [], cwd: CWD, tool: { name: 't', version: '1.0.0', informationUri: '' }, errorCount: 1, warningCount: 1, infoCount: 0, fixableCount: 0, internalErrorCount: 0, durationMs: 0 };
}

describe('masking', () => {
  it('maskSpans keeps the length and the line breaks, and merges overlapping spans', () => {
    expect(maskSpans('ab\ncd\r\nef', [{ start: 1, end: 8 }, { start: 0, end: 2 }])).toBe('**\n**\r\n*f');
    expect(maskSpans('abc', [])).toBe('abc');
  });

  it('maskValues masks every occurrence, longer values first', () => {
    expect(maskValues('pw=secret1 again secret1 and secret', ['secret', 'secret1'])).toBe('pw=******* again ******* and ******');
  });

  it('attachSecrets gathers the spans of every finding of a file, suppressed ones too, merged and sorted', () => {
    const file = result().files[0]!;
    expect(file.secrets).toEqual([span('"-----BEGIN', 'END KEY-----"'), span('hunter22')]);
  });

  it('secretValues gives each line of a secret that is long enough to mask by value', () => {
    expect(secretValues(result().files)).toEqual(['"-----BEGIN KEY-----\\', 'abcdefgh\\', '-----END KEY-----"', 'hunter22']);
  });

  it('maskResult masks the file text in place, and fix texts, messages and fix descriptions by value', () => {
    const masked = maskResult(result());
    expect(masked.files[0]!.text).toBe('FROM alpine:3.19\nENV KEY=*********************\n*********\n******************\nENV PW=********\n');
    // Another rule quoting the secret (a command line, a compared value) does not print it.
    expect(masked.diagnostics[2]!.message).toBe('mentions ******** by mistake');
    expect(masked.diagnostics[1]!.fix).toMatchObject({ description: 'quote ********', edits: [{ start: 0, end: 0, text: 'ENV PW="********"' }] });
    // The result given is left as it was.
    expect(result().files[0]!.text).toBe(TEXT);
  });

  it('maskResult leaves a message readable where the password is also a name written in clear', () => {
    const text = 'services:\n  gitea:\n    environment:\n      DB_PASSWD: gitea\n';
    const file = linted('compose.yaml', 'compose', text);
    const at = text.lastIndexOf('gitea');
    const diagnostics: Diagnostic[] = [{
      ruleId: 'compose/no-plaintext-secrets',
      severity: 'error',
      message: 'service "gitea": DB_PASSWD is a literal value',
      file: file.path,
      relPath: file.relPath,
      range: rangeOf(text, 'DB_PASSWD'),
      secrets: [{ start: at, end: at + 'gitea'.length }],
    }];
    attachSecrets([file], diagnostics);
    const masked = maskResult({ ...result(), diagnostics, files: [file] });
    expect(masked.diagnostics[0]!.message).toBe('service "gitea": DB_PASSWD is a literal value');
    expect(masked.files[0]!.text).toBe('services:\n  gitea:\n    environment:\n      DB_PASSWD: *****\n');
  });

  it('maskResult gives back the very result when no rule found a secret', () => {
    const plain = { ...result(), files: [linted('Dockerfile', 'dockerfile', TEXT)] };
    expect(maskResult(plain)).toBe(plain);
  });

  it('maskedChange masks each side where its own lint found secrets, then by value, keeping a BOM', () => {
    const before = result().files[0]!;
    const after = { text: before.text.replace('ENV PW=hunter22', 'ENV PW="hunter22"'), secrets: [{ start: offsetOf(before.text, 'hunter22') + 1, end: offsetOf(before.text, 'hunter22') + 9 }] };
    const change = maskedChange({ before: `\uFEFF${before.text}`, after: `\uFEFF${after.text}` }, before, after, ['hunter22']);
    expect(change.before).toBe(`\uFEFF${maskResult(result()).files[0]!.text}`);
    expect(change.after.endsWith('ENV PW="********"\n')).toBe(true);
    expect(change.after.startsWith('\uFEFFFROM alpine:3.19\nENV KEY="-----BEGIN KEY-----')).toBe(true);
  });
});
