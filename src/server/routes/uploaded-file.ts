/**
 * The one-file multipart upload both upload routes take (imports, department workbooks): its
 * OpenAPI request body, and reading it with a clear invalid_upload for each way it can be wrong.
 */
import path from "node:path";
import { SoseiError } from "../../core/errors.ts";
import type { Ctx } from "../context.ts";

/** createRoute's `request.body`: multipart field `file`. A plain schema, not zod: the handler reads the upload itself and answers invalid_upload. */
export const multipartFileBody = {
  required: true,
  content: {
    "multipart/form-data": {
      schema: {
        type: "object" as const,
        properties: { file: { type: "string" as const, format: "binary" } },
        required: ["file"],
      },
    },
  },
};

/** The import's upload: the file, and what the rating marks mean when the file prints no legend. */
export const multipartImportBody = {
  required: true,
  content: {
    "multipart/form-data": {
      schema: {
        type: "object" as const,
        properties: {
          file: { type: "string" as const, format: "binary" },
          scale: {
            type: "string" as const,
            description: 'JSON: {"bands":[{"label":"A","category":"on_track"}]}',
          },
        },
        required: ["file"],
      },
    },
  },
};

/** The uploaded file's bytes and name; invalid_upload when it is not multipart, unreadable, missing or empty. */
export async function uploadedFile(
  c: Ctx,
): Promise<{ fileName: string; bytes: Uint8Array; fields: Record<string, string> }> {
  if (!(c.req.header("content-type") ?? "").startsWith("multipart/form-data"))
    throw new SoseiError("invalid_upload", "ファイルを multipart/form-data の file 欄で送ってください");
  const form = await c.req.parseBody().catch(() => {
    throw new SoseiError("invalid_upload", "アップロードを読み取れません");
  });
  const file = form.file;
  if (!(file instanceof File) || file.size === 0)
    throw new SoseiError("invalid_upload", "ファイルが選ばれていないか、空のファイルです");
  // The browser's file name is only a label: keep no directory part (either slash), ever.
  const fileName = path.basename(file.name.replaceAll("\\", "/"));
  // The form's other fields given as text (the import's `scale`).
  const fields = Object.fromEntries(
    Object.entries(form).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])),
  );
  return { fileName, bytes: new Uint8Array(await file.arrayBuffer()), fields };
}
