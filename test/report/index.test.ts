import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES, formatJson, formatPretty, formatSarif, getFormatter } from '../../src/report/index.js';
import { makeResult } from './fixtures.js';

describe('getFormatter', () => {
  it('knows the built-in formats', () => {
    expect(FORMAT_NAMES).toEqual(['pretty', 'json', 'sarif', 'github', 'gitlab', 'junit', 'checkstyle']);
    // Each is the formatter itself, given the result with secrets masked (here: there are none).
    const result = makeResult();
    expect(getFormatter('pretty')(result, { color: false })).toBe(formatPretty(result, { color: false }));
    expect(getFormatter('json')(result, { color: false })).toBe(formatJson(result, { color: false }));
    expect(getFormatter('sarif')(result, { color: false })).toBe(formatSarif(result, { color: false }));
  });

  it('names the valid formats when given another', () => {
    expect(() => getFormatter('xml')).toThrow('Unknown format "xml". Valid formats: pretty, json, sarif, github, gitlab, junit, checkstyle.');
    expect(() => getFormatter('toString')).toThrow(/Unknown format/);
  });
});
