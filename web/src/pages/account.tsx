import { useId, useState } from "react";
import { api } from "../api.ts";
import { ErrorNote, OkNote } from "../components.tsx";
import { useI18n } from "../i18n.ts";

/** The account page: every user changes their own password (operation changePassword). */
export function AccountPage() {
  const { t } = useI18n();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  return (
    <section className="narrow">
      <h1>{t.account}</h1>
      <form
        className="form"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          setDone(null);
          try {
            const r = await api<{ sessionsEnded: number }>("POST", "/api/auth/password", {
              currentPassword: current,
              newPassword: next,
            });
            setDone(r.sessionsEnded);
            setCurrent("");
            setNext("");
          } catch (err) {
            setError(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-current`}>{t.currentPassword}</label>
          <input
            id={`${id}-current`}
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            required
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-new`}>{t.ownNewPassword}</label>
          <input
            id={`${id}-new`}
            type="password"
            autoComplete="new-password"
            aria-describedby={`${id}-hint`}
            value={next}
            onChange={(e) => setNext(e.target.value)}
            minLength={12}
            required
          />
          <p id={`${id}-hint`} className="hint">
            {t.newPasswordHint}
          </p>
        </div>
        <ErrorNote error={error} />
        {done !== null ? <OkNote>{t.passwordChanged(done)}</OkNote> : null}
        <button type="submit" disabled={busy}>
          {t.changePassword}
        </button>
      </form>
    </section>
  );
}
