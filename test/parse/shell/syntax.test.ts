import { describe, expect, it } from 'vitest';
import { checkShellSyntax } from '../../../src/parse/shell/index.js';
import { toSyntaxError, utf8ToUtf16Offset } from '../../../src/parse/shell/syntax.js';

describe('checkShellSyntax', () => {
  it('accepts valid scripts', async () => {
    expect(await checkShellSyntax('set -e\nif [ -f x ]; then echo "$x"; fi\n', 'sh')).toBeUndefined();
    expect(await checkShellSyntax('a=(1 2); [[ $a == 1 ]] && echo "${a[@]}"\n', 'bash')).toBeUndefined();
  });

  it('rejects `if then fi` at the `if`', async () => {
    const r = await checkShellSyntax('if then fi', 'bash');
    expect(r).toEqual({ message: '`if` must be followed by a statement list', offset: 0 });
  });

  it('converts byte positions to UTF-16 offsets', async () => {
    const text = 'echo "héllo €" 😀; if then fi';
    const r = await checkShellSyntax(text, 'bash');
    expect(r!.offset).toBe(text.indexOf('if'));
    expect(r!.offset).toBe(19);

    const text2 = 'echo é€\nls\nfi\n';
    const r2 = await checkShellSyntax(text2, 'sh');
    expect(r2!.message).toMatch(/fi/);
    expect(r2!.offset).toBe(text2.indexOf('fi'));
  });

  it('points at an unterminated quote', async () => {
    const text = 'echo ok\necho "never closed\n';
    const r = await checkShellSyntax(text, 'bash');
    expect(r!.message).toMatch(/quote/);
    expect(r!.offset).toBe(text.indexOf('"'));
  });

  it('does not report bash features under sh (a separate rule does)', async () => {
    for (const text of ['function f() { :; }', 'a=(1 2)', 'echo ${x//a/b}', '[[ -n $x ]]']) {
      expect(await checkShellSyntax(text, 'sh'), text).toBeUndefined();
      expect(await checkShellSyntax(text, 'dash'), text).toBeUndefined();
    }
  });

  it("reports bash's error when POSIX mode only complains about a bash feature", async () => {
    const text = 'function f() { :; }\nfi\n';
    const r = await checkShellSyntax(text, 'sh');
    expect(r!.message).not.toMatch(/bash feature/);
    expect(r!.offset).toBe(text.indexOf('fi'));
  });

  it('uses mksh for ksh and zsh for zsh', async () => {
    expect(await checkShellSyntax('print -r -- "$x"; [[ a == b ]]', 'ksh')).toBeUndefined();
    expect(await checkShellSyntax('echo ${(U)x}', 'zsh')).toBeUndefined();
    expect(await checkShellSyntax('echo $((1+))', 'ksh')).toMatchObject({ offset: 9 });
  });
});

describe('position conversion', () => {
  it('utf8ToUtf16Offset', () => {
    expect(utf8ToUtf16Offset('aé€😀b', 0)).toBe(0);
    expect(utf8ToUtf16Offset('aé€😀b', 1)).toBe(1);
    expect(utf8ToUtf16Offset('aé€😀b', 3)).toBe(2);
    expect(utf8ToUtf16Offset('aé€😀b', 6)).toBe(3);
    expect(utf8ToUtf16Offset('aé€😀b', 10)).toBe(5);
    expect(utf8ToUtf16Offset('aé€😀b', 99)).toBe(6);
  });

  it('reads `line:col:` messages (byte columns)', () => {
    const text = 'echo é\necho é; function f() { :; }';
    const err = new SyntaxError('2:20: the `function` builtin is a bash feature; tried parsing as posix');
    expect(toSyntaxError(err, text)).toEqual({
      message: 'the `function` builtin is a bash feature; tried parsing as posix',
      offset: text.indexOf('('),
    });
  });
});
