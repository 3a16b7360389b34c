/** HTML escaping: every piece of data goes through `esc` before it reaches markup. */

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for an HTML element body or a quoted attribute value. */
export const esc = (text: string | number | null | undefined): string =>
  text === null || text === undefined ? "" : String(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

/** Escapes text and turns line breaks into `<br>` (cells that were wrapped in the source). */
export const escLines = (text: string | null | undefined): string => esc(text).replace(/\r\n|\r|\n/g, "<br>");
