import { describe, expect, it } from 'vitest';
import { createSourceFile } from '../../../src/core/source.js';
import { parseCompose } from '../../../src/parse/compose/document.js';
import { composeScriptEdits, serviceShellStrings, splitWords } from '../../../src/parse/compose/shell-strings.js';
import { decodeScalarSource } from '../../../src/parse/yaml/scalar-text.js';

function strings(yaml: string) {
  const file = createSourceFile({ path: '/x/compose.yaml', relPath: 'compose.yaml', kind: 'compose', text: yaml });
  const parsed = parseCompose(file);
  if (!parsed.ok) throw new Error('no parse');
  return parsed.doc.services.flatMap(serviceShellStrings);
}

describe('serviceShellStrings', () => {
  it('finds the shell scripts of command, entrypoint and healthcheck, each with its shell', () => {
    const found = strings(
      [
        'services:',
        '  a:',
        '    command: ["/bin/bash", "-ec", "echo $$x"]',
        '    healthcheck:',
        '      test: ["CMD-SHELL", "pg_isready -U ${USER}"]',
        '  b:',
        "    entrypoint: sh -c 'exec app'",
        '    healthcheck:',
        '      test: curl -f localhost',
        '  c:',
        '    command: echo not a shell',
        '    healthcheck:',
        '      test: ["CMD", "sh", "-c", "true"]',
        '',
      ].join('\n'),
    );
    expect(found.map((s) => [s.service, s.key, s.dialect, s.script.text, s.form.kind])).toEqual([
      ['a', 'command', 'bash', 'echo $x', 'whole'],
      ['a', 'healthcheck', 'sh', 'pg_isready -U _______', 'whole'],
      ['b', 'entrypoint', 'sh', 'exec app', 'word'],
      ['b', 'healthcheck', 'sh', 'curl -f localhost', 'whole'],
      ['c', 'healthcheck', 'sh', 'true', 'whole'],
    ]);
  });

  it('splits a string as compose does: quotes, backslashes, an operator ends it', () => {
    const m = decodeScalarSource(`a "b c"'d' e\\ f ; g`, 'plain', 0)!;
    expect(splitWords(m).map((w) => w.text.text)).toEqual(['a', 'b cd', 'e f']);
  });

  it('turns a fix into edits of the YAML only when they read back as the fixed script', () => {
    const yaml = 'services:\n  a:\n    command: ["sh", "-c", "echo $$x"]\n';
    const [s] = strings(yaml);
    const dollars = yaml.indexOf('$$x');
    const at = s!.script.text.indexOf('$x');
    // quoting `$x`: the quotes are escaped for the double-quoted scalar, `$` is compose's `$$`
    expect(composeScriptEdits(s!, [{ start: at, end: at, text: '"' }, { start: at + 2, end: at + 2, text: '"' }])).toEqual([
      { start: dollars, end: dollars, text: '\\"' },
      { start: dollars + 3, end: dollars + 3, text: '\\"' },
    ]);
    // replacing the `$` written as `$$` is not an exact edit
    expect(composeScriptEdits(s!, [{ start: at, end: at + 1, text: '#' }])).toBeUndefined();
    const [plain] = strings('services:\n  a:\n    healthcheck:\n      test: echo ok\n');
    // a `#` after a blank would start a comment in a plain scalar
    expect(composeScriptEdits(plain!, [{ start: 4, end: 5, text: ' #' }])).toBeUndefined();
  });
});
