import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/core/location.js';
import { LineHashCache, computeLineHashes } from '../../src/report/fingerprint.js';

/**
 * A second, deliberately naive implementation straight from the definition
 * (BigInt, no rolling): the hash of a line is Σ s[p+i]·37^(99−i) mod 2^64 over
 * the 100 units of the filtered stream starting at the line's first unit.
 */
function reference(text: string): string[] {
  const s: number[] = [];
  const starts: number[] = [];
  let atStart = true;
  let prevCR = false;
  for (const ch of [...text.split('').map((c) => c.charCodeAt(0)), 65535]) {
    if (ch === 32 || ch === 9 || (prevCR && ch === 10)) {
      prevCR = false;
      continue;
    }
    prevCR = ch === 13;
    const unit = ch === 13 ? 10 : ch;
    if (atStart) starts.push(s.length);
    atStart = unit === 10;
    s.push(unit);
  }
  const mod = 1n << 64n;
  const counts = new Map<string, number>();
  return starts.map((p) => {
    let h = 0n;
    for (let i = 0; i < 100; i++) h = (h * 37n + BigInt(s[p + i] ?? 0)) % mod;
    const hex = h.toString(16);
    const n = (counts.get(hex) ?? 0) + 1;
    counts.set(hex, n);
    return `${hex}:${n}`;
  });
}

describe('primaryLocationLineHash', () => {
  it('hashes the empty file to 65535·37^99 mod 2^64', () => {
    // The stream is just the end sentinel 65535 followed by 99 zeros.
    expect((65535n * 37n ** 99n) % (1n << 64n)).toBe(0xc129715d7a2bc9a3n);
    expect(computeLineHashes('')).toEqual(['c129715d7a2bc9a3:1']);
  });

  it('hashes a one-line file (vector derived by hand from the definition)', () => {
    // Stream: 'a'(97) '\n'(10) EOF(65535) then zeros.
    // Line 1 = 97·37^99 + 10·37^98 + 65535·37^97 (mod 2^64); line 2 (empty, after the
    // final newline) is the sentinel alone, like the empty file.
    const m = 1n << 64n;
    const line1 = (97n * 37n ** 99n + 10n * 37n ** 98n + 65535n * 37n ** 97n) % m;
    expect(line1.toString(16)).toBe('243cbaa4685aab12');
    expect(computeLineHashes('a\n')).toEqual(['243cbaa4685aab12:1', 'c129715d7a2bc9a3:1']);
  });

  it('ignores spaces and tabs and treats every line break alike', () => {
    const expected = ['243cbaa4685aab12:1', 'c129715d7a2bc9a3:1'];
    expect(computeLineHashes('a\r\n')).toEqual(expected);
    expect(computeLineHashes('a\r')).toEqual(expected);
    expect(computeLineHashes(' \ta \t\n')).toEqual(expected);
  });

  it('numbers identical windows in line order', () => {
    // "x\n" × 60: line k (0-based) starts at unit 2k; its window [2k, 2k+100) lies inside
    // the 120 periodic units when 2k + 99 ≤ 119, i.e. for k ≤ 10 — 11 identical windows.
    const hashes = computeLineHashes('x\n'.repeat(60));
    expect(hashes).toHaveLength(61);
    expect(hashes.slice(0, 11)).toEqual(Array.from({ length: 11 }, (_, i) => `c0fe7b2700d6c254:${i + 1}`));
    expect(hashes[11]).toBe('c0fe7b2700fbb0cd:1');
    expect(hashes[60]).toBe('c129715d7a2bc9a3:1');
  });

  it('matches the vectors in github/codeql-action src/fingerprints.test.ts', () => {
    // Published by the upload action's own tests; reproduced here as a cross-check.
    expect(computeLineHashes(' a\nb\n  \t\tc\n d')).toEqual([
      '271789c17abda88f:1',
      '54703d4cd895b18:1',
      '180aee12dab6264:1',
      'a23a3dc5e078b07b:1',
    ]);
    const seven = [
      'e9496ae3ebfced30:1',
      'fb7c023a8b9ccb3f:1',
      'ce8ba1a563dcdaca:1',
      'e20e36e16fcb0cc8:1',
      'b3edc88f2938467e:1',
      'c8e28b0b4002a3a0:1',
      'c129715d7a2bc9a3:1',
    ];
    expect(computeLineHashes(' hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n')).toEqual(seven);
    expect(computeLineHashes(' hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r')).toEqual(seven);
    expect(computeLineHashes(' hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n')).toEqual(seven);
    expect(computeLineHashes(' hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n')).toEqual(seven);
    expect(computeLineHashes('Lorem ipsum dolor sit amet.\n'.repeat(10))).toEqual([
      'a7f2ff13bc495cf2:1',
      'a7f2ff13bc495cf2:2',
      'a7f2ff13bc495cf2:3',
      'a7f2ff13bc495cf2:4',
      'a7f2ff13bc495cf2:5',
      'a7f2ff13bc495cf2:6',
      'a7f2ff1481e87703:1',
      'a9cf91f7bbf1862b:1',
      '55ec222b86bcae53:1',
      'cc97dc7b1d7d8f7b:1',
      'c129715d7a2bc9a3:1',
    ]);
  });

  it('agrees with the naive reference and has one hash per LineIndex line', () => {
    const samples = [
      '',
      'FROM alpine\nRUN apk add curl\n',
      '\r\n\r\n',
      'a\r \nb',
      'services:\n  web:\n    image: 🐳:latest\n'.repeat(7),
      Array.from({ length: 40 }, (_, i) => `line ${i % 3}\t${'z'.repeat(i * 5)}`).join('\r\n'),
    ];
    for (const text of samples) {
      const hashes = computeLineHashes(text);
      expect(hashes).toEqual(reference(text));
      expect(hashes).toHaveLength(new LineIndex(text).lineCount);
    }
  });

  it('LineHashCache hashes a file once', () => {
    const cache = new LineHashCache();
    expect(cache.get('f', 'a\n', 1)).toBe('243cbaa4685aab12:1');
    expect(cache.get('f', 'ignored, cached by key', 2)).toBe('c129715d7a2bc9a3:1');
    expect(cache.get('f', '', 3)).toBeUndefined();
  });
});
