import { useState, type FormEvent } from 'react';
import { Link, Route, Router, Switch, useRoute } from 'wouter';
import { useProgramme } from '@zonegraph/sdk/react';
import { useApi } from './api.tsx';
import { useLanguage } from './i18n/context.tsx';
import { Cadence } from './views/Cadence.tsx';
import { Investment } from './views/Investment.tsx';
import { Overview } from './views/Overview.tsx';
import { Pipeline } from './views/Pipeline.tsx';
import { ProjectPage } from './views/ProjectPage.tsx';
import { Projects } from './views/Projects.tsx';
import { Risks } from './views/Risks.tsx';

// The page lives under the path it was built for (vite `base`, /dashboard/).
const BASE = import.meta.env.BASE_URL.replace(/\/$/, '');

export function App() {
  return (
    <Router base={BASE}>
      <Header />
      <DemoBanner />
      <main>
        <Switch>
          <Route path="/">
            <Overview />
          </Route>
          <Route path="/pipeline">
            <Pipeline />
          </Route>
          <Route path="/investment">
            <Investment />
          </Route>
          <Route path="/cadence">
            <Cadence />
          </Route>
          <Route path="/risks">
            <Risks />
          </Route>
          <Route path="/projects">
            <Projects />
          </Route>
          <Route path="/projects/:code">{(params) => <ProjectPage code={decodeURIComponent(params.code)} />}</Route>
          <Route>
            <Overview />
          </Route>
        </Switch>
      </main>
    </Router>
  );
}

/** Says so on every view when the programme carries the synthetic demo year. */
function DemoBanner() {
  const { t } = useLanguage();
  // The same query as the overview's, so the page asks once.
  const programme = useProgramme();
  if (!programme.data?.programme?.demoYear) return null;
  return (
    <div className="demo-banner" role="status" data-testid="demo-banner">
      {t.demoBanner}
    </div>
  );
}

function NavLink({ href, children }: { href: string; children: string }) {
  const [active] = useRoute(href === '/projects' ? '/projects/*?' : href);
  return (
    <Link href={href} className={active ? 'active' : undefined} aria-current={active ? 'page' : undefined}>
      {children}
    </Link>
  );
}

function Header() {
  const { t, toggle } = useLanguage();
  return (
    <header className="top">
      <div className="brand">
        <img src={`${BASE}/favicon.svg`} alt="" width={28} height={28} />
        <span>{t.appTitle}</span>
      </div>
      <nav className="main-nav">
        <NavLink href="/">{t.nav.overview}</NavLink>
        <NavLink href="/pipeline">{t.nav.pipeline}</NavLink>
        <NavLink href="/investment">{t.nav.investment}</NavLink>
        <NavLink href="/cadence">{t.nav.cadence}</NavLink>
        <NavLink href="/risks">{t.nav.risks}</NavLink>
        <NavLink href="/projects">{t.nav.projects}</NavLink>
      </nav>
      <div className="tools">
        <ApiKeyForm />
        <button type="button" className="lang" onClick={toggle} data-testid="language-toggle">
          {t.switchLanguage}
        </button>
      </div>
    </header>
  );
}

function ApiKeyForm() {
  const { t } = useLanguage();
  const { apiKey, setApiKey } = useApi();
  const [draft, setDraft] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setApiKey(draft);
    setDraft('');
  };
  if (apiKey) {
    return (
      <div className="api-key" title={t.apiKey.hint}>
        <span data-testid="key-state">
          {t.apiKey.signedIn} ({apiKey.slice(0, 11)}…)
        </span>
        <button type="button" onClick={() => setApiKey(undefined)}>
          {t.apiKey.clear}
        </button>
      </div>
    );
  }
  return (
    <form className="api-key" onSubmit={submit} title={t.apiKey.hint}>
      <span className="muted" data-testid="key-state">
        {t.apiKey.anonymous}
      </span>
      <label>
        <span className="visually-hidden">{t.apiKey.label}</span>
        <input type="password" name="apiKey" autoComplete="off" value={draft} placeholder={t.apiKey.placeholder} onChange={(event) => setDraft(event.target.value)} />
      </label>
      <button type="submit" disabled={!draft.trim()}>
        {t.apiKey.use}
      </button>
    </form>
  );
}
