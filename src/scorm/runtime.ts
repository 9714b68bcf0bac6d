/**
 * The SCORM runtime: loaded only by a SCORM package's launch page (scorm-launch.html, written by package.ts), never
 * by the site. The launch page holds the LMS session for as long as the student is in the package and shows
 * the course's own pages in a frame below it, so following a link to a report or the next lesson is not the
 * end of the session (a SCORM session can be finished only once). The course's pages are unchanged.
 *
 * 1. As a classic script in the launch page's <head>, before the frame loads: finds the LMS's API and
 *    initialises; restores the answers saved in cmi.suspend_data into this browser's progress (merged with
 *    what is already here), so the islands show them as on any return visit.
 * 2. Each time the framed page saves progress (an answer, reaching the end of a lesson), this window hears it
 *    as a `storage` event, sends score, completion, success and suspend_data, and commits.
 * 3. On pagehide (the LMS closes the package) it sends the session time and exit "suspend", commits, finishes.
 *
 * The site keeps working as ever: answers are saved in localStorage first, by the site's own store, and only
 * then sent. When there is no LMS, or it refuses a value or a commit, a notice says so; nothing is lost, and
 * what failed is sent again with the next save.
 */
import { mergeProgress } from '../progress/merge';
import { createProgressStorage, PROGRESS_KEY } from '../progress/storage';
import { uncommon } from '../progress/uncommon';
import { connect, findApi, type LmsConnection } from './api';
import { CMI_KEYS, cmiValues, lmsMastery, packageStanding, sessionEnd } from './cmi';
import { decodeSuspendData, encodeSuspendData } from './suspend';
import type { PackageConfig } from './types';

const CONFIG_ID = 'scorm-package';
const NOTICE_ID = 'scorm-notice';

function readConfig(): PackageConfig | undefined {
  try {
    return JSON.parse(document.getElementById(CONFIG_ID)?.textContent ?? '') as PackageConfig;
  } catch {
    return undefined;
  }
}

/** A line at the top of the page; the latest message replaces the one before. Styled through the CSSOM (the CSP allows no style attribute). */
function notify(message: string, kind: 'info' | 'error'): void {
  const show = () => {
    let box = document.getElementById(NOTICE_ID);
    if (!box) {
      box = document.createElement('p');
      box.id = NOTICE_ID;
      box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
      Object.assign(box.style, { margin: '0', padding: '0.5rem 1rem', borderBottom: '2px solid currentColor' });
      document.body.prepend(box);
    }
    box.dataset.kind = kind;
    box.style.fontWeight = kind === 'error' ? 'bold' : 'normal';
    box.textContent = message;
  };
  if (document.body) show();
  else document.addEventListener('DOMContentLoaded', show, { once: true });
}

function start(config: PackageConfig): void {
  const storage = createProgressStorage(() => window.localStorage, { uncommon: () => uncommon });
  const api = findApi(config.version);
  if (!api) {
    notify('Not connected to your learning platform: your answers are saved in this browser only.', 'info');
    return;
  }
  const lms: LmsConnection = connect(config.version, api);
  const failed = (what: string) =>
    notify(
      `Your learning platform did not save ${what}${lms.lastError() ? ` (error ${lms.lastError()})` : ''}. ` +
        'Your answers are kept in this browser and will be sent again with your next answer.',
      'error',
    );
  if (!lms.initialize()) {
    failed('the start of this session');
    return;
  }
  const keys = CMI_KEYS[config.version];
  const mastery = lmsMastery(config.version, lms.get(keys.mastery)) ?? config.masteryScore;

  // Restore: what the LMS kept, merged into what this browser has (an answer made here since wins by its time).
  const restored = decodeSuspendData(lms.get(keys.suspend), config);
  if (restored.unreadable > 0) notify(`${restored.unreadable} saved answers could not be read back.`, 'error');
  const here = storage.load();
  if (Object.keys(restored.progress.answers).length > 0 || Object.keys(restored.progress.lessons).length > 0) {
    const saved = storage.save(mergeProgress(here.data, restored.progress));
    if (!saved.ok)
      notify('This browser could not keep your saved answers; they stay with your learning platform.', 'error');
  }

  const sent: Record<string, string> = {};
  let finished = false;
  function sync(): void {
    if (finished) return;
    const progress = storage.read().data;
    const values = {
      ...cmiValues(config.version, packageStanding(progress, config, mastery)),
      [keys.suspend]: encodeSuspendData(progress, config),
    };
    let changed = false;
    for (const [key, value] of Object.entries(values)) {
      if (sent[key] === value) continue;
      if (lms.set(key, value)) {
        sent[key] = value;
        changed = true;
      } else {
        failed(key === keys.suspend ? 'your answers' : 'your score');
        return;
      }
    }
    if (changed && !lms.commit()) {
      // Not sent after all: send everything again next time.
      for (const key of Object.keys(sent)) delete sent[key];
      failed('your latest answer');
    }
  }

  // The framed page's store writes localStorage; every other window of the origin, this one included, is told.
  window.addEventListener('storage', (event) => {
    if (event.key === PROGRESS_KEY) sync();
  });

  const startedAt = Date.now();
  window.addEventListener('pagehide', () => {
    if (finished) return;
    sync();
    for (const [key, value] of Object.entries(sessionEnd(config.version, Date.now() - startedAt))) lms.set(key, value);
    lms.commit();
    finished = true;
    lms.finish();
  });
  sync();
}

const config = readConfig();
if (config) start(config);
