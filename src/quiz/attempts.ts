// How many tries a question allows before its answer is shown. Pure, so the rule is tested without rendering.

/**
 * After a wrong attempt, whether the answer is shown straight away: when at most one of a list's choices is
 * left untried, another guess would prove nothing (true/false after one wrong try; an attribution question
 * once only two choices remain and one of them is then tried and wrong). Questions without a short list of
 * choices (`choiceCount` undefined) allow tries until the student asks for the answer.
 */
export function answerShownAfterWrong(choiceCount: number | undefined, wrongChoicesTried: number): boolean {
  return choiceCount !== undefined && choiceCount - wrongChoicesTried <= 1;
}
