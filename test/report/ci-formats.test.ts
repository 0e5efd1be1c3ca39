import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../src/report/github.js';
import { formatGitlab } from '../../src/report/gitlab.js';
import { formatJunit } from '../../src/report/junit.js';
import { formatCheckstyle } from '../../src/report/checkstyle.js';
import { loadFormatter } from '../../src/report/index.js';
import { diag, linted, makeResult, rangeOf } from './fixtures.js';

const OPTIONS = { color: false };
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase', 'file', 'error'].includes(name) });

describe('github', () => {
  it('writes one workflow command per finding, escaped like the Actions toolkit', () => {
    const lines = formatGithub(makeResult(), OPTIONS).trimEnd().split('\n');
    expect(lines).toContain('::warning file=Dockerfile,line=2,endLine=2,col=5,endColumn=11,title=dockerfile/apk-no-cache::Use --no-cache with apk add');
    expect(lines).toContain('::notice file=Dockerfile,line=3,endLine=3,col=30,endColumn=36,title=dockerfile/label-version::Label "version" is deprecated');
    expect(lines.some((l) => l.includes('compose/quoted-ports'))).toBe(false); // suppressed
    expect(lines.every((l) => l.startsWith('::'))).toBe(true);
  });

  it('escapes %, line breaks, colons and commas', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c')).toBe('a%3Ab%2Cc');
  });

  it('adds a notice when a level has more annotations than GitHub shows', () => {
    const file = linted('compose.yaml', 'compose', 'a\n'.repeat(12));
    const diagnostics = Array.from({ length: 12 }, (_, i) => diag(file, 'compose/x', 'error', `e${i}`, rangeOf('a\n'.repeat(12), 'a', i + 1)));
    const out = formatGithub(makeResult({ diagnostics, files: [file] }), OPTIONS).trimEnd().split('\n');
    expect(out).toHaveLength(13);
    expect(out[12]).toBe(
      '::notice title=stack-lint::12 errors: GitHub shows only 10 annotations of each level per step. Upload SARIF (--format sarif) to see them all in code scanning.',
    );
  });
});

describe('gitlab', () => {
  const schema = {
    type: 'array',
    items: {
      type: 'object',
      required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
      additionalProperties: false,
      properties: {
        description: { type: 'string', minLength: 1 },
        check_name: { type: 'string', minLength: 1 },
        fingerprint: { type: 'string', pattern: '^[0-9a-f]{32}$' },
        severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
        location: {
          type: 'object',
          required: ['path', 'lines'],
          properties: { path: { type: 'string' }, lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 } } } },
        },
      },
    },
  };

  it('writes Code Quality JSON that matches its documented shape, with unique fingerprints', () => {
    const issues = JSON.parse(formatGitlab(makeResult(), OPTIONS));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    expect(validate(issues), JSON.stringify(validate.errors)).toBe(true);
    expect(new Set(issues.map((i: { fingerprint: string }) => i.fingerprint)).size).toBe(issues.length);
    expect(issues.find((i: { check_name: string }) => i.check_name === 'dockerfile/apk-no-cache')).toMatchObject({
      severity: 'minor',
      location: { path: 'Dockerfile', lines: { begin: 2, end: 2 } },
    });
    expect(issues.find((i: { check_name: string }) => i.check_name === 'dockerfile/label-schema').severity).toBe('critical');
  });

  it('keeps a fingerprint when the finding moves to another line', () => {
    const fp = (text: string) => {
      const file = linted('run.sh', 'shell', text);
      return JSON.parse(formatGitlab(makeResult({ files: [file], diagnostics: [diag(file, 'shell/x', 'warning', 'm', rangeOf(text, 'echo'))] }), OPTIONS))[0].fingerprint;
    };
    expect(fp('echo $X\n')).toBe(fp('\n\n# moved\necho $X\n'));
  });
});

describe('junit', () => {
  it('is well-formed XML with a suite per file and a failing case per finding', () => {
    const out = formatJunit(makeResult(), OPTIONS);
    expect(XMLValidator.validate(out)).toBe(true);
    const parsed = xml.parse(out).testsuites;
    const suites = parsed.testsuite as { name: string; failures: string; errors: string; testcase: { name: string; failure?: { type: string } }[] }[];
    // In the order of result.files (the engine sorts them).
    expect(suites.map((s) => s.name)).toEqual(['compose.yaml', 'Dockerfile', 'scripts/start app.sh', 'scripts/clean.sh']);
    const docker = suites.find((s) => s.name === 'Dockerfile')!;
    expect(docker.failures).toBe('2');
    expect(docker.errors).toBe('1');
    expect(docker.testcase.map((c) => c.name)).toContain('dockerfile/apk-no-cache at 2:5');
    const clean = suites.find((s) => s.name === 'scripts/clean.sh')!;
    expect(clean.testcase).toEqual([{ classname: 'scripts/clean.sh', name: 'stack-lint', time: '0' }]);
    expect(Number(parsed.tests)).toBe(suites.reduce((n, s) => n + s.testcase.length, 0));
  });
});

describe('checkstyle', () => {
  it('is well-formed XML with an error element per finding', () => {
    const out = formatCheckstyle(makeResult(), OPTIONS);
    expect(XMLValidator.validate(out)).toBe(true);
    const files = xml.parse(out).checkstyle.file as { name: string; error?: { line: string; column: string; severity: string; source: string; message: string }[] }[];
    expect(files.map((f) => f.name)).toEqual(['compose.yaml', 'Dockerfile', 'scripts/start app.sh', 'scripts/clean.sh']);
    expect(files[1]!.error!.find((e) => e.source === 'stack-lint.dockerfile/apk-no-cache')).toEqual({
      line: '2',
      column: '5',
      severity: 'warning',
      message: 'Use --no-cache with apk add',
      source: 'stack-lint.dockerfile/apk-no-cache',
    });
    expect(files[3]!.error).toBeUndefined();
  });
});

describe('custom formatters', () => {
  it('loads a formatter module by path and a stack-lint-formatter-* package by name', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-fmt-'));
    writeFileSync(path.join(dir, 'count.mjs'), 'export default (result) => `${result.diagnostics.length} findings\\n`;\n');
    mkdirSync(path.join(dir, 'node_modules/stack-lint-formatter-ids'), { recursive: true });
    writeFileSync(path.join(dir, 'node_modules/stack-lint-formatter-ids/package.json'), '{"name":"stack-lint-formatter-ids","main":"index.js"}');
    writeFileSync(path.join(dir, 'node_modules/stack-lint-formatter-ids/index.js'), 'module.exports = (r) => r.diagnostics.map((d) => d.ruleId).join(",");\n');
    expect((await loadFormatter('./count.mjs', dir))(makeResult(), OPTIONS)).toBe('7 findings\n');
    expect((await loadFormatter('ids', dir))(makeResult(), OPTIONS)).toContain('dockerfile/apk-no-cache');
    await expect(loadFormatter('nope', dir)).rejects.toThrow('unknown format "nope"');
  });
});
