import { describe, expect, it } from 'vitest';
import { findFlag, findSubcommand, flagValue, flagValues, hasFlag, positionalArgs } from '../../../src/parse/shell/index.js';
import { parse } from './helpers.js';

const first = async (text: string) => (await parse(text)).commands[0]!;

describe('hasFlag', () => {
  it('matches short, clustered and long flags', async () => {
    const c = await first('apt-get -qy install --no-install-recommends --target-release=bookworm curl');
    expect(hasFlag(c, '-y', '--yes', '--assume-yes')).toBe(true);
    expect(hasFlag(c, '-q')).toBe(true);
    expect(hasFlag(c, '--no-install-recommends')).toBe(true);
    expect(hasFlag(c, '--target-release')).toBe(true);
    expect(hasFlag(c, '-t')).toBe(false);
    expect(hasFlag(c, '--yes')).toBe(false);
    expect(hasFlag(c, '--no-install')).toBe(false);
    expect(findFlag(c, '-y')!.raw).toBe('-qy');
  });

  it('stops at `--` and ignores long flags when a short one is asked', async () => {
    const c = await first('rm -- -y --force');
    expect(hasFlag(c, '-y')).toBe(false);
    expect(hasFlag(c, '--force')).toBe(false);
    expect(hasFlag(await first('cmd --yes'), '-y')).toBe(false);
  });

  it('matches multi-letter single-dash names exactly', async () => {
    expect(hasFlag(await first('find . -name x'), '-name')).toBe(true);
    expect(hasFlag(await first('apt-get -qq update'), '-qq')).toBe(true);
  });
});

describe('flagValue', () => {
  it('reads -o x, -ox, --output=x, --output x', async () => {
    const text = 'curl -o a.out -ob.out --output=c.out --output d.out -sSfLo e.out https://x';
    const c = await first(text);
    const vals = flagValues(c, '-o', '--output');
    expect(vals.map((v) => v.value)).toEqual(['a.out', 'b.out', 'c.out', 'd.out', 'e.out']);
    expect(vals.map((v) => text.slice(v.start, v.end))).toEqual(['a.out', 'b.out', 'c.out', 'd.out', 'e.out']);
    expect(vals[1]!.word).toBe(vals[1]!.flag);
    expect(vals[0]!.flag.raw).toBe('-o');
    expect(flagValue(c, '-o', '--output')!.value).toBe('e.out');
    expect(flagValue(c, '-X')).toBeUndefined();
  });

  it('gives undefined for dynamic values, with the right offsets', async () => {
    const text = 'docker build --tag=$IMAGE -f "$DIR/Dockerfile" .';
    const c = await first(text);
    const tag = flagValue(c, '-t', '--tag')!;
    expect(tag.value).toBeUndefined();
    expect(text.slice(tag.start, tag.end)).toBe('$IMAGE');
    const f = flagValue(c, '-f', '--file')!;
    expect(f.value).toBeUndefined();
    expect(f.word.raw).toBe('"$DIR/Dockerfile"');
  });
});

describe('positionalArgs and findSubcommand', () => {
  it('skips flags and their values', async () => {
    const c = await first('docker --context prod -H tcp://x compose -f a.yml up -d web');
    const pos = positionalArgs(c, { withValue: ['--context', '-H', '-f'] });
    expect(pos.map((w) => w.value)).toEqual(['compose', 'up', 'web']);
    expect(findSubcommand(c, { withValue: ['--context', '-H'] })!.value).toBe('compose');
  });

  it('handles `--`, `-`, clusters and attached values', async () => {
    const c = await first('tar -xzf archive.tgz -C /opt -- -weird - rest');
    expect(positionalArgs(c, { withValue: ['-f', '-C'] }).map((w) => w.value)).toEqual(['-weird', '-', 'rest']);
    const c2 = await first('sort -ofile.txt -k2 in.txt');
    expect(positionalArgs(c2, { withValue: ['-o', '-k'] }).map((w) => w.value)).toEqual(['in.txt']);
  });

  it('finds the subcommand', async () => {
    expect(findSubcommand(await first('apt-get -q install -y curl'))!.value).toBe('install');
    expect(findSubcommand(await first('sudo pip install -r req.txt'))!.value).toBe('install');
    expect(findSubcommand(await first('docker compose up'))!.value).toBe('compose');
    expect(findSubcommand(await first('ls -l'))).toBeUndefined();
    const text = 'apt-get update && apt-get install -y x';
    const doc = await parse(text);
    expect(findSubcommand(doc.commands[1]!)!.start).toBe(text.lastIndexOf('install'));
  });
});
