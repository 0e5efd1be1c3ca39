import { describe, expect, it } from 'vitest';
import { parseShortPort, bindsEveryInterface, isLoopback } from '../../../rules/kit/compose/ports.js';
import { parseShortMount, covers, normalisePath } from '../../../rules/kit/compose/volumes.js';
import { parseBytes, parseCpus, parseDuration, formatDuration } from '../../../rules/kit/compose/units.js';
import { findTokens, findUrlPasswords, isNonSecretValue, isPlaceholderSecret, isSecretName } from '../../../rules/kit/compose/secrets.js';
import { sensitiveContent, sensitiveHostDirectory, isEngineSocket } from '../../../rules/kit/compose/host-paths.js';

describe('port specifications', () => {
  it.each([
    ['80', { hostIp: undefined, published: undefined, target: { start: 80, end: 80 }, protocol: 'tcp' }],
    ['8080:80', { hostIp: undefined, published: { start: 8080, end: 8080 }, target: { start: 80, end: 80 }, protocol: 'tcp' }],
    ['127.0.0.1:5432:5432/tcp', { hostIp: '127.0.0.1', published: { start: 5432, end: 5432 }, target: { start: 5432, end: 5432 }, protocol: 'tcp' }],
    ['127.0.0.1::27017', { hostIp: '127.0.0.1', published: undefined, target: { start: 27017, end: 27017 }, protocol: 'tcp' }],
    ['[::1]:6379:6379', { hostIp: '::1', published: { start: 6379, end: 6379 }, target: { start: 6379, end: 6379 }, protocol: 'tcp' }],
    ['9000-9005:9000-9005/udp', { hostIp: undefined, published: { start: 9000, end: 9005 }, target: { start: 9000, end: 9005 }, protocol: 'udp' }],
  ])('%s', (text, expected) => {
    expect(parseShortPort(text)).toEqual(expected);
  });

  it('rejects what is not a port', () => {
    expect(parseShortPort('http')).toBeUndefined();
    expect(parseShortPort('70000:80')).toBeUndefined();
  });

  it('tells wildcard and loopback addresses', () => {
    expect([undefined, '0.0.0.0', '::', '[::]'].map(bindsEveryInterface)).toEqual([true, true, true, true]);
    expect(['127.0.0.1', '127.0.0.2', '::1', '10.0.0.5'].map(isLoopback)).toEqual([true, true, true, false]);
  });
});

describe('mount specifications', () => {
  it('reads binds, named and anonymous volumes, modes and Windows drives', () => {
    expect(parseShortMount('./data:/data:ro,z')).toMatchObject({ kind: 'bind', source: './data', target: '/data', modes: ['ro', 'z'], readOnly: true });
    expect(parseShortMount('db_data:/var/lib/mysql')).toMatchObject({ kind: 'volume', source: 'db_data', target: '/var/lib/mysql' });
    expect(parseShortMount('/var/lib/mysql')).toMatchObject({ kind: 'anonymous', target: '/var/lib/mysql' });
    expect(parseShortMount('/data:ro')).toMatchObject({ kind: 'anonymous', target: '/data', readOnly: true });
    expect(parseShortMount('C:\\data:/data:rw')).toMatchObject({ kind: 'bind', source: 'C:\\data', target: '/data', explicitRw: true });
    expect(parseShortMount('~/.ssh:/root/.ssh')).toMatchObject({ kind: 'bind', source: '~/.ssh' });
  });

  it('compares paths', () => {
    expect(normalisePath('/etc/nginx/conf.d/')).toBe('/etc/nginx/conf.d');
    expect(covers('/var/lib/postgresql', '/var/lib/postgresql/data')).toBe(true);
    expect(covers('/var/lib/postgresql/data', '/var/lib/postgresql')).toBe(false);
    expect(covers('/data/', '/data')).toBe(true);
  });
});

describe('units', () => {
  it('parses Go durations', () => {
    expect(['1m30s', '10s', '500ms', '1.5h', '0', '1h2m3s'].map(parseDuration)).toEqual([90_000, 10_000, 500, 5_400_000, 0, 3_723_000]);
    expect(['90 seconds', '10', '', 's'].map(parseDuration)).toEqual([undefined, undefined, undefined, undefined]);
    expect([90_000, 10_000, 3_600_000, 500].map(formatDuration)).toEqual(['1m30s', '10s', '1h', '500ms']);
  });

  it('parses memory sizes (1024-based) and CPU counts', () => {
    expect(['256m', '256M', '1g', '1.5G', '512mb', '1024'].map(parseBytes)).toEqual([268435456, 268435456, 1073741824, 1610612736, 536870912, 1024]);
    expect(['0.5', '2', '.25'].map(parseCpus)).toEqual([0.5, 2, 0.25]);
  });
});

describe('secrets', () => {
  it('tells secret names from names about secrets', () => {
    const secret = ['POSTGRES_PASSWORD', 'WEBPASSWORD', 'DB_PASSWD', 'OPENAI_API_KEY', 'SECRET_KEY', 'SUPABASE_KEY', 'apiKey', 'GITHUB_TOKEN', 'POSTGRES_PW', 'AWS_SECRET_ACCESS_KEY'];
    const not = ['POSTGRES_PASSWORD_FILE', 'AWS_ACCESS_KEY_ID', 'TOKEN_TTL', 'PASSWORD_MIN_LENGTH', 'POSTGRES_USER', 'KEY', 'SSH_PRIVATE_KEY_PATH', 'PWD', 'SORT_ORDER', 'JWT_PUBLIC_KEY', 'VAPID_PUBLIC_KEY', 'STRIPE_PUBLISHABLE_KEY', 'SSH_PUBKEY'];
    expect(secret.filter((n) => !isSecretName(n))).toEqual([]);
    expect(not.filter(isSecretName)).toEqual([]);
  });

  it('knows values that are not secrets', () => {
    expect(['', 'yes', 'false', '/run/secrets/db-password', './secret.txt'].every(isNonSecretValue)).toBe(true);
    expect(['hunter2', 'changeme'].some(isNonSecretValue)).toBe(false);
  });

  it('tells a placeholder written to be replaced from a secret', () => {
    expect(['changeme', 'change-me', 'CHANGE_ME_IN_PRODUCTION', 'replace-me', 'your-api-key', 'your-super-secure-secret-key-here', '<password>', 'xxx', '...'].every(isPlaceholderSecret)).toBe(true);
    expect(['hunter2', 'taiga-secret-key', 'f3b9c2a7d41e8b6f', 'changemeplease1', 'secure_password'].some(isPlaceholderSecret)).toBe(false);
  });

  it('finds token shapes and passwords in URLs, but not variables', () => {
    expect(findTokens('key=sk-proj-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c').map((f) => f.what)).toEqual(['an OpenAI-style API key']);
    expect(findTokens('AKIAIOSFODNN7EXAMPLE ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8').map((f) => f.what)).toEqual(['an AWS access key id', 'a GitHub token']);
    expect(findTokens('sk-your-openai-key')).toEqual([]);
    expect(findUrlPasswords('mysql://root:whalehello@db:3306/mysql')).toEqual([{ what: 'a password in a URL', start: 13, end: 23 }]);
    expect(findUrlPasswords('postgres://u:${PW}@db/x redis://redis:6379/0 https://example.com')).toEqual([]);
  });
});

describe('host paths', () => {
  it('tells key material and configuration from application data', () => {
    expect(sensitiveContent('~/.ssh/id_rsa', '/root/.ssh/id_rsa')).toBe('key material');
    expect(sensitiveContent('./certs', '/etc/ssl/certs')).toBe('key material');
    expect(sensitiveContent('./nginx/nginx.conf', '/etc/nginx/nginx.conf')).toBe('configuration');
    expect(sensitiveContent('./nginx/api-conf', '/etc/nginx/conf.d/')).toBe('configuration');
    expect(sensitiveContent('/usr/share/appdata/wireguard/config', '/config')).toBeUndefined();
    expect(sensitiveContent('./data', '/data')).toBeUndefined();
  });

  it('knows engine sockets and system directories', () => {
    expect(['/var/run/docker.sock', '/run/user/1000/docker.sock', '/run/podman/podman.sock'].every(isEngineSocket)).toBe(true);
    expect(['/', '/etc/', '/proc/1', '~', '/var/lib/docker/volumes', '/var/run/docker.sock', '/etc/pihole', '/lib/modules'].map(sensitiveHostDirectory)).toEqual([
      '/',
      '/etc',
      '/proc',
      '~ (a home directory)',
      '/var/lib/docker',
      undefined,
      undefined,
      undefined,
    ]);
  });
});
