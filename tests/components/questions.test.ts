import { screen, within } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initialOrder, rightColumnOrder } from '../../src/quiz';
import { questions } from '../unit/quiz-fixtures';
import { cleanupIsland, freshIsland, LESSON, PROGRESS_KEY, propsFor, storedAnswer } from './quiz-helpers';

beforeEach(() => {
  localStorage.clear();
});
afterEach(() => {
  cleanupIsland();
  vi.restoreAllMocks();
});

/** The live region of a question, where a fresh result is announced. */
function liveRegion(): HTMLElement {
  const region = document.querySelector<HTMLElement>('.q-live');
  if (!region) throw new Error('no .q-live region');
  expect(region.getAttribute('aria-live')).toBe('polite');
  return region;
}

async function setup(question: Parameters<typeof propsFor>[0], extra = {}) {
  const { store, renderQuestion } = await freshIsland();
  const user = userEvent.setup();
  const view = await renderQuestion(propsFor(question, extra));
  return { user, view, store };
}

describe('single choice', () => {
  it('is a radio group named by the prompt; Check is explained, not silently disabled', async () => {
    await setup(questions.single);
    const group = screen.getByRole('group', { name: /Which group does the report name/ });
    expect(within(group).getAllByRole('radio')).toHaveLength(3);
    const check = screen.getByRole('button', { name: 'Check answer' });
    expect(check.getAttribute('aria-disabled')).toBe('true');
    expect(check).toHaveProperty('disabled', false);
    expect(document.getElementById(check.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Choose an answer first.',
    );
  });

  it('is answered by keyboard alone, and a right answer is announced with its feedback and evidence', async () => {
    const { user, store } = await setup(questions.single);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: "Kata'ib Hezbollah" }));
    await user.keyboard(' ');
    expect(screen.getByRole('radio', { name: "Kata'ib Hezbollah" })).toHaveProperty('checked', true);
    await user.tab();
    const check = screen.getByRole('button', { name: 'Check answer' });
    expect(document.activeElement).toBe(check);
    await user.keyboard('{Enter}');
    const live = liveRegion();
    expect(within(live).getByText('Correct')).toBeTruthy();
    expect(within(live).getByText('Yes: paragraph 2 names it.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'See the evidence: Report A, paragraph 2' }).getAttribute('href')).toBe(
      '/reports/report-a/#p2',
    );
    // Right: no "Try again" (issue 10); the button goes, and focus moves to the result, which stays.
    await vi.waitFor(() => expect(document.activeElement?.classList.contains('q-result')).toBe(true));
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Check answer' })).toBeNull();
    expect(store.progress.get().answers[`${LESSON}/which-group`]).toMatchObject({
      correct: true,
      response: { type: 'single', option: 'a' },
    });
  });

  it('marks a wrong pick in words, not colour alone, and Try again clears the result', async () => {
    const { user } = await setup(questions.single);
    await user.click(screen.getByRole('radio', { name: 'Hamas' }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(within(liveRegion()).getByText('Not quite')).toBeTruthy();
    expect(within(liveRegion()).getByText('Hamas is in Gaza, not Iraq.')).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Hamas' }).closest('li')?.textContent).toMatch(/Not right/);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(liveRegion().textContent?.trim()).toBe('');
    expect(screen.getByRole('button', { name: 'Check answer' })).toBeTruthy();
  });
});

describe('true/false and attribution', () => {
  it('grade true/false with the feedback for the choice, and show the answer after one wrong try', async () => {
    const { user, store } = await setup(questions.truefalse);
    await user.click(screen.getByRole('radio', { name: 'False' }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    // Two options: a second guess would prove nothing, so the answer is shown at once and counts as revealed.
    expect(within(liveRegion()).getByText('The answer')).toBeTruthy();
    expect(within(liveRegion()).getByText('They left in December 2011.')).toBeTruthy();
    expect(within(liveRegion()).getByText('The answer: True.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(store.progress.get().answers[`${LESSON}/${questions.truefalse.id}`]).toMatchObject({ revealed: true });
  });

  it('show the statement and a box per report and "None of them"; right only with exactly the reports that say it', async () => {
    const { user } = await setup(questions.attribution);
    expect(screen.getByText('Rockets were fired from near the Syrian border.')).toBeTruthy();
    expect(screen.getAllByRole('checkbox')).toHaveLength(3);
    await user.click(screen.getByRole('checkbox', { name: 'Report A says it' }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(within(liveRegion()).getByText('Not quite')).toBeTruthy();
    expect(within(liveRegion()).getByText('Report B says it too.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await user.click(screen.getByRole('checkbox', { name: 'Report B says it' }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(within(liveRegion()).getByText('Correct')).toBeTruthy();
    // "None of them" clears the reports ticked.
    await user.click(screen.getByRole('checkbox', { name: 'None of them says it' }));
    expect(screen.getByRole('checkbox', { name: 'Report A says it' })).toHaveProperty('checked', false);
  });
});

describe('multiple select', () => {
  it('gives partial credit in words, and full credit only when exactly right', async () => {
    const { user } = await setup(questions.multiple);
    expect(screen.getByRole('group', { name: /Where are the bases/ })).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: 'Iraq' }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(within(liveRegion()).getByText('Partly right: 1 of 2 right')).toBeTruthy();
    // What was wrong with this response, never which unpicked option is right.
    expect(screen.getByRole('checkbox', { name: 'Syria' }).closest('li')?.textContent).not.toMatch(/Missed/);
    expect(screen.getByRole('checkbox', { name: 'Iraq' }).closest('li')?.textContent).toMatch(/Right/);
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    await user.click(screen.getByRole('checkbox', { name: 'Syria' }));
    await user.click(screen.getByRole('checkbox', { name: 'Egypt' }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(within(liveRegion()).getByText('Partly right: 2 of 2 right, and 1 wrong one')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    await user.click(screen.getByRole('checkbox', { name: 'Egypt' }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(within(liveRegion()).getByText('Correct')).toBeTruthy();
  });
});

describe('ordering', () => {
  const textOf = (id: string) => questions.ordering.items.find((i) => i.id === id)!.text;
  const shown = () => [...document.querySelectorAll('.q-order-text')].map((el) => el.textContent);

  it('starts from initialOrder and moves items by keyboard, focus following the item, position announced', async () => {
    const { user } = await setup(questions.ordering);
    const start = initialOrder(questions.ordering);
    expect(shown()).toEqual(start.map(textOf));
    const second = start[1]!;
    screen.getByRole('button', { name: `Move up: ${textOf(second)}` }).focus();
    await user.keyboard('{Enter}');
    expect(shown()).toEqual([start[1], start[0], start[2]].map(textOf));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: `Move up: ${textOf(second)}` }));
    expect(document.querySelector('.q-field [aria-live="polite"]')?.textContent).toBe(
      `“${textOf(second)}” moved to position 1 of 3.`,
    );
    // At the top, Move up stays focusable and says so rather than vanishing.
    await user.keyboard('{Enter}');
    expect(document.querySelector('.q-field [aria-live="polite"]')?.textContent).toBe(
      `“${textOf(second)}” is already first.`,
    );
  });

  it('is graded per position', async () => {
    const { user } = await setup(questions.ordering);
    // Put it right: sort by moving until the order matches the question.
    const target = questions.ordering.items.map((i) => i.id);
    for (let guard = 0; guard < 10 && shown().join() !== target.map(textOf).join(); guard++) {
      const current = shown();
      const index = current.findIndex((text, i) => text !== textOf(target[i]!));
      const wanted = textOf(target[index]!);
      await user.click(screen.getByRole('button', { name: `Move up: ${wanted}` }));
    }
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(within(liveRegion()).getByText('Correct')).toBeTruthy();
    expect(screen.getAllByText('In the right place')).toHaveLength(3);
  });
});

describe('matching', () => {
  it('offers a labelled radio group per left item, in rightColumnOrder, and grades pairs', async () => {
    const { user } = await setup(questions.matching);
    const group = screen.getByRole('group', { name: 'Invasion' });
    const offered = within(group)
      .getAllByRole('radio')
      .map((r) => (r as HTMLInputElement).value);
    expect(offered).toEqual(rightColumnOrder(questions.matching));
    expect(screen.getByRole('button', { name: 'Check answer' }).getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText('Match every item on the left first.')).toBeTruthy();
    const choose = (left: string, text: string) =>
      user.click(within(screen.getByRole('group', { name: left })).getByRole('radio', { name: text }));
    await choose('Invasion', '2003');
    await choose('SOFA', '2011');
    await choose('Withdrawal', '2008');
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(within(liveRegion()).getByText('Partly right: 1 of 3 pairs right')).toBeTruthy();
    expect(within(liveRegion()).queryByText(/The answer/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show answer' }));
    expect(within(liveRegion()).getByText(/^The answer: Invasion – /)).toBeTruthy();
  });
});

describe('numeric', () => {
  it('shows the unit, explains an unreadable number inline, and accepts "about 480 troops"', async () => {
    const { user } = await setup(questions.numeric);
    const input = screen.getByRole('textbox', { name: /About how many troops/ });
    expect(input.getAttribute('inputmode')).toBe('decimal');
    expect(screen.getByText('troops')).toBeTruthy();
    await user.type(input, '2.5k');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const hint = document.getElementById(input.getAttribute('aria-describedby')!);
    expect(hint?.textContent).toMatch(/Write the number out in digits/);
    await user.clear(input);
    await user.type(input, 'about 480 troops{Enter}');
    expect(within(liveRegion()).getByText('Correct')).toBeTruthy();
  });
});

describe('short text', () => {
  it('accepts a spelling variant, submitted with Enter', async () => {
    const { user } = await setup(questions.text);
    await user.type(screen.getByRole('textbox', { name: 'Name the group.' }), 'kataib hezbollah{Enter}');
    expect(within(liveRegion()).getByText('Correct')).toBeTruthy();
  });
});

describe('evidence', () => {
  it('lists the paragraphs with links to read them, and grades the pick', async () => {
    const { user } = await setup(questions.evidence);
    expect(screen.getByText('A rocket attack targeted a base.')).toBeTruthy();
    expect(screen.getAllByRole('radio')).toHaveLength(5);
    expect(screen.getByRole('link', { name: 'Read paragraph 3 (opens in a new tab)' }).getAttribute('href')).toBe(
      '/reports/report-a/#p3',
    );
    await user.click(screen.getByRole('radio', { name: /Paragraph 1:/ }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(within(liveRegion()).getByText('Paragraph 1 is the headline summary; look for the detail.')).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: /Paragraph 5:/ }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(within(liveRegion()).getByText('Correct')).toBeTruthy();
  });
});

describe('saved answers', () => {
  it('are shown on load, marked, and not announced again', async () => {
    localStorage.setItem(PROGRESS_KEY, storedAnswer(questions.single, { type: 'single', option: 'a' }));
    await setup(questions.single);
    await vi.waitFor(() =>
      expect(screen.getByRole('radio', { name: "Kata'ib Hezbollah" })).toHaveProperty('checked', true),
    );
    expect(screen.getByText('Correct')).toBeTruthy();
    expect(liveRegion().textContent?.trim()).toBe('');
    expect(screen.getByText(questions.single.explanation)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('of a question that changed: the question starts fresh, with a notice, and no verdict (issue 11 case 1)', async () => {
    localStorage.setItem(
      PROGRESS_KEY,
      storedAnswer(questions.single, { type: 'single', option: 'b' }, { hash: 'old-hash', correct: false }),
    );
    await setup(questions.single);
    await vi.waitFor(() => expect(screen.getByText(/This question changed since you answered it/)).toBeTruthy());
    expect(screen.getByText(/Your earlier answer is kept in your progress/)).toBeTruthy();
    expect(screen.getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);
    expect(screen.queryByText('Not quite')).toBeNull();
    expect(screen.getByRole('button', { name: 'Check answer' })).toBeTruthy();
  });

  it('of an ordering question an instructor edited: the new item shows and Check works (case 1)', async () => {
    // Answered when the list had "treaty" in place of "sofa"; the question has changed since.
    localStorage.setItem(
      PROGRESS_KEY,
      storedAnswer(
        questions.ordering,
        { type: 'ordering', order: ['invasion', 'treaty', 'withdrawal'] },
        { hash: 'old-hash', correct: true },
      ),
    );
    const { user, store } = await setup(questions.ordering);
    await vi.waitFor(() => expect(screen.getByText(/This question changed since you answered it/)).toBeTruthy());
    const items = [...document.querySelectorAll('.q-order-text')].map((el) => el.textContent);
    expect(items).toContain('Status of Forces Agreement');
    expect(items).not.toContain('treaty');
    const check = screen.getByRole('button', { name: 'Check answer' });
    expect(check.getAttribute('aria-disabled')).toBeNull();
    await user.click(check);
    expect(within(liveRegion()).getByText(/Correct|Not quite|right place/)).toBeTruthy();
    const saved = store.progress.get().answers[`${LESSON}/order-events`];
    expect((saved.response as { order: string[] }).order.sort()).toEqual(['invasion', 'sofa', 'withdrawal']);
    expect(screen.queryByText(/This question changed/)).toBeNull();
  });

  it('that do not fit the question as it is start fresh, with a notice, for any type (case 2)', async () => {
    const unfit: [keyof typeof questions, unknown][] = [
      ['ordering', { type: 'ordering', order: ['invasion', 'gone', 'withdrawal'] }],
      ['single', { type: 'single', option: 'no-such-option' }],
      ['multiple', { type: 'multiple', options: ['no-such-option'] }],
    ];
    for (const [kind, response] of unfit) {
      cleanupIsland();
      localStorage.clear();
      localStorage.setItem(PROGRESS_KEY, storedAnswer(questions[kind], response));
      await setup(questions[kind]);
      await vi.waitFor(() => expect(screen.getByText(/does not fit it any more/)).toBeTruthy());
      expect(screen.queryByText('Correct')).toBeNull();
      expect(screen.getByRole('button', { name: 'Check answer' })).toBeTruthy();
    }
  });

  it('of the wrong shape are ignored', async () => {
    localStorage.setItem(PROGRESS_KEY, storedAnswer(questions.single, { type: 'single', option: 42 }));
    await setup(questions.single);
    await new Promise((done) => setTimeout(done, 20));
    expect(screen.getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);
    expect(screen.queryByText('Correct')).toBeNull();
  });

  it('render stored text as text, never as markup', async () => {
    const typed = '<img src=x onerror="window.__pwned=1">kataib';
    localStorage.setItem(
      PROGRESS_KEY,
      storedAnswer(questions.text, { type: 'text', value: typed }, { correct: false }),
    );
    await setup(questions.text);
    await vi.waitFor(() => expect(screen.getByRole('textbox')).toHaveProperty('value', typed));
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('when saving fails', () => {
  it('keeps the answer on screen, says it is not saved, and links to export', async () => {
    localStorage.setItem(PROGRESS_KEY, storedAnswer(questions.truefalse, { type: 'truefalse', value: true }));
    const earlier = localStorage.getItem(PROGRESS_KEY);
    // Storage is full from the start: the store's first write fails.
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const { user, store } = await setup(questions.single);
    await user.click(screen.getByRole('radio', { name: "Kata'ib Hezbollah" }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    const live = liveRegion();
    expect(within(live).getByText('Correct')).toBeTruthy();
    expect(within(live).getByText('Not saved.')).toBeTruthy();
    expect(within(live).getByRole('link', { name: 'Export your progress' }).getAttribute('href')).toBe('/progress/');
    expect(store.saveStatus.get().state).toBe('unsaved');
    expect(localStorage.getItem(PROGRESS_KEY)).toBe(earlier);
  });

  it('says so, and changes nothing stored, when the code to read an older format cannot load', async () => {
    // A version 1 text: the page's store needs uncommon.ts (format upgrades) to read it, and here it fails to load.
    const v1 = JSON.stringify({ version: 1, updatedAt: 1, lessons: {}, answers: {} });
    localStorage.setItem(PROGRESS_KEY, v1);
    vi.doMock('../../src/progress/uncommon', () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    try {
      const { user, store } = await setup(questions.truefalse);
      await user.click(screen.getByRole('radio', { name: 'True' }));
      await user.click(screen.getByRole('button', { name: 'Check answer' }));
      await vi.waitFor(() => expect(store.saveStatus.get().state).toBe('not-loaded'));
      expect(within(liveRegion()).getByText('Correct')).toBeTruthy();
      expect(within(liveRegion()).getByText('Not saved.')).toBeTruthy();
      expect(within(liveRegion()).getByText(/did not load.*Nothing saved before was changed/)).toBeTruthy();
      expect([localStorage.length, localStorage.getItem(PROGRESS_KEY)]).toEqual([1, v1]);
    } finally {
      vi.doUnmock('../../src/progress/uncommon');
    }
  });

  it('says so when storage cannot be used at all', async () => {
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    const { user } = await setup(questions.truefalse);
    await user.click(screen.getByRole('radio', { name: 'True' }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(within(liveRegion()).getByText('Correct')).toBeTruthy();
    expect(within(liveRegion()).getByText(/not letting the course save progress/)).toBeTruthy();
  });
});
