import { asSentence, errorMessage } from '../../../../src/georep/errorMessage';

describe('errorMessage', () => {
  it("gives an Error's message, without its name or stack", () => {
    expect(errorMessage(new TypeError('bad port'))).toBe('bad port');
  });
  it('gives anything else thrown as a string', () => {
    expect(errorMessage('timed out')).toBe('timed out');
    expect(errorMessage(42)).toBe('42');
    expect(errorMessage(undefined)).toBe('undefined');
  });
});

describe('asSentence', () => {
  it('ends a detail with a period once, never twice', () => {
    expect(asSentence('The engine did not answer')).toBe('The engine did not answer.');
    expect(asSentence('The engine did not answer.')).toBe('The engine did not answer.');
    expect(asSentence('Really?  ')).toBe('Really?');
    expect(asSentence('Wait…')).toBe('Wait…');
    expect(asSentence('')).toBe('');
  });
});
