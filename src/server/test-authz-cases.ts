/**
 * The authorization table the route × role test walks (authz.test.ts): each route with a request
 * shaped so that an allowed role gets a harmless non-2xx or a read, and the status each role gets.
 */

export type RoleName = "public" | "admin" | "planning" | "committee" | "shoko" | "kanko";
export const ROLES: RoleName[] = ["public", "admin", "planning", "committee", "shoko", "kanko"];

export interface Case {
  method: string;
  path: string; // OpenAPI template
  url: string;
  /** A body, or one made per call (a fresh upload; a fresh login name so the throttle never counts). */
  body?: unknown | ((role: RoleName) => unknown);
  expect: Record<RoleName, number>;
}

const all = (s: number): Record<RoleName, number> => ({
  public: s,
  admin: s,
  planning: s,
  committee: s,
  shoko: s,
  kanko: s,
});
const loggedIn = (s: number, pub = 401) => ({ ...all(s), public: pub });

export const CASES: Case[] = [
  { method: "GET", path: "/api/health", url: "/api/health", expect: all(200) },
  { method: "GET", path: "/api/evaluation-rules", url: "/api/evaluation-rules", expect: all(200) },
  { method: "GET", path: "/api/openapi.json", url: "/api/openapi.json", expect: all(200) },
  { method: "GET", path: "/api/auth/me", url: "/api/auth/me", expect: all(200) },
  {
    method: "POST",
    path: "/api/auth/login",
    url: "/api/auth/login",
    body: (role: RoleName) => ({ username: `nobody-${role}`, password: "x" }),
    expect: all(401),
  },
  {
    // a wrong current password: nobody changes a password without it (public: no session)
    method: "POST",
    path: "/api/auth/password",
    url: "/api/auth/password",
    body: { currentPassword: "not-it", newPassword: "青い港の灯台と7つの坂道 cinnamon-harbor" },
    expect: all(401),
  },
  { method: "GET", path: "/api/years", url: "/api/years", expect: all(200) },
  // published year: everyone; open (unpublished) year: not the public
  { method: "GET", path: "/api/years/{year}/dashboard", url: "/api/years/2021/dashboard", expect: all(200) },
  {
    method: "GET",
    path: "/api/years/{year}/dashboard",
    url: "/api/years/2022/dashboard",
    expect: loggedIn(200, 404),
  },
  { method: "GET", path: "/api/years/{year}/kpis", url: "/api/years/2021/kpis", expect: all(200) },
  { method: "GET", path: "/api/years/{year}/kpis", url: "/api/years/2022/kpis", expect: loggedIn(200, 404) },
  {
    method: "GET",
    path: "/api/years/{year}/export.json",
    url: "/api/years/2021/export.json",
    expect: all(200),
  },
  {
    method: "GET",
    path: "/api/years/{year}/export.json",
    url: "/api/years/2022/export.json",
    expect: loggedIn(200, 404),
  },
  {
    method: "GET",
    path: "/api/years/{year}/export.csv",
    url: "/api/years/2021/export.csv",
    expect: all(200),
  },
  {
    method: "GET",
    path: "/api/years/{year}/export.csv",
    url: "/api/years/2022/export.csv",
    expect: loggedIn(200, 404),
  },
  { method: "GET", path: "/api/years/{year}/sheet.pdf", url: "/api/years/2021/sheet.pdf", expect: all(200) },
  {
    method: "GET",
    path: "/api/years/{year}/sheet.pdf",
    url: "/api/years/2022/sheet.pdf",
    expect: loggedIn(200, 404),
  },
  {
    method: "GET",
    path: "/api/years/{year}/sheet.xlsx",
    url: "/api/years/2021/sheet.xlsx",
    expect: all(200),
  },
  {
    method: "GET",
    path: "/api/years/{year}/sheet.xlsx",
    url: "/api/years/2022/sheet.xlsx",
    expect: loggedIn(200, 404),
  },
  { method: "GET", path: "/api/years/{year}/sheet.csv", url: "/api/years/2021/sheet.csv", expect: all(200) },
  {
    method: "GET",
    path: "/api/years/{year}/sheet.csv",
    url: "/api/years/2022/sheet.csv",
    expect: loggedIn(200, 404),
  },
  {
    method: "GET",
    path: "/api/years/{year}/open-data.csv",
    url: "/api/years/2021/open-data.csv",
    expect: all(200),
  },
  {
    method: "GET",
    path: "/api/years/{year}/open-data.csv",
    url: "/api/years/2022/open-data.csv",
    expect: loggedIn(200, 404),
  },
  { method: "GET", path: "/api/kpis/{id}", url: "/api/kpis/2021-1", expect: all(200) },
  { method: "GET", path: "/api/kpis/{id}", url: "/api/kpis/2022-1", expect: loggedIn(200, 404) },
  {
    method: "PUT",
    path: "/api/kpis/{id}",
    url: "/api/kpis/2022-1",
    body: { version: 999, reason: "x" },
    expect: { public: 401, admin: 409, planning: 409, committee: 403, shoko: 409, kanko: 403 },
  },
  {
    method: "POST",
    path: "/api/kpis/{id}/transitions",
    url: "/api/kpis/2022-1/transitions",
    body: { action: "submit", version: 999 },
    expect: { public: 401, admin: 409, planning: 409, committee: 403, shoko: 409, kanko: 403 },
  },
  {
    method: "POST",
    path: "/api/kpis/{id}/transitions",
    url: "/api/kpis/2022-3/transitions",
    body: { action: "approve", version: 999 },
    expect: { public: 401, admin: 409, planning: 409, committee: 403, shoko: 403, kanko: 403 },
  },
  {
    // a stale version: nothing moves (a department of another KPI: 403)
    method: "POST",
    path: "/api/kpis/{id}/withdraw",
    url: "/api/kpis/2022-1/withdraw",
    body: { version: 999 },
    expect: { public: 401, admin: 409, planning: 409, committee: 403, shoko: 409, kanko: 403 },
  },
  {
    // a parent that does not exist: nothing is written
    method: "POST",
    path: "/api/kpis/{id}/replies",
    url: "/api/kpis/2022-1/replies",
    body: { parentId: "no-such-comment", body: "回答します" },
    expect: { public: 401, admin: 404, planning: 404, committee: 403, shoko: 404, kanko: 403 },
  },
  {
    // a stale version: the row is listed as not moved
    method: "POST",
    path: "/api/review/transitions",
    url: "/api/review/transitions",
    body: { action: "approve", items: [{ id: "2022-3", version: 999 }] },
    expect: { public: 401, admin: 200, planning: 200, committee: 403, shoko: 403, kanko: 403 },
  },
  {
    method: "GET",
    path: "/api/kpis/{id}/comments",
    url: "/api/kpis/2022-1/comments",
    expect: loggedIn(200),
  },
  {
    method: "POST",
    path: "/api/kpis/{id}/comments",
    url: "/api/kpis/2022-1/comments",
    body: { body: "確認しました" },
    expect: { public: 401, admin: 201, planning: 201, committee: 201, shoko: 403, kanko: 403 },
  },
  {
    method: "GET",
    path: "/api/entry",
    url: "/api/entry",
    expect: { public: 401, admin: 200, planning: 200, committee: 403, shoko: 200, kanko: 200 },
  },
  {
    method: "POST",
    path: "/api/parse-value",
    url: "/api/parse-value",
    body: { text: "1万8225人", year: 2022 },
    expect: loggedIn(200),
  },
  {
    method: "GET",
    path: "/api/review",
    url: "/api/review",
    expect: { public: 401, admin: 200, planning: 200, committee: 200, shoko: 403, kanko: 403 },
  },
  {
    method: "POST",
    path: "/api/years/{year}/publish",
    url: "/api/years/2022/publish",
    expect: { public: 401, admin: 409, planning: 409, committee: 403, shoko: 403, kanko: 403 },
  },
  // the yearly cycle (routes/cycle.ts): nothing here changes the shared data
  {
    method: "POST",
    path: "/api/years/{year}/open",
    url: "/api/years/2022/open",
    body: {},
    expect: { public: 401, admin: 409, planning: 409, committee: 403, shoko: 403, kanko: 403 },
  },
  { method: "GET", path: "/api/departments", url: "/api/departments", expect: loggedIn(200) },
  {
    method: "POST",
    path: "/api/departments",
    url: "/api/departments",
    body: { name: "" },
    expect: { public: 401, admin: 400, planning: 400, committee: 403, shoko: 403, kanko: 403 },
  },
  {
    method: "GET",
    path: "/api/years/{year}/missing-submissions",
    url: "/api/years/2022/missing-submissions",
    expect: { public: 401, admin: 200, planning: 200, committee: 200, shoko: 403, kanko: 403 },
  },
  // strategy editing (routes/strategy.ts): bodies invalid or ids unknown, so nothing changes
  {
    method: "GET",
    path: "/api/strategy",
    url: "/api/strategy",
    expect: { public: 401, admin: 200, planning: 200, committee: 403, shoko: 403, kanko: 403 },
  },
  ...(
    [
      ["POST", "/api/strategy/nodes", "/api/strategy/nodes", {}],
      ["PUT", "/api/strategy/nodes/{id}", "/api/strategy/nodes/none", {}],
      ["POST", "/api/strategy/kpis", "/api/strategy/kpis", {}],
      ["PUT", "/api/strategy/kpis/{id}", "/api/strategy/kpis/none", {}],
      ["POST", "/api/strategy/kpis/{id}/retire", "/api/strategy/kpis/none/retire", {}],
      ["PUT", "/api/strategy/kpis/{id}/targets", "/api/strategy/kpis/none/targets", { targets: [] }],
      ["POST", "/api/plans", "/api/plans", {}],
      ["PUT", "/api/years/{year}/deadline", "/api/years/2022/deadline", {}],
    ] as const
  ).map(([method, path, url, body]) => ({
    method,
    path,
    url,
    body,
    expect: { public: 401, admin: 400, planning: 400, committee: 403, shoko: 403, kanko: 403 },
  })),
  {
    method: "PUT",
    path: "/api/departments/{id}",
    url: "/api/departments/none",
    body: {},
    expect: { public: 401, admin: 404, planning: 404, committee: 403, shoko: 403, kanko: 403 },
  },
  // publication and correction (routes/publication.ts): a stale version changes nothing
  {
    method: "GET",
    path: "/api/years/{year}/publish-preview",
    url: "/api/years/2022/publish-preview",
    expect: { public: 401, admin: 200, planning: 200, committee: 403, shoko: 403, kanko: 403 },
  },
  {
    method: "POST",
    path: "/api/kpis/{id}/correction",
    url: "/api/kpis/2021-1/correction",
    body: { version: 999, reason: "誤り" },
    expect: { public: 401, admin: 409, planning: 409, committee: 403, shoko: 403, kanko: 403 },
  },
  {
    method: "POST",
    path: "/api/imports",
    url: "/api/imports",
    body: () => new FormData(),
    expect: { public: 401, admin: 400, planning: 400, committee: 403, shoko: 403, kanko: 403 },
  },
  {
    method: "POST",
    path: "/api/imports/{token}/mapping",
    url: "/api/imports/bogus/mapping",
    body: () => ({ columns: [] }),
    expect: { public: 401, admin: 404, planning: 404, committee: 403, shoko: 403, kanko: 403 },
  },
  {
    method: "POST",
    path: "/api/imports/{token}/confirm",
    url: "/api/imports/bogus/confirm",
    expect: { public: 401, admin: 404, planning: 404, committee: 403, shoko: 403, kanko: 403 },
  },
  // the saved import mapping: seen and forgotten by those who import (forgetting none is a harmless 200)
  {
    method: "GET",
    path: "/api/import-profile",
    url: "/api/import-profile",
    expect: { public: 401, admin: 200, planning: 200, committee: 403, shoko: 403, kanko: 403 },
  },
  {
    method: "DELETE",
    path: "/api/import-profile",
    url: "/api/import-profile",
    expect: { public: 401, admin: 200, planning: 200, committee: 403, shoko: 403, kanko: 403 },
  },
  // account management: the admin only (requests shaped to change nothing: a bad body, an unknown id)
  {
    method: "GET",
    path: "/api/users",
    url: "/api/users",
    expect: { public: 401, admin: 200, planning: 403, committee: 403, shoko: 403, kanko: 403 },
  },
  {
    method: "POST",
    path: "/api/users",
    url: "/api/users",
    body: { username: "x", displayName: "", role: "public" },
    expect: { public: 401, admin: 400, planning: 403, committee: 403, shoko: 403, kanko: 403 },
  },
  {
    method: "POST",
    path: "/api/users/{id}/password",
    url: "/api/users/no-such-user/password",
    expect: { public: 401, admin: 404, planning: 403, committee: 403, shoko: 403, kanko: 403 },
  },
  {
    method: "POST",
    path: "/api/users/{id}/active",
    url: "/api/users/no-such-user/active",
    body: { active: false },
    expect: { public: 401, admin: 404, planning: 403, committee: 403, shoko: 403, kanko: 403 },
  },
  // department workbooks of the open year (2022): a department its own, planning any, the ZIP planning only
  {
    method: "GET",
    path: "/api/workbooks",
    url: "/api/workbooks",
    expect: { public: 401, admin: 200, planning: 200, committee: 403, shoko: 200, kanko: 200 },
  },
  {
    method: "GET",
    path: "/api/workbooks/department.xlsx",
    url: `/api/workbooks/department.xlsx?department=${encodeURIComponent("観光課")}`,
    expect: { public: 401, admin: 200, planning: 200, committee: 403, shoko: 403, kanko: 200 },
  },
  {
    method: "GET",
    path: "/api/workbooks/all.zip",
    url: "/api/workbooks/all.zip",
    expect: { public: 401, admin: 200, planning: 200, committee: 403, shoko: 403, kanko: 403 },
  },
  {
    method: "POST",
    path: "/api/workbooks/uploads",
    url: "/api/workbooks/uploads",
    body: () => new FormData(),
    expect: { public: 401, admin: 400, planning: 400, committee: 403, shoko: 400, kanko: 400 },
  },
  {
    method: "POST",
    path: "/api/workbooks/uploads/{token}/confirm",
    url: "/api/workbooks/uploads/bogus/confirm",
    expect: { public: 401, admin: 404, planning: 404, committee: 403, shoko: 404, kanko: 404 },
  },
  {
    method: "POST",
    path: "/api/auth/logout",
    url: "/api/auth/logout",
    expect: all(200),
  },
];
