import { describe, expect, it } from 'vitest';
import noTlsBypass from '../../../rules/dockerfile/no-tls-bypass.js';
import { RuleTester } from '../../../src/testing.js';

describe('dockerfile/no-tls-bypass', () => {
  it('reports switches, flags and settings that turn certificate checks off, at the word that does it', async () => {
    await new RuleTester(noTlsBypass).run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: [
            'FROM python:3.12-slim',
            'ENV PYTHONHTTPSVERIFY=0',
            'ARG NODE_TLS_REJECT_UNAUTHORIZED=0',
            'RUN curl -fsSLk https://example.com/tool -o /usr/local/bin/tool',
            'RUN wget --no-check-certificate -q https://example.com/x.tgz \\',
            '    && pip install --trusted-host pypi.example.com -i http://pypi.example.com/simple flask',
            'RUN GIT_SSL_NO_VERIFY=1 git clone https://git.example.com/repo.git',
            'RUN npm config set strict-ssl false && git config --global http.sslVerify false',
            'RUN echo "sslverify=0" >> /etc/yum.conf',
            '',
          ].join('\n'),
          errors: [
            { line: 2, column: 5, endColumn: 24, severity: 'error' },
            { line: 3, column: 5, endColumn: 35 },
            {
              line: 4,
              column: 10,
              endColumn: 16,
              message: 'curl -fsSLk turns off TLS certificate verification, so anyone on the network path can swap what the build downloads; fix the trust store (install the CA) instead',
            },
            { line: 5, column: 10, endColumn: 32 },
            { line: 6, column: 20, endColumn: 34 },
            { line: 7, column: 5, endColumn: 24 },
            { line: 8, column: 20, endColumn: 30 },
            { line: 8, column: 60, endColumn: 74 },
            { line: 9, column: 10, endColumn: 23 },
          ],
        },
      ],
    });
    expect(noTlsBypass.meta.severity).toBe('error');
  });

  it('accepts verification left on', async () => {
    await new RuleTester(noTlsBypass).run({
      valid: [
        [
          'FROM python:3.12-slim',
          'ENV PYTHONHTTPSVERIFY=1',
          'RUN curl -fsSL https://example.com/tool -o /usr/local/bin/tool',
          'RUN pip install --index-url https://pypi.example.com/simple flask',
          'RUN npm config set strict-ssl true',
          'RUN git -c http.sslVerify=true clone https://git.example.com/repo.git',
          'RUN echo "sslverify=1" >> /etc/yum.conf',
          '',
        ].join('\n'),
      ],
    });
  });
});
