/**
 * Where each pattern first matches in a process log, checked to be in the given order: throws,
 * naming the step, when one is missing or printed out of order. Returns the matches.
 */
export function expectLogInOrder(log: string, steps: { step: string; pattern: RegExp }[]): RegExpExecArray[] {
  let from = 0;
  let previous = 'the start';
  return steps.map(({ step, pattern }) => {
    const match = pattern.exec(log.slice(from));
    if (!match) {
      const anywhere = pattern.test(log) ? ` (it was printed, but before ${previous})` : '';
      throw new Error(`the log does not show "${step}" after ${previous}${anywhere}`);
    }
    match.index += from;
    from = match.index + match[0].length;
    previous = `"${step}"`;
    return match;
  });
}
