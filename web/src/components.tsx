import { type ReactNode, useState } from "react";
import type { ReviewState } from "../../src/core/api/index.ts";
import type { Period } from "../../src/core/period.ts";
import type { Category, Value } from "../../src/core/sheet.ts";
import { valueInColumnParts } from "../../src/core/value/format.ts";
import { api } from "./api.ts";
import { formatYear } from "./format.ts";
import { useI18n } from "./i18n.ts";
import { onLinkClick } from "./router.ts";

export function Link(props: { to: string; children: ReactNode; className?: string; current?: boolean }) {
  return (
    <a
      href={props.to}
      onClick={onLinkClick}
      className={props.className}
      aria-current={props.current ? "page" : undefined}
    >
      {props.children}
    </a>
  );
}

export function CategoryBadge({ category, covid }: { category: Category; covid?: boolean }) {
  const { t } = useI18n();
  return (
    <span className={`badge cat-${category}`}>
      {t.categories[category]}
      {covid ? `（${t.covid}）` : ""}
    </span>
  );
}

export function StateBadge({ state }: { state: ReviewState }) {
  const { t } = useI18n();
  return <span className={`badge state-${state}`}>{t.states[state]}</span>;
}

export function ErrorNote({ error }: { error: unknown }) {
  const { lang } = useI18n();
  if (!error) return null;
  const e = error as { message?: string; messageEn?: string; code?: string };
  return (
    <p className="error" role="alert">
      {lang === "en" && e.messageEn ? e.messageEn : (e.message ?? String(error))}
      {e.code ? <span className="code"> [{e.code}]</span> : null}
    </p>
  );
}

/** A success notice, announced to screen readers (the one way every page says "done"). */
export function OkNote({ children }: { children: ReactNode }) {
  if (children == null || children === false || children === "") return null;
  return (
    <p className="ok" role="status">
      {children}
    </p>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status">
      {t.loading}
    </p>
  );
}

/** The fiscal year picker: 令和4年度（2022年度）. */
export function YearSelect(props: {
  years: { fiscalYear: number }[];
  value: number | null;
  onChange: (y: number) => void;
}) {
  const { t, lang } = useI18n();
  return (
    <div className="field inline">
      <label htmlFor="year-select">{t.year}</label>
      <select
        id="year-select"
        value={props.value ?? ""}
        onChange={(e) => props.onChange(Number(e.target.value))}
      >
        {props.years.map((y) => (
          <option key={y.fiscalYear} value={y.fiscalYear}>
            {formatYear(y.fiscalYear, lang)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A value cell of a sheet table: the number, and below it the period where the cell names its own. */
export function ValueCell({ value, column }: { value: Value; column: Period | null }) {
  const parts = valueInColumnParts(value, column);
  return (
    // Words (待機児童なし, segments) may wrap; a plain number stays on one line.
    <td className={value.kind === "number" ? "num" : "num wrap"}>
      {parts.value}
      {parts.period ? <span className="cell-period">（{parts.period}）</span> : null}
    </td>
  );
}

/**
 * A one-file upload form that posts the chosen file (multipart field `file`) to `url` and hands
 * back the server's preview. `onSubmit` runs before posting (to clear earlier messages), `onFailure`
 * when the server refuses the file (the caller drops its preview and shows the error).
 */
export function UploadForm<Preview>(props: {
  url: string;
  inputId: string;
  accept: string;
  fileLabel: string;
  buttonLabel: string;
  labelledBy?: string;
  onSubmit: () => void;
  onPreview: (preview: Preview) => void;
  onFailure: (error: unknown) => void;
  /** The file chosen (the import page sends it again with the marks' meanings). */
  onFile?: (file: File | null) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  return (
    <form
      className="form"
      aria-labelledby={props.labelledBy}
      onSubmit={async (e) => {
        e.preventDefault();
        if (!file) return;
        props.onSubmit();
        const fd = new FormData();
        fd.set("file", file);
        try {
          props.onPreview(await api<Preview>("POST", props.url, fd));
        } catch (err) {
          props.onFailure(err);
        }
      }}
    >
      <div className="field">
        <label htmlFor={props.inputId}>{props.fileLabel}</label>
        <input
          id={props.inputId}
          type="file"
          accept={props.accept}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            props.onFile?.(e.target.files?.[0] ?? null);
          }}
        />
      </div>
      <button type="submit" disabled={!file}>
        {props.buttonLabel}
      </button>
    </form>
  );
}
