import { describe, expect, it } from 'vitest';
import { startProgress } from '../../src/cli/progress.js';

describe('the progress spinner', () => {
  it('shows on a terminal after the delay and is erased at the end', async () => {
    let out = '';
    const stop = startProgress({ write: (t: string) => (out += t), isTTY: true }, 'linting…', 20);
    await new Promise((r) => setTimeout(r, 200));
    stop();
    expect(out).toMatch(/\r⠋ linting… \(0 s\)/);
    expect(out.endsWith('\r\u001b[2K')).toBe(true);
  });

  it('stays silent for quick runs and when not a terminal', async () => {
    let out = '';
    startProgress({ write: (t: string) => (out += t), isTTY: true }, 'x', 1000)();
    const stop = startProgress({ write: (t: string) => (out += t), isTTY: false }, 'x', 0);
    await new Promise((r) => setTimeout(r, 150));
    stop();
    expect(out).toBe('');
  });
});
