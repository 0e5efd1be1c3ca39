/**
 * Known tree-sitter-bash 0.25 grammar gaps: valid shell that tree-sitter parses
 * wrongly (sometimes with ERROR nodes, sometimes silently). Each case must be
 * accepted by `checkShellSyntax` (so `shell/syntax` stays quiet), and the
 * command view must still list the commands before and after the gap.
 */
import { describe, expect, it } from 'vitest';
import { checkShellSyntax } from '../../../src/parse/shell/index.js';
import { cmd, names, parse, values } from './helpers.js';

describe('grammar gap: argument after a mid-command redirect', () => {
  const text = 'echo start\necho >&2 "msg" x\nls\n';
  it('is valid shell', async () => {
    expect(await checkShellSyntax(text, 'bash')).toBeUndefined();
    expect(await checkShellSyntax(text, 'sh')).toBeUndefined();
  });
  it('gives the words after the redirect to the command', async () => {
    const doc = await parse(text);
    expect(names(doc.commands)).toEqual(['echo', 'echo', 'ls']);
    const echo = doc.commands[1]!;
    expect(values(echo)).toEqual(['msg', 'x']);
    expect(echo.args[0]!.start).toBe(text.indexOf('"msg"'));
    expect(echo.redirects.map((r) => [r.operator, r.target?.value, r.end])).toEqual([['>&', '2', text.indexOf('2 "msg"') + 1]]);
    expect(echo.end).toBe(text.indexOf('\nls'));
    expect(cmd(doc, 'ls').previous).toBe(echo);
  });
});

describe('grammar gap: redirect at the end of a list', () => {
  const text = 'a && b >/dev/null 2>&1\nls\n';
  it('is valid shell', async () => {
    expect(await checkShellSyntax(text, 'sh')).toBeUndefined();
  });
  it('gives the redirect to the last command, not the list', async () => {
    const doc = await parse(text);
    expect(names(doc.commands)).toEqual(['a', 'b', 'ls']);
    expect(cmd(doc, 'a').redirects).toEqual([]);
    expect(cmd(doc, 'b').redirects.map((r) => `${r.fd ?? ''}${r.operator}${r.target?.value}`)).toEqual(['>/dev/null', '2>&1']);
    expect(cmd(doc, 'b').before).toBe('&&');
    expect(cmd(doc, 'b').after).toBe('\n');
  });
});

describe('grammar gap: heredoc followed by `;` on the same line', () => {
  const text = 'cat <<EOF; echo after\nbody $(whoami)\nEOF\nls -l\n';
  it('is valid shell', async () => {
    expect(await checkShellSyntax(text, 'bash')).toBeUndefined();
    expect(await checkShellSyntax(text, 'sh')).toBeUndefined();
  });
  it('lists the commands on the line, in the body and after', async () => {
    const doc = await parse(text);
    expect(names(doc.commands)).toEqual(['cat', 'echo', 'whoami', 'ls']);
    const cat = cmd(doc, 'cat');
    expect(cat.redirects[0]!.target!.value).toBe('EOF');
    expect(cat.redirects[0]!.heredoc!.text).toBe('body $(whoami)\n');
    expect(cat.after).toBe(';');
    const echo = cmd(doc, 'echo');
    expect(echo.start).toBe(11);
    expect(values(echo)).toEqual(['after']);
    expect(echo.previous).toBe(cat);
    expect(cmd(doc, 'ls').start).toBe(text.indexOf('ls -l'));
    expect(cmd(doc, 'ls').previous).toBe(echo);
  });
  it('also handles `<<EOF|cmd` and `<<"EOF";`', async () => {
    const doc = await parse('cat <<EOF|sh\necho hi\nEOF\ncat <<"EOF";\nx\nEOF\nls\n');
    expect(names(doc.commands)).toEqual(['cat', 'sh', 'cat', 'ls']);
    expect(cmd(doc, 'sh').pipeline!.commands[0]).toBe(cmd(doc, 'cat'));
  });
});

describe('grammar gap: POSIX `for i do`', () => {
  const text = 'echo before\nfor i do\n  echo "$i"\ndone\nls\n';
  it('is valid shell', async () => {
    expect(await checkShellSyntax(text, 'sh')).toBeUndefined();
    expect(await checkShellSyntax(text, 'bash')).toBeUndefined();
  });
  it('keeps the commands around it and no `done` command', async () => {
    const doc = await parse(text);
    expect(doc.hasErrors).toBe(true);
    expect(names(doc.commands)).toEqual(['echo', 'echo', 'ls']);
    expect(doc.commands[1]!.args[0]!.start).toBe(text.indexOf('"$i"'));
  });
});

describe('grammar gap: here-string after another redirect', () => {
  const text = 'read -r a b 2>/dev/null <<<"$line" extra\nls\n';
  it('is valid shell', async () => {
    expect(await checkShellSyntax(text, 'bash')).toBeUndefined();
  });
  it('is a `<<<` redirect, not `<`', async () => {
    const doc = await parse(text);
    expect(doc.hasErrors).toBe(true);
    const read = cmd(doc, 'read');
    expect(read.redirects.map((r) => [r.fd, r.operator, r.target?.raw, r.start])).toEqual([
      [2, '>', '/dev/null', 12],
      [undefined, '<<<', '"$line"', text.indexOf('<<<')],
    ]);
    expect(values(read)).toEqual(['-r', 'a', 'b', 'extra']);
    expect(cmd(doc, 'ls').previous).toBe(read);
  });
});
