/**
 * The worker thread readPdfTable starts (read-pdf.ts) when Sosei runs from its bundle: reads the PDF
 * it is given and answers with the table, or with the refusal's code and message.
 */
import { parentPort, workerData } from "node:worker_threads";
import { NotASheet } from "../types.ts";
import { readPdfTableHere, type WorkerReply } from "./read-pdf.ts";

async function answer(): Promise<WorkerReply> {
  try {
    return { table: await readPdfTableHere(workerData as Uint8Array) };
  } catch (e) {
    if (e instanceof NotASheet) return { code: e.code, message: e.message };
    const text = String((e as Error)?.message ?? e)
      .split("\n")[0]!
      .slice(0, 200);
    return { code: "pdf_unreadable", message: `PDF を読めません: ${text}` };
  }
}

parentPort?.postMessage(await answer());
