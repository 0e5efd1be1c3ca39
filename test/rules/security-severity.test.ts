import { describe, expect, it } from 'vitest';
import builtins from '../../rules/index.js';
import { ruleTags } from '../../src/report/sarif.js';

// GitHub code scanning ranks and filters security alerts by `security-severity`; a rule tagged
// `security` without one shows up with no severity at all.
describe('security rules', () => {
  const security = builtins.rules.map((r) => r.meta).filter((m) => m.category === 'security' || m.tags?.includes('security'));

  it('are found (the check below is not vacuous)', () => {
    expect(security.map((m) => m.id)).toContain('dockerfile/dockerignore');
  });

  it.each(security.map((m) => [m.id, m] as const))('%s has a security-severity between 0.1 and 10', (_id, meta) => {
    expect(meta.securitySeverity).toBeGreaterThanOrEqual(0.1);
    expect(meta.securitySeverity).toBeLessThanOrEqual(10);
    expect(ruleTags(meta)).toContain('security');
  });
});
