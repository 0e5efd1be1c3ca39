import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES, formatJson, formatPretty, formatSarif, getFormatter } from '../../src/report/index.js';

describe('getFormatter', () => {
  it('knows pretty, json and sarif', () => {
    expect(FORMAT_NAMES).toEqual(['pretty', 'json', 'sarif']);
    expect(getFormatter('pretty')).toBe(formatPretty);
    expect(getFormatter('json')).toBe(formatJson);
    expect(getFormatter('sarif')).toBe(formatSarif);
  });

  it('names the valid formats when given another', () => {
    expect(() => getFormatter('xml')).toThrow('Unknown format "xml". Valid formats: pretty, json, sarif.');
    expect(() => getFormatter('toString')).toThrow(/Unknown format/);
  });
});
