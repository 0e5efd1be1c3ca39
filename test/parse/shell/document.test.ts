import { describe, expect, it } from 'vitest';
import { dialectFromPath, parseShebang } from '../../../src/parse/shell/index.js';
import { parse } from './helpers.js';

describe('shebang', () => {
  it.each([
    ['#!/bin/bash -e\necho', '/bin/bash', 'bash', ['-e'], 'bash'],
    ['#!/bin/sh\n', '/bin/sh', 'sh', [], 'sh'],
    ['#! /bin/dash -eu\n', '/bin/dash', 'dash', ['-eu'], 'dash'],
    ['#!/usr/bin/env bash\n', '/usr/bin/env', 'bash', [], 'bash'],
    ['#!/usr/bin/env -S bash -eu\n', '/usr/bin/env', 'bash', ['-eu'], 'bash'],
    ['#!/usr/bin/env -i PATH=/bin sh -x\n', '/usr/bin/env', 'sh', ['-x'], 'sh'],
    ['#!/bin/ksh93\n', '/bin/ksh93', 'ksh93', [], 'ksh'],
    ['#!/bin/busybox sh\n', '/bin/busybox', 'busybox', ['sh'], 'busybox'],
    ['#!/usr/bin/env zsh\r\nls\r\n', '/usr/bin/env', 'zsh', [], 'zsh'],
  ])('%j', async (text, path, interpreter, args, dialect) => {
    const doc = await parse(text, { path: '/repo/run' });
    expect(doc.shebang).toMatchObject({ path, interpreter, args, start: 0 });
    expect(doc.shebang!.end).toBe(text.search(/\r?\n/));
    expect(doc.dialect).toBe(dialect);
  });

  it('is absent without `#!` at the very start', async () => {
    expect((await parse('\n#!/bin/bash\n')).shebang).toBeUndefined();
    expect(parseShebang('#!', 0)).toBeUndefined();
  });

  it('uses the base offset', () => {
    expect(parseShebang('#!/bin/sh\nx', 100)).toMatchObject({ start: 100, end: 109 });
  });
});

describe('dialect', () => {
  it('prefers the option, then the shebang, then the file name', async () => {
    expect((await parse('#!/bin/bash\n', { path: '/r/x.sh', dialect: 'dash' })).dialect).toBe('dash');
    expect((await parse('#!/bin/sh\n', { path: '/r/x.bash' })).dialect).toBe('sh');
    expect((await parse('#!/usr/bin/env python3\n', { path: '/r/x.bash' })).dialect).toBe('bash');
    expect((await parse('echo\n', { path: '/r/x.bash' })).dialect).toBe('bash');
    expect((await parse('echo\n', { path: '/r/x.sh' })).dialect).toBe('unknown');
  });

  it('maps file names', () => {
    expect(dialectFromPath('/a/b.bash')).toBe('bash');
    expect(dialectFromPath('/a/test.bats')).toBe('bash');
    expect(dialectFromPath('/a/b.ksh')).toBe('ksh');
    expect(dialectFromPath('/a/b.zsh')).toBe('zsh');
    expect(dialectFromPath('/home/u/.bashrc')).toBe('bash');
    expect(dialectFromPath('/a/b.sh')).toBe('unknown'); // see dialectFromPath's comment
    expect(dialectFromPath('/a/Dockerfile')).toBe('unknown');
  });
});

describe('document', () => {
  it('lists comments, text and errors', async () => {
    const text = '#!/bin/sh\n# first\necho hi # trailing\n';
    const doc = await parse(text);
    expect(doc.text).toBe(text);
    expect(doc.baseOffset).toBe(0);
    expect(doc.comments.map((c) => [c.text, c.start])).toEqual([
      ['#!/bin/sh', 0],
      ['# first', 10],
      ['# trailing', 26],
    ]);
    expect(doc.hasErrors).toBe(false);
    expect(doc.commands.map((c) => c.name)).toEqual(['echo']);
  });

  it('parses synchronously once initialised', async () => {
    const doc = await parse('');
    expect(doc.root.type).toBe('program');
    expect(doc.commands).toEqual([]);
  });
});
