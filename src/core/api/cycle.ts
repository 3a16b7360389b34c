/** The yearly cycle: opening a year, the department list, who has not submitted (issue 13). */
import { z } from "zod";

export const openYearRequestSchema = z.object({
  /** Entry deadline shown to departments, YYYY-MM-DD (optional). */
  entryDeadline: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "入力期限は 2024-06-30 の形で入力してください")
    .nullable()
    .optional(),
});

export const openYearResultSchema = z.object({
  municipality: z.string(),
  fiscalYear: z.number().int(),
  planName: z.string(),
  fromYear: z.number().int().nullable(),
  rows: z.number().int(),
  withoutTarget: z.array(z.string()),
  entryDeadline: z.string().nullable(),
});

export const departmentSchema = z.object({ id: z.string(), name: z.string(), position: z.number().int() });
export const departmentListSchema = z.object({ departments: z.array(departmentSchema) });
export const createDepartmentRequestSchema = z.object({
  name: z.string().trim().min(1, "課の名前を入力してください").max(100, "課の名前は100文字までです"),
  position: z.number().int().optional(),
});

export const missingSubmissionsSchema = z.object({
  fiscalYear: z.number().int(),
  municipality: z.string(),
  entryDeadline: z.string().nullable(),
  departments: z.array(
    z.object({
      department: z.string(),
      total: z.number().int(),
      submitted: z.number().int(),
      pending: z.array(z.object({ row: z.number().int(), indicator: z.string(), state: z.string() })),
    }),
  ),
});

export type OpenYearResult = z.infer<typeof openYearResultSchema>;
export type Department = z.infer<typeof departmentSchema>;
export type MissingSubmissions = z.infer<typeof missingSubmissionsSchema>;
