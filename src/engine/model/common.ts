// Building blocks shared by every definition schema: ids, timestamps, JSON values, the entity envelope.
import { z } from 'zod';

// Zod compiles fast paths with `new Function` unless told not to; the app runs under a CSP without 'unsafe-eval'.
z.config({ jitless: true });

export const IdSchema = z
  .string()
  .min(1)
  .max(100)
  .describe('Stable identifier (UUIDv7 for ids Liucun creates).');

/** Milliseconds since the Unix epoch (UTC). */
export const TimestampSchema = z
  .number()
  .int()
  .nonnegative()
  .describe('Milliseconds since 1970-01-01T00:00:00Z.');

export const NameSchema = z.string().trim().min(1).max(200);

/** Any JSON value: expressions are stored as JSONLogic-compatible JSON. */
export const JsonValueSchema = z.json();
export type JsonValue = z.infer<typeof JsonValueSchema>;

/** Fields every definition entity carries: who it is, when it changed, how often, and whether it is in the trash. */
export const EntityFields = {
  id: IdSchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  /** Counts every saved change, starting at 1; used for conflict detection and, later, sync. */
  version: z.number().int().positive(),
  /** When the entity was moved to the trash; absent while it is live. */
  deletedAt: TimestampSchema.optional(),
};
