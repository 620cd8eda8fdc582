import { FormEvent, useState } from 'react';
import { gql } from '../api/api-client';
import { apiKeyStore } from '../api/api-key-store';
import { Me, ME_QUERY } from '../session';

export function LoginView({ notice, onSignedIn }: { notice?: string; onSignedIn: (me: Me) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | undefined>(notice);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const { me } = await gql<{ me: Me }>(ME_QUERY, {}, key.trim());
      apiKeyStore.set(key);
      onSignedIn(me);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <form className="login-card" onSubmit={submit} aria-describedby="login-help">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">H</span>
          Hirescope
        </div>
        <h1>Sign in to the dashboard</h1>
        <p id="login-help" className="muted">
          Paste your API key. It is kept in this browser tab only and sent with every request. (<code>npm start</code> writes the admin key to{' '}
          <code>.data/admin-api-key</code>.)
        </p>
        <label htmlFor="api-key">API key</label>
        <input id="api-key" name="api-key" type="password" autoComplete="off" spellCheck={false} required value={key} onChange={(e) => setKey(e.target.value)} autoFocus />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button-primary" disabled={busy || !key.trim()}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
