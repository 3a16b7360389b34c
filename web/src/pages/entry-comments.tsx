/** The committee's and planning's comments on a department's entry card, each with a reply form. */
import { useState } from "react";
import type { Comment } from "../../../src/core/api/index.ts";
import { api } from "../api.ts";
import { ErrorNote } from "../components.tsx";
import { useI18n } from "../i18n.ts";
import { useEntryText } from "../i18n-entry.ts";

export function EntryComments(props: {
  kpiId: string;
  comments: Comment[];
  onReplied: (c: Comment) => void;
}) {
  const { t } = useI18n();
  if (props.comments.length === 0) return null;
  const roots = props.comments.filter((c) => !c.parentId);
  const replies = (id: string) => props.comments.filter((c) => c.parentId === id);
  return (
    <section className="entry-comments" aria-label={t.comments}>
      <h3>{t.comments}</h3>
      <ul className="plain comments">
        {roots.map((c) => (
          <li key={c.id} className={c.kind === "return" ? "returned" : undefined}>
            <CommentText c={c} />
            {replies(c.id).length > 0 ? (
              <ul className="plain comments replies">
                {replies(c.id).map((r) => (
                  <li key={r.id}>
                    <CommentText c={r} />
                  </li>
                ))}
              </ul>
            ) : null}
            <ReplyForm kpiId={props.kpiId} parent={c} onReplied={props.onReplied} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function CommentText({ c }: { c: Comment }) {
  const { t } = useI18n();
  return (
    <>
      <p className="meta">
        {c.author}（{new Date(c.createdAt).toLocaleString("ja-JP")}）
        {c.kind === "return" ? `・${t.returnIt}` : ""}
      </p>
      <p>{c.body}</p>
    </>
  );
}

function ReplyForm(props: { kpiId: string; parent: Comment; onReplied: (c: Comment) => void }) {
  const c = useEntryText();
  const [body, setBody] = useState("");
  const [error, setError] = useState<unknown>(null);
  const id = `reply-${props.parent.id}`;
  return (
    <form
      className="form reply"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        try {
          const r = await api<{ comment: Comment }>("POST", `/api/kpis/${props.kpiId}/replies`, {
            parentId: props.parent.id,
            body,
          });
          setBody("");
          props.onReplied(r.comment);
        } catch (err) {
          setError(err);
        }
      }}
    >
      <div className="field">
        <label htmlFor={id}>{c.replyTo(props.parent.author)}</label>
        <textarea id={id} rows={2} value={body} onChange={(e) => setBody(e.target.value)} required />
      </div>
      <ErrorNote error={error} />
      <button type="submit" className="secondary">
        {c.sendReply}
      </button>
    </form>
  );
}
