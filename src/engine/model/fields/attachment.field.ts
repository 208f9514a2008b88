// Files (contracts, photos). The value is an array of attachment descriptors; the bytes live as Blobs in IndexedDB.
import { z } from 'zod';
import { IdSchema } from '../common';
import { FieldBase } from './base';

export const AttachmentSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(500),
  /** MIME type, e.g. 'image/png'. */
  type: z.string().max(200),
  /** Bytes. */
  size: z.number().int().nonnegative(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

export const AttachmentFieldSchema = z.object({
  ...FieldBase,
  kind: z.literal('attachment'),
  /** Accepted file types, as in <input accept>, e.g. 'image/*,.pdf'. */
  accept: z.string().max(500).optional(),
});
export type AttachmentField = z.infer<typeof AttachmentFieldSchema>;
