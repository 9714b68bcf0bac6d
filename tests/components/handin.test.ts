import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import HandIn from '../../src/components/handin/HandIn.svelte';
import { studentCourse } from '../../src/handin/course';
import { parseHandIn } from '../../src/handin/format';
import { course } from '../unit/handin-fixtures';

// The hand-in form when the course file lists classes: the class is asked for, checked, and written in the file.

beforeEach(() => localStorage.clear());
afterEach(() => document.body.replaceChildren());

describe('HandIn with classes', () => {
  it('asks for the class, refuses to go on without one, and puts the chosen class in the file it shows', async () => {
    const user = userEvent.setup();
    render(HandIn, { props: { course: { ...studentCourse(course), classes: ['7B', '7C'] } } });
    await user.type(screen.getByLabelText('Your name'), 'Ada Lovelace');
    await user.click(screen.getByRole('button', { name: 'Show what the file will contain' }));
    expect(screen.getByRole('alert').textContent).toBe('Pick your class from the list.');
    expect(document.activeElement).toBe(screen.getByLabelText('Your class'));

    await user.selectOptions(screen.getByLabelText('Your class'), '7C');
    await user.click(screen.getByRole('button', { name: 'Show what the file will contain' }));
    const shown = screen.getByLabelText('The hand-in file').textContent!;
    const parsed = parseHandIn(shown, course.courseId);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.handIn).toMatchObject({ name: 'Ada Lovelace', class: '7C' });
    expect(screen.getByRole('button', { name: /^Download hand-in-ada-lovelace-/ })).toBeTruthy();

    // Editing the name after the preview withdraws it: what is downloaded is always what was shown.
    await user.type(screen.getByLabelText('Your name'), ' Byron');
    expect(screen.queryByLabelText('The hand-in file')).toBeNull();
  });

  it('offers no class choice when the course lists none', () => {
    render(HandIn, { props: { course: studentCourse(course) } });
    expect(screen.queryByLabelText('Your class')).toBeNull();
  });
});
