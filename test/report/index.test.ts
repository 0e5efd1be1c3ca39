import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES, formatJson, formatPretty, formatSarif, getFormatter } from '../../src/report/index.js';

describe('getFormatter', () => {
  it('knows the built-in formats', () => {
    expect(FORMAT_NAMES).toEqual(['pretty', 'json', 'sarif', 'github', 'gitlab', 'junit', 'checkstyle']);
    expect(getFormatter('pretty')).toBe(formatPretty);
    expect(getFormatter('json')).toBe(formatJson);
    expect(getFormatter('sarif')).toBe(formatSarif);
  });

  it('names the valid formats when given another', () => {
    expect(() => getFormatter('xml')).toThrow('Unknown format "xml". Valid formats: pretty, json, sarif, github, gitlab, junit, checkstyle.');
    expect(() => getFormatter('toString')).toThrow(/Unknown format/);
  });
});
