/**
 * The LMS's SCORM API as one small interface for both versions. An LMS puts its API object (`API` for SCORM
 * 1.2, `API_1484_11` for 2004) on a window above the package's: a parent frame, or the window that opened
 * the package's popup. Windows of another origin throw when read; those are skipped.
 */
import type { ScormVersion } from './types';

type ApiObject = Record<string, (...args: string[]) => unknown>;

export interface LmsConnection {
  version: ScormVersion;
  initialize(): boolean;
  get(key: string): string;
  set(key: string, value: string): boolean;
  commit(): boolean;
  finish(): boolean;
  /** "code: description" of the LMS's last error, or '' when it reports none. */
  lastError(): string;
}

const API_NAME = { '1.2': 'API', '2004': 'API_1484_11' } as const;
/** How far up a frame chain to look; the ADL's own finder stops at 500 too, against frames that loop. */
const MAX_DEPTH = 500;

function apiIn(start: Window | null | undefined, name: string): ApiObject | undefined {
  let win: Window | null | undefined = start;
  for (let depth = 0; win && depth < MAX_DEPTH; depth++) {
    try {
      const api = (win as unknown as Record<string, unknown>)[name];
      if (api && typeof api === 'object') return api as ApiObject;
    } catch {
      // Another origin: its properties cannot be read.
    }
    if (win.parent === win) break;
    win = win.parent;
  }
  return undefined;
}

/** The LMS's API for `version`, searching this window and its parents, then the opener and its parents. */
export function findApi(version: ScormVersion, win: Window = window): ApiObject | undefined {
  const name = API_NAME[version];
  const opener = (w: Window | null) => {
    try {
      return w?.opener as Window | null;
    } catch {
      return null;
    }
  };
  return apiIn(win, name) ?? apiIn(opener(win), name) ?? apiIn(opener(win.top), name);
}

const ok = (result: unknown) => result === true || result === 'true';

export function connect(version: ScormVersion, api: ApiObject): LmsConnection {
  const call = (name: string, ...args: string[]): unknown => {
    const fn = api[name];
    return typeof fn === 'function' ? fn.apply(api, args) : false;
  };
  const names =
    version === '1.2'
      ? { init: 'LMSInitialize', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', finish: 'LMSFinish' }
      : { init: 'Initialize', get: 'GetValue', set: 'SetValue', commit: 'Commit', finish: 'Terminate' };
  const errors =
    version === '1.2'
      ? { last: 'LMSGetLastError', text: 'LMSGetErrorString' }
      : { last: 'GetLastError', text: 'GetErrorString' };
  return {
    version,
    initialize: () => ok(call(names.init, '')),
    get: (key) => String(call(names.get, key) ?? ''),
    set: (key, value) => ok(call(names.set, key, value)),
    commit: () => ok(call(names.commit, '')),
    finish: () => ok(call(names.finish, '')),
    lastError() {
      const code = String(call(errors.last) ?? '0');
      if (code === '0' || code === '') return '';
      return `${code}: ${String(call(errors.text, code) ?? '')}`;
    },
  };
}
