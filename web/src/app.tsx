import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { User, Year } from "../../src/core/api/index.ts";
import { may, type Permission } from "../../src/core/roles.ts";
import { api, loadMe, login, logout, onSessionLost } from "./api.ts";
import { ErrorNote, Link } from "./components.tsx";
import { DICTS, I18nContext, type Lang, useI18n } from "./i18n.ts";
import { AccountPage } from "./pages/account.tsx";
import { CyclePage } from "./pages/cycle.tsx";
import { DashboardPage } from "./pages/dashboard.tsx";
import { EntryPage } from "./pages/entry.tsx";
import { ImportExportPage } from "./pages/import-export.tsx";
import { KpiPage } from "./pages/kpi.tsx";
import { LoginForm, LoginPage } from "./pages/login.tsx";
import { ReviewPage } from "./pages/review.tsx";
import { SheetPage } from "./pages/sheet.tsx";
import { StrategyPage } from "./pages/strategy.tsx";
import { UsersPage } from "./pages/users.tsx";
import { navigate, useLocation } from "./router.ts";
import { SessionContext, useSession } from "./session.ts";

function initialLang(): Lang {
  const saved = localStorage.getItem("sosei.lang");
  return saved === "en" ? "en" : "ja";
}

export function App() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    localStorage.setItem("sosei.lang", l);
  }, []);
  const i18n = useMemo(() => ({ lang, t: DICTS[lang], setLang }), [lang, setLang]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const [user, setUser] = useState<User | null>(null);
  const [ready, setReady] = useState(false);
  const [years, setYears] = useState<Year[]>([]);
  const [yearsTick, setYearsTick] = useState(0);
  const [relogin, setRelogin] = useState<((ok: boolean) => void) | null>(null);

  useEffect(() => {
    loadMe()
      .then((me) => setUser(me.user))
      .catch(() => setUser(null))
      .finally(() => setReady(true));
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload the years when the user or tick changes
  useEffect(() => {
    if (!ready) return;
    api<{ years: Year[] }>("GET", "/api/years")
      .then((r) => setYears(r.years))
      .catch(async (e) => {
        if ((e as { code?: string }).code === "session_expired") {
          await logout();
          setUser(null);
        }
      });
  }, [ready, user, yearsTick]);

  // A lost session: show the login dialog in place; the waiting request retries after it.
  useEffect(() => {
    onSessionLost(
      () =>
        new Promise<boolean>((resolve) => {
          setRelogin(() => (ok: boolean) => {
            setRelogin(null);
            resolve(ok);
          });
        }),
    );
    return () => onSessionLost(null);
  }, []);

  const session = useMemo(
    () => ({ user, years, setUser, refreshYears: () => setYearsTick((t) => t + 1) }),
    [user, years],
  );

  return (
    <I18nContext.Provider value={i18n}>
      <SessionContext.Provider value={session}>
        <Shell ready={ready} />
        {relogin ? (
          <ReloginDialog
            onDone={(u) => {
              if (u) setUser(u);
              relogin(Boolean(u));
            }}
          />
        ) : null}
      </SessionContext.Provider>
    </I18nContext.Provider>
  );
}

function ReloginDialog({ onDone }: { onDone: (u: User | null) => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="relogin-title" onCancel={() => onDone(null)}>
      <h2 id="relogin-title">{t.login}</h2>
      <p>{t.sessionExpired}</p>
      <LoginForm
        idPrefix="relogin"
        onLoggedIn={(u) => onDone(u)}
        doLogin={async (name, pw) => (await login(name, pw)).user!}
      />
      <button type="button" className="secondary" onClick={() => onDone(null)}>
        {t.cancel}
      </button>
    </dialog>
  );
}

const NAV: {
  path: string;
  key: "dashboard" | "sheet" | "entry" | "review" | "io" | "users" | "strategy" | "years";
  permission?: Permission;
}[] = [
  { path: "/", key: "dashboard" },
  { path: "/sheet", key: "sheet" },
  { path: "/entry", key: "entry", permission: "editKpi" },
  { path: "/review", key: "review", permission: "viewReview" },
  { path: "/years", key: "years", permission: "openYear" },
  { path: "/strategy", key: "strategy", permission: "editStrategy" },
  { path: "/io", key: "io" },
  { path: "/users", key: "users", permission: "manageUsers" },
];

function Shell({ ready }: { ready: boolean }) {
  const { t, lang, setLang } = useI18n();
  const { user, setUser, years } = useSession();
  const { path, query } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(path);
  const municipality = years.at(-1)?.municipality;

  // Move focus to the page on client-side navigation, so keyboard and screen-reader users land there.
  useEffect(() => {
    if (shownPath.current === path) return;
    shownPath.current = path;
    mainRef.current?.focus();
  }, [path]);

  let page: React.ReactNode;
  const kpiMatch = /^\/kpi\/([\w-]+)$/.exec(path);
  if (!ready) page = null;
  else if (path === "/") page = <DashboardPage query={query} />;
  else if (path === "/sheet") page = <SheetPage query={query} />;
  else if (kpiMatch) page = <KpiPage id={kpiMatch[1]!} />;
  else if (path === "/entry") page = user ? <EntryPage /> : <LoginPage />;
  else if (path === "/review") page = user ? <ReviewPage query={query} /> : <LoginPage />;
  else if (path === "/io") page = <ImportExportPage />;
  else if (path === "/strategy") page = user ? <StrategyPage query={query} /> : <LoginPage />;
  else if (path === "/years") page = user ? <CyclePage query={query} /> : <LoginPage />;
  else if (path === "/users") page = user ? <UsersPage /> : <LoginPage />;
  else if (path === "/account") page = user ? <AccountPage /> : <LoginPage />;
  else if (path === "/login") page = <LoginPage />;
  else
    page = (
      <>
        <h1>404</h1>
        <ErrorNote error={{ message: t.pageNotFound }} />
      </>
    );

  useEffect(() => {
    const label =
      path === "/login" ? t.login : (NAV.find((n) => n.path === path)?.key ?? (kpiMatch ? "KPI" : ""));
    const name = label in t ? (t as unknown as Record<string, string>)[label] : label;
    document.title = `${name ? `${name} | ` : ""}Sosei ${t.appName}`;
  }, [path, t, kpiMatch]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t.skip}
      </a>
      <header className="site-header">
        <div className="brand">
          <Link to="/">
            <span className="brand-name">Sosei</span> <span className="brand-sub">{t.appName}</span>
          </Link>
          {municipality ? <span className="municipality">{municipality}</span> : null}
        </div>
        <div className="header-tools">
          <button
            type="button"
            className="secondary small"
            onClick={() => setLang(lang === "ja" ? "en" : "ja")}
            aria-label={t.languageLabel}
            lang={lang === "ja" ? "en" : "ja"}
          >
            {t.language}
          </button>
          {user ? (
            <>
              <Link to="/account" current={path === "/account"}>
                <span className="who">{user.displayName}</span>
              </Link>
              <button
                type="button"
                className="secondary small"
                onClick={async () => {
                  await logout();
                  setUser(null);
                  navigate("/");
                }}
              >
                {t.logout}
              </button>
            </>
          ) : (
            <Link to="/login" className="button small">
              {t.login}
            </Link>
          )}
        </div>
      </header>
      <nav aria-label={t.nav} className="site-nav">
        <ul>
          {NAV.filter((n) => !n.permission || may(user?.role, n.permission)).map((n) => (
            <li key={n.path}>
              <Link to={n.path} current={path === n.path}>
                {t[n.key]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" ref={mainRef} tabIndex={-1}>
        {page}
      </main>
      <footer className="site-footer">
        <p>{t.footer}</p>
      </footer>
    </>
  );
}
