/**
 * A preview of a secret that is safe to print: at most the first two
 * characters, then its length. Rules report secrets through this only.
 */
export function redactSecret(value: string): string {
  const shown = value.length >= 12 ? value.slice(0, 2) : '';
  return `${shown}${'*'.repeat(Math.min(8, Math.max(3, value.length - shown.length)))} (${value.length} characters)`;
}
