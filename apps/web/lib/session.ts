// The API key of this browser session (sessionStorage: gone when the tab closes, never sent anywhere but this
// origin's API) and a typed client for it. The dashboard is served by the API's own Worker: same origin, no CORS.
'use client';
import { createCogoClient, type CogoClient } from '@cogo/api-client';
import { useCallback, useSyncExternalStore } from 'react';

const KEY = 'cogo.apiKey';
const listeners = new Set<() => void>();

function read(): string | null {
  return typeof window === 'undefined' ? null : window.sessionStorage.getItem(KEY);
}

/** The session's key and a setter (null signs out). */
export function useApiKey(): [string | null, (key: string | null) => void] {
  const key = useSyncExternalStore(
    (notify) => {
      listeners.add(notify);
      return () => listeners.delete(notify);
    },
    read,
    () => null,
  );
  const set = useCallback((next: string | null) => {
    if (next) window.sessionStorage.setItem(KEY, next);
    else window.sessionStorage.removeItem(KEY);
    listeners.forEach((l) => l());
  }, []);
  return [key, set];
}

/** The API's origin: this page's own. */
export const apiBase = () => window.location.origin;

/** A typed client acting with `key`. */
export function clientFor(key: string): CogoClient {
  return createCogoClient({ baseUrl: apiBase(), apiKey: key });
}
