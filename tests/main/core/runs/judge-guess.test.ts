// A student's prediction judged against the run's answer, leniently about form.
import { describe, expect, it } from 'vitest';
import { judgeGuess } from '../../../../main/core/runs/judge-guess';

describe('judgeGuess', () => {
  it.each([
    ['5', 5, true], [' 5 processes ', 5, true], ['five', 5, true], ['4', 5, false], ['4 or 5', 5, false], ['many', 5, false],
    ['0', 0, true], ['none', 0, false], ['zero', 0, true],
    ['yes', true, true], ['Yes.', true, true], ['no', true, false], ['false', false, true], ['maybe', true, false],
    ['unset', 'unset', true], ['"Unset"', 'unset', true], ['set', 'unset', false],
    ['an EOFError', 'EOFError', true], ['eoferror', 'EOFError', true], ['This is the value.', 'This is the value', true],
    ['[1, 2]', [1, 2], true],
  ] as const)('%j against %j → %s', (guess, answer, right) => {
    expect(judgeGuess(guess, answer)).toBe(right);
  });

  it('has nothing to judge without a guess', () => {
    expect(judgeGuess(undefined, 5)).toBeUndefined();
    expect(judgeGuess('  ', 5)).toBeUndefined();
  });
});
