// Judges a student's prediction (free text typed before the run) against the run's answer
// (a number, a yes/no, or a word such as "unset" or "EOFError"). Lenient about form:
// case, quotes, a leading article, a trailing full stop, number words up to twenty, yes/no.

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven',
  'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const YES = new Set(['yes', 'y', 'true', 'they will', 'it will', 'whole']);
const NO = new Set(['no', 'n', 'false', 'none', "they won't", 'they will not', "it won't", 'it will not']);

export function normalizeGuess(text: string): string {
  return text.trim().toLowerCase()
    .replace(/^["'“”‘’`]+|["'“”‘’`]+$/g, '')
    .replace(/[.!?]+$/, '')
    .replace(/^(an?|the)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** true / false when the guess can be compared with the answer; undefined when there is no guess. */
export function judgeGuess(guess: string | undefined, answer: unknown): boolean | undefined {
  if (guess === undefined || guess.trim() === '') return undefined;
  const g = normalizeGuess(guess);
  if (typeof answer === 'number') {
    const n = NUMBER_WORDS.indexOf(g);
    if (n >= 0) return n === answer;
    const numbers = g.match(/-?\d+(\.\d+)?/g);
    return numbers !== null && numbers.length === 1 && Number(numbers[0]) === answer;
  }
  if (typeof answer === 'boolean') {
    if (YES.has(g)) return answer === true;
    if (NO.has(g)) return answer === false;
    return false;
  }
  if (typeof answer === 'string') return g === normalizeGuess(answer);
  // A list or a record: compared as JSON, spaces aside.
  return g.replace(/\s+/g, '') === normalizeGuess(JSON.stringify(answer)).replace(/\s+/g, '');
}
