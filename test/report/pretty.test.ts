import { describe, expect, it } from 'vitest';
import { codeFrame } from '../../src/report/code-frame.js';
import { formatPretty } from '../../src/report/pretty.js';
import { LineIndex } from '../../src/core/location.js';
import { diag, linted, makeResult, rangeOf } from './fixtures.js';

const ESC = '\u001b[';
const plain = { dim: (s: string) => s };
const id = (s: string): string => s;

describe('pretty formatter', () => {
  it('prints findings per file with code frames and a summary', () => {
    const out = formatPretty(makeResult(), { color: false });
    expect(out.split('\n')).toEqual([
      'Dockerfile',
      '  1:1   internal  Rule crashed: TypeError: boom  dockerfile/label-schema',
      '  2:5   warning   Use --no-cache with apk add  dockerfile/apk-no-cache  [fixable]',
      '    1 | FROM alpine:3.19',
      '  > 2 | RUN apk add curl',
      '      |     ^~~~~~~',
      '',
      '  3:30  info      Label "version" is deprecated  dockerfile/label-version',
      '    2 | RUN apk add curl',
      '  > 3 | LABEL description="🐳 whale" version=1',
      // `🐳` is two UTF-16 units and two terminal cells: the caret sits under `version`.
      '      |                              ^~~~~~~',
      '',
      'compose.yaml',
      // Multi-line range: underlined to the end of its first line.
      '  2:3   error    Service "web" has no healthcheck  compose/healthcheck-required',
      '    1 | services:',
      '  > 2 |   web:',
      '      |   ^~~~',
      '',
      '  3:18  warning  Pin the image to a version instead of "latest"  compose/no-latest-tag  [fixable]',
      '    2 |   web:',
      '  > 3 |     image: nginx:latest',
      '      |                  ^~~~~~',
      '',
      // The suppressed compose/quoted-ports finding is not shown.
      'scripts/start app.sh',
      '  3:7  warning  Double quote to prevent globbing and word splitting  shell/quote-vars  [unsafe fix]',
      '    2 | if [ -n "$X" ]; then',
      // The tab is expanded to 4 spaces in the line and under it.
      '  > 3 |     echo $X',
      '      |          ^~',
      '',
      '✖ 5 problems (1 error, 3 warnings, 1 info), 1 internal error',
      '  2 warnings are potentially fixable with --fix.',
      '  1 warning is potentially fixable with --fix --unsafe-fixes.',
      '',
    ]);
  });

  it('keeps the caret under the range in every line (tab case, character by character)', () => {
    const out = formatPretty(makeResult(), { color: false }).split('\n');
    const at = out.indexOf('  > 3 |     echo $X');
    const line = out[at]!;
    const caret = out[at + 1]!;
    expect(line.slice(caret.indexOf('^'), caret.length)).toBe('$X');
  });

  it('uses colours only when asked', () => {
    const plainOut = formatPretty(makeResult(), { color: false });
    const colored = formatPretty(makeResult(), { color: true });
    expect(plainOut).not.toContain(ESC);
    expect(colored).toContain(`${ESC}31m`); // red (error)
    expect(colored).toContain(`${ESC}33m`); // yellow (warning)
    expect(colored).toContain(`${ESC}35m`); // magenta (internal)
    // Stripping the escapes gives back the plain output.
    // eslint-disable-next-line no-control-regex
    expect(colored.replace(/\u001b\[\d+m/g, '')).toBe(plainOut);
  });

  it('says so when there are no problems', () => {
    const result = makeResult({ diagnostics: [] });
    expect(formatPretty(result, { color: false })).toBe('✔ no problems in 4 files\n');
    const one = makeResult({ diagnostics: [], files: [linted('a.sh', 'shell', 'true\n')] });
    expect(formatPretty(one, { color: false })).toBe('✔ no problems in 1 file\n');
  });

  it('counts only suppressed findings as no problems', () => {
    const result = makeResult();
    result.diagnostics = result.diagnostics.filter((d) => d.suppressed);
    expect(formatPretty(result, { color: false })).toBe('✔ no problems in 4 files\n');
  });

  it('joins fixable counts per severity', () => {
    const file = linted('a.sh', 'shell', 'echo $a $b $c\n');
    const fix = (safety: 'safe' | 'unsafe') => ({ file: file.path, description: 'q', edits: [], safety });
    const result = makeResult({
      files: [file],
      diagnostics: [
        diag(file, 'shell/r', 'error', 'e', rangeOf(file.text, '$a'), { fix: fix('safe') }),
        diag(file, 'shell/r', 'warning', 'w', rangeOf(file.text, '$b'), { fix: fix('safe') }),
        diag(file, 'shell/r', 'warning', 'w', rangeOf(file.text, '$c'), { fix: fix('safe') }),
        diag(file, 'shell/s', 'info', 'i', rangeOf(file.text, '$c'), { fix: fix('unsafe') }),
      ],
    });
    const lines = formatPretty(result, { color: false }).trimEnd().split('\n');
    expect(lines.slice(-3)).toEqual([
      '✖ 4 problems (1 error, 2 warnings, 1 info)',
      '  1 error and 2 warnings are potentially fixable with --fix.',
      '  1 info is potentially fixable with --fix --unsafe-fixes.',
    ]);
  });

  it('skips the frame when the file text is unknown', () => {
    const result = makeResult();
    result.files = result.files.filter((f) => f.relPath !== 'compose.yaml');
    const out = formatPretty(result, { color: false });
    expect(out).toContain(
      'compose.yaml\n  2:3   error    Service "web" has no healthcheck  compose/healthcheck-required\n' +
        '  3:18  warning  Pin the image to a version instead of "latest"  compose/no-latest-tag  [fixable]\n\n',
    );
  });
});

describe('code frame', () => {
  it('has no context line above line 1, and widens the gutter for long line numbers', () => {
    const text = Array.from({ length: 12 }, (_, i) => `line${i + 1}`).join('\n');
    const lines = new LineIndex(text);
    expect(codeFrame(lines, rangeOf(text, 'line1'), plain, id)).toEqual(['  > 1 | line1', '      | ^~~~~']);
    expect(codeFrame(lines, rangeOf(text, 'line10'), plain, id)).toEqual([
      '     9 | line9',
      '  > 10 | line10',
      '       | ^~~~~~',
    ]);
  });

  it('shows a single caret for an empty range, also at the end of a line', () => {
    const text = 'a: 1\nb: 2';
    const lines = new LineIndex(text);
    expect(codeFrame(lines, lines.range({ start: 4, end: 4 }), plain, id)).toEqual(['  > 1 | a: 1', '      |     ^']);
  });

  it('keeps tabs inside the range aligned', () => {
    const text = 'x\t=\t1';
    const lines = new LineIndex(text);
    // `\t=\t` from column 2: the first tab fills cells 1–3, the second cells 5–7.
    expect(codeFrame(lines, lines.range({ start: 1, end: 4 }), plain, id)).toEqual([
      '  > 1 | x   =   1',
      '      |  ^~~~~~~',
    ]);
  });

  it('counts wide characters as two cells', () => {
    const text = '名前="✨" key=1';
    const lines = new LineIndex(text);
    const frame = codeFrame(lines, rangeOf(text, 'key'), plain, id);
    // 名 前 ✨ are one UTF-16 unit each but two cells wide: `key` starts in cell 10.
    expect(frame).toEqual(['  > 1 | 名前="✨" key=1', '      |           ^~~']);
  });

  it('shows control characters as control pictures', () => {
    const text = 'echo \u001b[31m x';
    const lines = new LineIndex(text);
    expect(codeFrame(lines, rangeOf(text, 'x'), plain, id)).toEqual(['  > 1 | echo ␛[31m x', '      |            ^']);
  });

  it('trims long lines around the range and marks the cuts with …', () => {
    const text = `${'a'.repeat(150)}BAD${'b'.repeat(150)}\n${'c'.repeat(300)}`;
    const lines = new LineIndex(text);
    const frame = codeFrame(lines, rangeOf(text, 'BAD'), plain, id, { maxWidth: 40 });
    // The window starts 10 cells (a quarter of 40) before the range.
    expect(frame).toEqual([
      '  > 1 | …aaaaaaaaaaBADbbbbbbbbbbbbbbbbbbbbbbbbbbb…',
      '      |            ^~~',
    ]);
    const frame2 = codeFrame(lines, rangeOf(text, 'cc', 1), plain, id, { maxWidth: 40 });
    expect(frame2).toEqual([
      `    1 | ${'a'.repeat(40)}…`,
      `  > 2 | ${'c'.repeat(40)}…`,
      '      | ^~',
    ]);
  });

  it('trims at the end of a long line without a right ellipsis', () => {
    const text = `${'a'.repeat(100)}END`;
    const lines = new LineIndex(text);
    const frame = codeFrame(lines, rangeOf(text, 'END'), plain, id, { maxWidth: 20 });
    expect(frame).toEqual([`  > 1 | …${'a'.repeat(17)}END`, `      | ${' '.repeat(18)}^~~`]);
  });
});
