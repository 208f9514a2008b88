// Storage failures, classified so the UI can say what happened in the user's language.
// A full disk shows up as QuotaExceededError — directly, or wrapped in an AbortError / Dexie error as `inner`.

export type StorageErrorKind =
  /** The disk or the origin's quota is full. The transaction was aborted; nothing was half-written. */
  | 'quota'
  /** Another tab upgraded the database; this tab runs old code and must reload. */
  | 'versionChanged'
  /** IndexedDB is not available (private mode in some browsers, disabled storage). */
  | 'unavailable'
  | 'unknown';

export class StorageError extends Error {
  readonly kind: StorageErrorKind;

  constructor(kind: StorageErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
    this.kind = kind;
  }
}

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  inner?: unknown;
  cause?: unknown;
  failures?: unknown;
}

/** QuotaExceededError's legacy DOMException code. */
const QUOTA_EXCEEDED_CODE = 22;

function namesInChain(error: unknown, depth = 0): string[] {
  if (depth > 8 || typeof error !== 'object' || error === null) return [];
  const like = error as ErrorLike;
  const names: string[] = [];
  if (typeof like.name === 'string') names.push(like.name);
  if (like.code === QUOTA_EXCEEDED_CODE) names.push('QuotaExceededError');
  names.push(...namesInChain(like.inner, depth + 1), ...namesInChain(like.cause, depth + 1));
  if (Array.isArray(like.failures)) {
    for (const failure of like.failures.slice(0, 20)) names.push(...namesInChain(failure, depth + 1));
  }
  return names;
}

export function classifyStorageError(error: unknown): StorageErrorKind {
  if (error instanceof StorageError) return error.kind;
  const names = namesInChain(error);
  if (names.includes('QuotaExceededError')) return 'quota';
  if (names.includes('VersionError') || names.includes('VersionChangedError')) return 'versionChanged';
  if (names.includes('MissingAPIError') || names.includes('InvalidStateError')) return 'unavailable';
  return 'unknown';
}

/** Wraps any failure of a storage operation in a StorageError (keeping the original as `cause`). */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const kind = classifyStorageError(error);
  const detail = error instanceof Error ? error.message : String(error);
  return new StorageError(kind, detail, { cause: error });
}
