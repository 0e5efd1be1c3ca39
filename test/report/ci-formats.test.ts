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
  type Suite = { name: string; failures: string; errors: string; testcase: { name: string; failure?: { type: string }; 'system-out'?: string }[] };
  const suitesOf = (out: string) => xml.parse(out).testsuites.testsuite as Suite[];

  it('is well-formed XML with a suite per file and a case per finding', () => {
    const out = formatJunit(makeResult(), OPTIONS);
    expect(XMLValidator.validate(out)).toBe(true);
    const parsed = xml.parse(out).testsuites;
    const suites = parsed.testsuite as Suite[];
    // In the order of result.files (the engine sorts them).
    expect(suites.map((s) => s.name)).toEqual(['compose.yaml', 'Dockerfile', 'scripts/start app.sh', 'scripts/clean.sh']);
    const docker = suites.find((s) => s.name === 'Dockerfile')!;
    expect(docker.errors).toBe('1');
    expect(docker.testcase.map((c) => c.name)).toContain('dockerfile/apk-no-cache at 2:5');
    const clean = suites.find((s) => s.name === 'scripts/clean.sh')!;
    expect(clean.testcase).toEqual([{ classname: 'scripts/clean.sh', name: 'stack-lint', time: '0' }]);
    expect(Number(parsed.tests)).toBe(suites.reduce((n, s) => n + s.testcase.length, 0));
  });

  it('fails cases as the run fails: warnings pass (their text in system-out) unless they exceed --max-warnings', () => {
    const passing = suitesOf(formatJunit(makeResult(), OPTIONS));
    const docker = passing.find((s) => s.name === 'Dockerfile')!;
    expect(docker.failures).toBe('0');
    const apk = docker.testcase.find((c) => c.name === 'dockerfile/apk-no-cache at 2:5')!;
    expect(apk.failure).toBeUndefined();
    expect(apk['system-out']).toBe('warning: Use --no-cache with apk add (Dockerfile:2:5)');
    const compose = passing.find((s) => s.name === 'compose.yaml')!;
    expect(compose.failures).toBe('1'); // the error; the warning passes
    expect(compose.testcase.find((c) => c.name.startsWith('compose/healthcheck-required'))!.failure?.type).toBe('error');

    const failing = suitesOf(formatJunit(makeResult(), { ...OPTIONS, warningsFail: true }));
    const dockerFailing = failing.find((s) => s.name === 'Dockerfile')!;
    expect(dockerFailing.failures).toBe('1'); // the warning; the info never fails
    expect(dockerFailing.testcase.find((c) => c.name === 'dockerfile/apk-no-cache at 2:5')!.failure?.type).toBe('warning');
  });
});
