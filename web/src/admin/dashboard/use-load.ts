import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../shared/api/client';

/** What a dashboard card loaded: its data, or why it failed, and a way to try again. */
export interface Loaded<T> {
  data?: T;
  failure?: ApiError;
  retry(): void;
}

/** The answer of a typed API call: the data, or the status (and the API's `detail`) that refused it. */
export async function answer<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result;
  try {
    result = await call;
  } catch (error) {
    throw new ApiError(0, String(error));
  }
  if (!result.response.ok || result.data === undefined) {
    const detail = (result.error as { detail?: unknown } | undefined)?.detail;
    throw new ApiError(result.response.status, typeof detail === 'string' ? detail : result.response.statusText);
  }
  return result.data;
}

/** Loads once on mount (and again on retry); each card loads on its own so one failure hides only itself. */
export function useLoad<T>(load: () => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T | undefined>();
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [attempt, setAttempt] = useState(0);
  // The loader is fixed for a card's life; only `attempt` asks again.
  const loader = useRef(load);
  useEffect(() => {
    let live = true;
    setFailure(undefined);
    loader
      .current()
      .then((value) => live && setData(value))
      .catch((error: unknown) => live && setFailure(error instanceof ApiError ? error : new ApiError(0, String(error))));
    return () => {
      live = false;
    };
  }, [attempt]);
  return { data, failure, retry: () => setAttempt((n) => n + 1) };
}
