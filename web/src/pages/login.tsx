import { useId, useState } from "react";
import type { User } from "../../../src/core/api/index.ts";
import { login } from "../api.ts";
import { ErrorNote } from "../components.tsx";
import { useI18n } from "../i18n.ts";
import { navigate } from "../router.ts";
import { useSession } from "../session.ts";

export function LoginForm(props: {
  idPrefix: string;
  onLoggedIn: (u: User) => void;
  doLogin: (name: string, pw: string) => Promise<User>;
}) {
  const { t } = useI18n();
  const [name, setName] = useState("");
  const [pw, setPw] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  return (
    <form
      className="form login-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          props.onLoggedIn(await props.doLogin(name, pw));
        } catch (err) {
          setError(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-user`}>{t.username}</label>
        <input
          id={`${id}-user`}
          name="username"
          autoComplete="username"
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-pw`}>{t.password}</label>
        <input
          id={`${id}-pw`}
          name="password"
          type="password"
          autoComplete="current-password"
          value={pw}
          onChange={(e) => setPw(e.target.value)}
          required
        />
      </div>
      <ErrorNote error={error} />
      <button type="submit" disabled={busy}>
        {t.login}
      </button>
    </form>
  );
}

export function LoginPage() {
  const { t } = useI18n();
  const { setUser } = useSession();
  return (
    <section className="narrow">
      <h1>{t.login}</h1>
      <LoginForm
        idPrefix="login"
        doLogin={async (n, p) => (await login(n, p)).user!}
        onLoggedIn={(u) => {
          setUser(u);
          const back =
            location.pathname === "/login"
              ? u.role === "department"
                ? "/entry"
                : u.role === "committee" || u.role === "planning"
                  ? "/review"
                  : "/"
              : location.pathname;
          navigate(back);
        }}
      />
    </section>
  );
}
