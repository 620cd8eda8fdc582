import { useCallback, useEffect, useState } from 'react';
import { ApiError, gql, onUnauthenticated } from './api/api-client';
import { apiKeyStore } from './api/api-key-store';
import { Loading } from './components/status';
import { LoginView } from './views/login-view';
import { Me, ME_QUERY, SessionContext } from './session';
import { VIEWS, ViewId } from './views/view-registry';

function viewFromHash(): ViewId {
  const id = window.location.hash.replace(/^#\/?/, '');
  return (VIEWS.find((v) => v.id === id)?.id ?? 'market') as ViewId;
}

export function App() {
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(() => apiKeyStore.get() !== null);
  const [notice, setNotice] = useState<string>();
  const [view, setView] = useState<ViewId>(viewFromHash);

  const signOut = useCallback((message?: string) => {
    apiKeyStore.clear();
    setMe(null);
    setNotice(message);
  }, []);

  // A key kept from earlier in this tab: check it once.
  useEffect(() => {
    if (!checking) return;
    gql<{ me: Me }>(ME_QUERY)
      .then(({ me }) => setMe(me))
      .catch((error: Error) => signOut(error instanceof ApiError && error.code === 'UNAUTHENTICATED' ? 'Your API key is no longer valid.' : error.message))
      .finally(() => setChecking(false));
  }, [checking, signOut]);

  useEffect(() => onUnauthenticated(() => signOut('Your API key was rejected. Sign in again.')), [signOut]);

  useEffect(() => {
    const onHash = () => setView(viewFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  if (checking) return <Loading label="Checking your API key…" />;
  if (!me) return <LoginView notice={notice} onSignedIn={(signedIn) => { setNotice(undefined); setMe(signedIn); }} />;

  const visible = VIEWS.filter((v) => v.allowed(me.role));
  const current = visible.find((v) => v.id === view) ?? visible[0];
  const Current = current.component;
  return (
    <SessionContext.Provider value={me}>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">H</span>
          Hirescope
        </div>
        <nav aria-label="Dashboard views">
          <ul className="tabs">
            {visible.map((v) => (
              <li key={v.id}>
                <a href={`#/${v.id}`} aria-current={v.id === current.id ? 'page' : undefined} className={v.id === current.id ? 'tab tab-active' : 'tab'}>
                  {v.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span className="who-org">{me.organizationName}</span>
          <span className="badge">{me.role.toLowerCase()}</span>
          <button type="button" className="button-secondary button-small" onClick={() => signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <h1 className="view-title">{current.title}</h1>
        <Current />
      </main>
    </SessionContext.Provider>
  );
}
