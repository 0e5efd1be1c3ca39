import { describe, expect, it } from 'vitest';
import { gitIgnore } from '../../../src/parse/git/ignore.js';

describe('gitIgnore', () => {
  it('matches a top-level .gitignore, with negations and the last matching line winning', () => {
    const ig = gitIgnore([{ dir: '', text: '.env*\n!.env.example\n# comment\n' }]);
    expect(ig.ignores('.env')).toBe(true);
    expect(ig.ignores('deploy/.env.production')).toBe(true);
    expect(ig.ignores('.env.example')).toBe(false);
    expect(ig.ignores('compose.yaml')).toBe(false);
  });

  it('reads a nested .gitignore relative to its folder, and lets it override the top one', () => {
    const ig = gitIgnore([
      { dir: '', text: '.env\n' },
      { dir: 'deploy', text: '!.env\n/local.env\n' },
    ]);
    expect(ig.ignores('.env')).toBe(true);
    expect(ig.ignores('deploy/.env')).toBe(false);
    expect(ig.ignores('app/.env')).toBe(true);
    expect(ig.ignores('deploy/local.env')).toBe(true);
    expect(ig.ignores('local.env')).toBe(false);
  });

  it('gives .gitignore precedence over info/exclude', () => {
    const ig = gitIgnore([
      { dir: '', text: '*.env\n' },
      { dir: '', text: '!prod.env\n' },
    ]);
    expect(ig.ignores('dev.env')).toBe(true);
    expect(ig.ignores('prod.env')).toBe(false);
  });

  it('ignores whatever lies in an ignored folder: a deeper negation cannot re-include it', () => {
    const ig = gitIgnore([
      { dir: '', text: 'secrets/\n' },
      { dir: 'secrets', text: '!.env\n' },
    ]);
    expect(ig.ignores('secrets/.env')).toBe(true);
    expect(ig.ignores('secrets', true)).toBe(true);
    // `secrets/` names folders only.
    expect(gitIgnore([{ dir: '', text: 'secrets/\n' }]).ignores('secrets')).toBe(false);
  });

  it('re-includes a file whose folder is not ignored itself (`dir/*` then `!dir/.env`)', () => {
    const ig = gitIgnore([{ dir: '', text: 'config/*\n!config/.env\n' }]);
    expect(ig.ignores('config/.env')).toBe(false);
    expect(ig.ignores('config/other')).toBe(true);
  });

  it('gives unknown for a path that leaves the repository', () => {
    expect(gitIgnore([{ dir: '', text: '*\n' }]).ignores('../.env')).toBeUndefined();
  });
});
