import { ReactNode } from 'react';
import { ApiError } from '../api/api-client';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="status status-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

const ADVICE: Record<string, string> = {
  FORBIDDEN: 'Your API key’s role does not allow this.',
  NETWORK: '',
  QUERY_TOO_COMPLEX: 'Try fewer filters or skills at once.',
  TOO_MANY_REQUESTS: 'Too many requests: wait a moment and retry.',
};

export function ErrorMessage({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const code = error instanceof ApiError ? error.code : undefined;
  return (
    <div className="status status-error" role="alert">
      <strong>Something went wrong.</strong> {error.message} {code && ADVICE[code]}
      {onRetry && (
        <button type="button" className="button-link" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="status status-empty">{children}</div>;
}

/** Loading, error or content, with the last content kept (dimmed) while a reload runs. */
export function Async<T>({ state, children, loadingLabel }: { state: { data?: T; error?: Error; loading: boolean; reload?: () => void }; children: (data: T) => ReactNode; loadingLabel?: string }) {
  if (state.error) return <ErrorMessage error={state.error} onRetry={state.reload} />;
  if (state.data === undefined) return state.loading ? <Loading label={loadingLabel} /> : null;
  return <div className={state.loading ? 'reloading' : undefined} aria-busy={state.loading}>{children(state.data)}</div>;
}

export function Panel({ title, children, actions, className }: { title: string; children: ReactNode; actions?: ReactNode; className?: string }) {
  const id = `panel-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className={`panel ${className ?? ''}`} aria-labelledby={id}>
      <header className="panel-header">
        <h2 id={id}>{title}</h2>
        {actions}
      </header>
      {children}
    </section>
  );
}

export function ProgressBar({ value, label }: { value: number; label: string }) {
  const pct = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
      <div className="progress-fill" style={{ width: `${pct}%` }} />
      <span className="progress-text">{pct}%</span>
    </div>
  );
}
