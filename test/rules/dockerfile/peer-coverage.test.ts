import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli.js';
import { ROOT } from '../../helpers/lint.js';

/**
 * hadolint's DL rules from DL1001 to DL4006, as its documentation lists them:
 * the README rule table (DL1001, DL3000–DL3063 without the retired DL3017,
 * DL3031 and DL3039, DL4000–DL4006 without DL4002) and the rules added in the
 * 2.15 releases (DL3064 sensitive ARG/ENV names, DL3065 redundant
 * $TARGETPLATFORM, DL3066 non-numeric USER, DL3067 copying a whole stage).
 * DL3005 left the table but its module still ships, so it is counted.
 */
const HADOLINT_SHIPPED = [
  'DL1001',
  ...range(3000, 3016),
  ...range(3018, 3030),
  ...range(3032, 3038),
  ...range(3040, 3067),
  'DL4000', 'DL4001', 'DL4003', 'DL4004', 'DL4005', 'DL4006',
];

/** Codes that rules written in parallel (table and security work) stand in for. */
const OWNED_ELSEWHERE = [
  'DL3000', 'DL3002', 'DL3003', 'DL3005', 'DL3006', 'DL3007', 'DL3009', 'DL3014', 'DL3015', 'DL3019', 'DL3020',
  'DL3025', 'DL3027', 'DL3042', 'DL3057', 'DL4006',
];

/**
 * Not mapped yet: DL3064 (sensitive data in ARG/ENV names) belongs with the
 * security rule that stands in for BuildKit's SecretsUsedInArgOrEnv
 * (dockerfile/no-secrets-in-env-arg), which is owned elsewhere.
 */
const PENDING_ELSEWHERE = ['DL3064'];

/** Docker's build checks. */
const BUILDKIT = [
  'StageNameCasing', 'FromAsCasing', 'NoEmptyContinuation', 'ConsistentInstructionCasing', 'DuplicateStageName',
  'ReservedStageName', 'JSONArgsRecommended', 'MaintainerDeprecated', 'UndefinedArgInFrom', 'WorkdirRelativePath',
  'UndefinedVar', 'MultipleInstructionsDisallowed', 'LegacyKeyValueFormat', 'RedundantTargetPlatform',
  'SecretsUsedInArgOrEnv', 'InvalidDefaultArgInFrom', 'FromPlatformFlagConstDisallowed', 'CopyIgnoredFile',
  'ExposeProtoCasing', 'ExposeInvalidFormat',
];

function range(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => `DL${from + i}`);
}

interface Listed {
  id: string;
  recommended: boolean;
  compat: { hadolint?: string[]; buildkit?: string[] };
}

// Through the CLI, not RuleTester: what is checked is the rule list `--list-rules` prints, no rule's findings.
async function listedRules(): Promise<Listed[]> {
  const out = await cli(['--list-rules', '--format', 'json'], ROOT);
  expect(out.code).toBe(0);
  return (JSON.parse(out.stdout) as { rules: Listed[] }).rules;
}

describe('parity with hadolint and BuildKit (--list-rules --format json)', () => {
  it('lists a rule for every DL code hadolint ships', async () => {
    const rules = await listedRules();
    const covered = new Set(rules.flatMap((r) => r.compat.hadolint ?? []));
    const missing = HADOLINT_SHIPPED.filter((c) => !covered.has(c));
    expect(missing.filter((c) => !PENDING_ELSEWHERE.includes(c))).toEqual([]);
    expect(HADOLINT_SHIPPED).toHaveLength(72);
  });

  it('includes the codes owned by the parallel work (their rules list them)', async () => {
    const covered = new Set((await listedRules()).flatMap((r) => r.compat.hadolint ?? []));
    expect(OWNED_ELSEWHERE.filter((c) => !covered.has(c))).toEqual([]);
  });

  it('lists a rule for every Docker build check', async () => {
    const covered = new Set((await listedRules()).flatMap((r) => r.compat.buildkit ?? []));
    expect(BUILDKIT.filter((c) => !covered.has(c))).toEqual([]);
  });

  it('keeps the rules hadolint ships off, and version pinning, out of the recommended preset', async () => {
    const rules = await listedRules();
    const byCode = (code: string) => rules.filter((r) => r.compat.hadolint?.includes(code));
    for (const code of ['DL1001', 'DL3008', 'DL3013', 'DL3016', 'DL3018', 'DL3028', 'DL3033', 'DL3037', 'DL3041', 'DL3062']) {
      expect(byCode(code).map((r) => [code, r.id, r.recommended])).toEqual(byCode(code).map((r) => [code, r.id, false]));
    }
  });
});
