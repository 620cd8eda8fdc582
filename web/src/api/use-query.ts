import { DependencyList, useCallback, useEffect, useRef, useState } from 'react';

export interface QueryState<T> {
  data?: T;
  error?: Error;
  loading: boolean;
  reload: () => void;
}

/** Runs `load` when `deps` change; a stale answer (deps changed meanwhile) is dropped. */
export function useQuery<T>(load: () => Promise<T>, deps: DependencyList, enabled = true): QueryState<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: enabled });
  const [nonce, setNonce] = useState(0);
  const generation = useRef(0);
  useEffect(() => {
    if (!enabled) {
      setState({ loading: false });
      return;
    }
    const mine = ++generation.current;
    setState((previous) => ({ data: previous.data, loading: true }));
    load().then(
      (data) => mine === generation.current && setState({ data, loading: false }),
      (error: Error) => mine === generation.current && setState({ error, loading: false }),
    );
    // `load` is a fresh closure each render; the caller's deps say when it really changed.
  }, [...deps, nonce, enabled]);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { ...state, reload };
}

/** Calls `tick` every `ms` while `active`; stops on unmount. */
export function usePolling(tick: () => void, ms: number, active: boolean): void {
  const saved = useRef(tick);
  saved.current = tick;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => saved.current(), ms);
    return () => clearInterval(timer);
  }, [ms, active]);
}
