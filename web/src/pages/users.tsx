/**
 * ユーザー管理 (admin only): the list of accounts, adding one (password generated and shown once, or
 * set by the admin, 12+ characters), password reset (generated, shown once), deactivate/reactivate,
 * and the audit trail of these changes. The server enforces every rule; this page only asks.
 */
import { useEffect, useRef, useState } from "react";
import { MIN_PASSWORD_LENGTH } from "../../../src/core/api/accounts.ts";
import type { Account, AccountAudit, Role } from "../../../src/core/api/index.ts";
import { ROLES as CORE_ROLES } from "../../../src/core/roles.ts";
import { api } from "../api.ts";
import { ErrorNote, Loading, OkNote } from "../components.tsx";
import { useApi } from "../hooks.ts";
import { useI18n } from "../i18n.ts";
import { useSession } from "../session.ts";

const ROLES: readonly Role[] = CORE_ROLES;
const MIN_PASSWORD = MIN_PASSWORD_LENGTH;

type Shown = { username: string; password: string };

export function UsersPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const [tick, setTick] = useState(0);
  const { data, error } = useApi<{ users: Account[]; audit: AccountAudit[] }>(
    user?.role === "admin" ? "/api/users" : null,
    tick,
  );
  const [shown, setShown] = useState<Shown | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const reload = () => setTick((x) => x + 1);

  if (user?.role !== "admin")
    return (
      <>
        <h1>{t.users}</h1>
        <p>{t.usersAdminOnly}</p>
      </>
    );
  if (error) return <ErrorNote error={error} />;
  if (!data) return <Loading />;

  const act = async (a: Account, what: "reset" | "deactivate" | "reactivate") => {
    setActionError(null);
    setNotice(null);
    const name = t.accountName(a.displayName, a.username);
    if (what === "reset" && !window.confirm(t.confirmReset(name))) return;
    if (what === "deactivate" && !window.confirm(t.confirmDeactivate(name))) return;
    try {
      if (what === "reset") {
        const r = await api<{ password: string }>("POST", `/api/users/${encodeURIComponent(a.id)}/password`);
        setShown({ username: name, password: r.password });
      } else {
        await api("POST", `/api/users/${encodeURIComponent(a.id)}/active`, { active: what === "reactivate" });
        setNotice(what === "reactivate" ? t.userActivated(name) : t.userDeactivated(name));
      }
      reload();
    } catch (e) {
      setActionError(e);
    }
  };

  return (
    <>
      <h1>{t.users}</h1>
      {shown ? <PasswordOnce shown={shown} onClose={() => setShown(null)} /> : null}
      <section aria-labelledby="users-h">
        <h2 id="users-h">{t.userList}</h2>
        <ErrorNote error={actionError} />
        <OkNote>{notice}</OkNote>
        <div className="table-wrap">
          <table className="users-table">
            <caption className="sr-only">{t.userList}</caption>
            <thead>
              <tr>
                <th scope="col">{t.loginId}</th>
                <th scope="col">{t.displayName}</th>
                <th scope="col">{t.role}</th>
                <th scope="col">{t.department}</th>
                <th scope="col">{t.state}</th>
                <th scope="col">{t.operations}</th>
              </tr>
            </thead>
            <tbody>
              {data.users.map((a) => (
                <tr key={a.id} className={a.active ? undefined : "inactive"}>
                  <th scope="row">
                    <code>{a.username}</code>
                  </th>
                  <td data-label={t.displayName}>{a.displayName}</td>
                  <td data-label={t.role}>{t.roles[a.role] ?? a.role}</td>
                  <td data-label={t.department}>{a.department ?? "—"}</td>
                  <td data-label={t.state}>
                    <span className={`badge ${a.active ? "state-approved" : "state-returned"}`}>
                      {a.active ? t.active : t.inactive}
                    </span>
                  </td>
                  <td data-label={t.operations}>
                    <div className="row-actions">
                      <button
                        type="button"
                        className="secondary small"
                        aria-label={t.actionOn(t.resetPassword, a.username)}
                        onClick={() => void act(a, "reset")}
                      >
                        {t.resetPassword}
                      </button>
                      {a.id === user.id ? null : a.active ? (
                        <button
                          type="button"
                          className="danger small"
                          aria-label={t.actionOn(t.deactivate, a.username)}
                          onClick={() => void act(a, "deactivate")}
                        >
                          {t.deactivate}
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="small"
                          aria-label={t.actionOn(t.reactivate, a.username)}
                          onClick={() => void act(a, "reactivate")}
                        >
                          {t.reactivate}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <AddUserForm
        onAdded={(a, password) => {
          const name = t.accountName(a.displayName, a.username);
          setNotice(t.userAdded(name));
          if (password) setShown({ username: name, password });
          reload();
        }}
      />
      <section aria-labelledby="uaudit-h">
        <h2 id="uaudit-h">{t.accountAudit}</h2>
        {data.audit.length === 0 ? <p className="muted">{t.nothing}</p> : null}
        <ol className="plain audit">
          {data.audit.map((a) => (
            <li key={a.id}>
              <time dateTime={a.at}>{new Date(a.at).toLocaleString("ja-JP")}</time> {a.actor} → {a.subject}：
              {t.userAuditActions[a.action] ?? a.action}
              {describe(a, t.active, t.inactive, t.roles)}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** "（有効 → 無効）" for activation changes; role/department of a new account. Never a password. */
function describe(
  a: AccountAudit,
  activeLabel: string,
  inactiveLabel: string,
  roles: Record<string, string>,
): string {
  const b = a.before as { disabled?: boolean } | null;
  const n = a.after as { disabled?: boolean; role?: string; department?: string | null } | null;
  if (typeof b?.disabled === "boolean" && typeof n?.disabled === "boolean")
    return `（${b.disabled ? inactiveLabel : activeLabel} → ${n.disabled ? inactiveLabel : activeLabel}）`;
  if (a.action === "create" && n?.role)
    return `（${roles[n.role] ?? n.role}${n.department ? `・${n.department}` : ""}）`;
  return "";
}

/** The generated password, shown once; focus moves here so a screen reader reads it. */
function PasswordOnce({ shown, onClose }: { shown: Shown; onClose: () => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="callout warn password-once" role="alert" tabIndex={-1} ref={ref}>
      <p>{t.shownOnce(shown.username)}</p>
      <p>
        {t.passwordIs}
        <code className="password">{shown.password}</code>
      </p>
      <button type="button" className="secondary small" onClick={onClose}>
        {t.close}
      </button>
    </div>
  );
}

function AddUserForm({ onAdded }: { onAdded: (a: Account, password: string | undefined) => void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<Role>("department");
  const [department, setDepartment] = useState("");
  const [mode, setMode] = useState<"generate" | "set">("generate");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const tooShort = mode === "set" && password.length > 0 && password.length < MIN_PASSWORD;

  return (
    <section aria-labelledby="adduser-h" className="card">
      <h2 id="adduser-h">{t.addUser}</h2>
      <form
        className="form"
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          setBusy(true);
          try {
            const r = await api<{ user: Account; password?: string }>("POST", "/api/users", {
              username,
              displayName,
              role,
              department: role === "department" ? department : null,
              ...(mode === "set" ? { password } : {}),
            });
            setUsername("");
            setDisplayName("");
            setDepartment("");
            setPassword("");
            onAdded(r.user, r.password);
          } catch (err) {
            setError(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        <div className="field-row top">
          <div className="field">
            <label htmlFor="nu-login">{t.loginId}</label>
            <input
              id="nu-login"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              required
              pattern="[A-Za-z0-9][A-Za-z0-9._\-]{1,31}"
              autoComplete="off"
              spellCheck={false}
              aria-describedby="nu-login-help"
            />
            <p id="nu-login-help" className="muted small">
              {t.loginIdHelp}
            </p>
          </div>
          <div className="field">
            <label htmlFor="nu-name">{t.displayName}</label>
            <input
              id="nu-name"
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
              required
              maxLength={100}
            />
          </div>
        </div>
        <div className="field-row top">
          <div className="field">
            <label htmlFor="nu-role">{t.role}</label>
            <select id="nu-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t.roles[r]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="nu-dept">{t.department}</label>
            <input
              id="nu-dept"
              value={department}
              onChange={(e) => setDepartment(e.target.value)}
              disabled={role !== "department"}
              required={role === "department"}
              maxLength={100}
              aria-describedby="nu-dept-help"
              list="nu-dept-list"
            />
            <DepartmentOptions id="nu-dept-list" />
            <p id="nu-dept-help" className="muted small">
              {t.departmentHelp}
            </p>
          </div>
        </div>
        <fieldset className="field">
          <legend>{t.passwordMode}</legend>
          <div className="field checkbox">
            <input
              type="radio"
              id="nu-pw-gen"
              name="nu-pw-mode"
              checked={mode === "generate"}
              onChange={() => setMode("generate")}
            />
            <label htmlFor="nu-pw-gen">{t.passwordGenerate}</label>
          </div>
          <div className="field checkbox">
            <input
              type="radio"
              id="nu-pw-set"
              name="nu-pw-mode"
              checked={mode === "set"}
              onChange={() => setMode("set")}
            />
            <label htmlFor="nu-pw-set">{t.passwordSet}</label>
          </div>
        </fieldset>
        {mode === "set" ? (
          <div className="field">
            <label htmlFor="nu-pw">{t.newPassword}</label>
            <input
              id="nu-pw"
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
              minLength={MIN_PASSWORD}
              autoComplete="new-password"
              aria-invalid={tooShort ? true : undefined}
              aria-describedby="nu-pw-help"
            />
            <p id="nu-pw-help" className={tooShort ? "preview bad" : "muted small"}>
              {t.passwordMinHelp(MIN_PASSWORD)}
            </p>
          </div>
        ) : null}
        <ErrorNote error={error} />
        <Issues error={error} />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t.addUserSubmit}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The server's validation messages (field and reason), under the error line. */
function Issues({ error }: { error: unknown }) {
  const issues = (error as { details?: { issues?: { path: string; message: string }[] } } | null)?.details
    ?.issues;
  if (!issues?.length) return null;
  return (
    <ul className="error-list">
      {issues.map((i) => (
        <li key={`${i.path}:${i.message}`}>{i.message}</li>
      ))}
    </ul>
  );
}

/** The department master list as the field's suggestions (the server refuses a name not on it). */
function DepartmentOptions({ id }: { id: string }) {
  const { data } = useApi<{ departments: { id: string; name: string }[] }>("/api/departments");
  return (
    <datalist id={id}>
      {data?.departments.map((d) => (
        <option key={d.id} value={d.name} />
      ))}
    </datalist>
  );
}
