import { describe, expect, it } from 'vitest';
import { getShellParser } from '../../../src/parse/shell/index.js';
import { parseDockerfile } from '../../../src/parse/dockerfile/document.js';
import { prepareRunBody } from '../../../src/parse/dockerfile/run-script.js';
import { createSourceFile } from '../../../src/core/source.js';

const dockerfile = (text: string) => createSourceFile({ path: '/x/Dockerfile', relPath: 'Dockerfile', kind: 'dockerfile', text });

describe('prepareRunBody', () => {
  it('turns a comment line inside a continuation into a continued blank line, keeping every offset', () => {
    const body = 'a \\\n  # note\n  && b\n';
    expect(prepareRunBody(body)).toBe('a \\\n       \\\n  && b\n');
  });

  it('moves the continuation over an empty line', () => {
    const body = 'a \\\n\n  && b\n';
    const out = prepareRunBody(body);
    expect(out).toBe('a  \\\n  && b\n');
    expect(out.length).toBe(body.length);
  });

  it('keeps CRLF continuations as continuations', () => {
    expect(prepareRunBody('a \\\r\n  && b\r\n')).toBe('a  \\\n  && b \n');
  });

  it('leaves comments alone outside continuations and after `until`', () => {
    expect(prepareRunBody('a\n# not inside\n')).toBe('a\n# not inside\n');
    expect(prepareRunBody('cat <<EOF \\\n# kept\nEOF', 4)).toBe('cat <<EOF \\\n# kept\nEOF');
  });
});

describe('RUN bodies', () => {
  it('maps a command on the third line of a RUN to its line and column in the Dockerfile', async () => {
    const shell = await getShellParser();
    const file = dockerfile(
      [
        'FROM debian:12-slim',
        'RUN apt-get update \\',
        '    # tools for the health check',
        '    && apt-get install -y --no-install-recommends curl \\',
        '    && rm -rf /var/lib/apt/lists/*',
        '',
      ].join('\n'),
    );
    const doc = parseDockerfile(file, shell);
    const commands = doc.scripts.flatMap((s) => s.commands);
    expect(commands.map((c) => c.name)).toEqual(['apt-get', 'apt-get', 'rm']);
    const install = commands[1]!;
    expect(file.lines.position(install.start)).toMatchObject({ line: 4, column: 8 });
    const flag = install.args.find((a) => a.value === '--no-install-recommends')!;
    expect(file.lines.position(flag.start)).toMatchObject({ line: 4, column: 27 });
    expect(doc.scripts[0]!.hasErrors).toBe(false);
  });

  it('parses heredoc bodies as scripts, with their own dialect', async () => {
    const shell = await getShellParser();
    const file = dockerfile('FROM alpine:3.20\nRUN <<EOF\n#!/bin/bash\nset -e\napk add curl\nEOF\nRUN python3 <<EOF\nprint(1)\nEOF\n');
    const doc = parseDockerfile(file, shell);
    expect(doc.scripts).toHaveLength(2);
    const [body, pythonLine] = doc.scripts;
    expect(body!.dialect).toBe('bash');
    expect(body!.commands.map((c) => c.name)).toEqual(['set', 'apk']);
    expect(file.lines.position(body!.commands[1]!.start)).toMatchObject({ line: 5, column: 1 });
    expect(pythonLine!.commands.map((c) => c.name)).toEqual(['python3']);
  });

  it('resolves ARG defaults into stage bases and finds the stages in the final image', () => {
    const file = dockerfile('ARG BASE=python:3.12-slim\nARG TAG\nFROM ${BASE} AS build\nFROM node:${TAG} AS assets\nFROM build AS final\n');
    const doc = parseDockerfile(file, undefined);
    expect(doc.stages.map((s) => [s.name, s.resolvedImage, s.unsetArgs])).toEqual([
      ['build', 'python:3.12-slim', []],
      ['assets', 'node:', ['TAG']],
      ['final', 'build', []],
    ]);
    expect(doc.imageStages.map((s) => s.name)).toEqual(['final', 'build']);
  });

  it('does not run the shell parser for exec-form RUN or a non-POSIX SHELL', async () => {
    const shell = await getShellParser();
    const file = dockerfile('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem\nRUN ["cmd", "/c", "dir"]\n');
    expect(parseDockerfile(file, shell).scripts).toEqual([]);
  });
});

describe('global ARGs', () => {
  it('declares several names per ARG and expands defaults with earlier ARGs', () => {
    const file = dockerfile('ARG V=3.12 FLAVOR\nARG BASE="python:${V}-slim"\nFROM ${BASE}${FLAVOR}\n');
    const doc = parseDockerfile(file, undefined);
    expect([...doc.globalArgs]).toEqual([
      ['V', '3.12'],
      ['FLAVOR', undefined],
      ['BASE', 'python:3.12-slim'],
    ]);
    expect(doc.stages[0]!.resolvedImage).toBe('python:3.12-slim');
  });
});
