// The import dialog's state machine: idle → previewing → mapping → importing (progress) → done (report) | failed
// (a catalog key) | cancelled. The worker bridge is injected as an ImportService (app/ provides runtime's importer),
// so stores never import runtime/.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { COMPUTED_FIELD_KINDS, type Field, type Table } from '../engine';
import { tableStore } from './table-store';
import {
  fieldDraftOfKind,
  isImportableKind,
  type BadValuePolicy,
  type FieldDraft,
  type ImportableKind,
  type ImportFileFormat,
  type ImportMapping,
  type ImportPhase,
  type ImportPreview,
  type ImportResult,
  type ImportTarget,
} from '../engine/import';

export interface ImportServiceProgress {
  readonly phase: ImportPhase;
  readonly done: number;
  readonly total: number;
}

export interface ImportServiceRequest {
  readonly tableId: string;
  readonly mapping: ImportMapping;
  readonly file: Blob;
  readonly format: ImportFileFormat;
}

export interface ExportServiceRequest {
  readonly tableId: string;
  readonly recordIds: readonly string[];
  readonly fieldIds: readonly string[];
  readonly format: ImportFileFormat;
  readonly locale?: string;
}

/**
 * What the store needs of the import worker bridge (runtime/importer.ts has this shape). Failures reject with an
 * error carrying `code` (an import.failures.* key); cancellation rejects with an AbortError.
 */
export interface ImportService {
  readonly preview: (file: Blob, format: ImportFileFormat) => Promise<ImportPreview>;
  readonly run: (
    request: ImportServiceRequest,
    options?: { onProgress?: (progress: ImportServiceProgress) => void; signal?: AbortSignal },
  ) => Promise<ImportResult>;
  readonly exportView: (request: ExportServiceRequest) => Promise<Blob>;
}

export type ImportState =
  | { readonly status: 'idle' }
  | { readonly status: 'previewing'; readonly fileName: string }
  | ({ readonly status: 'mapping' } & MappingDraft)
  | ({
      readonly status: 'importing';
      readonly progress: ImportServiceProgress;
      readonly cancelling: boolean;
    } & MappingDraft)
  | { readonly status: 'done'; readonly fileName: string; readonly result: ImportResult }
  | {
      readonly status: 'failed';
      /** Catalog key of the reason (import.failures.*). */
      readonly messageKey: string;
      readonly messageParams?: Readonly<Record<string, string | number>>;
      /** The mapping to go back to (absent when the file itself could not be read). */
      readonly draft?: MappingDraft;
    }
  | { readonly status: 'cancelled'; readonly draft: MappingDraft };

export interface MappingDraft {
  readonly tableId: string;
  readonly fileName: string;
  readonly file: Blob;
  readonly format: ImportFileFormat;
  readonly preview: ImportPreview;
  /** One target per file column, by position. */
  readonly targets: readonly ImportTarget[];
  readonly onBadValue: BadValuePolicy;
}

export interface ImportActions {
  /** Reads the file's first rows and proposes a target per column (an existing field of the same name, else new). */
  readonly chooseFile: (table: Table, file: File) => Promise<void>;
  readonly setTarget: (column: number, target: ImportTarget) => void;
  /** Changes the kind of the new field a column goes to. */
  readonly setNewKind: (column: number, kind: ImportableKind) => void;
  readonly setOnBadValue: (policy: BadValuePolicy) => void;
  readonly start: () => Promise<void>;
  readonly cancel: () => void;
  /** Back to the mapping after a failure or cancellation (the file is kept). */
  readonly backToMapping: () => void;
  readonly reset: () => void;
}

export type ImportStore = StoreApi<ImportState & ImportActions>;

/** The file format from a file's name or type; undefined for anything else. */
export function fileFormatOf(file: {
  readonly name: string;
  readonly type: string;
}): ImportFileFormat | undefined {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv') || name.endsWith('.txt') || file.type === 'text/csv') return 'csv';
  if (
    name.endsWith('.xlsx') ||
    file.type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  )
    return 'xlsx';
  return undefined;
}

/** Fields of the table a column can fill: not computed, and a kind read from text. */
export function importableFields(table: Table): Field[] {
  return table.fields.filter(
    (field) => !COMPUTED_FIELD_KINDS.includes(field.kind) && isImportableKind(field.kind),
  );
}

function defaultTargets(table: Table, preview: ImportPreview): ImportTarget[] {
  const fields = importableFields(table);
  const used = new Set<string>();
  return preview.headers.map((header, column): ImportTarget => {
    const name = header.trim().toLowerCase();
    const match = fields.find((field) => field.name.toLowerCase() === name && !used.has(field.id));
    if (match && name !== '') {
      used.add(match.id);
      return { type: 'existing', fieldId: match.id };
    }
    const draft = preview.fields[column];
    return draft ? { type: 'new', field: draft } : { type: 'skip' };
  });
}

/** Why the mapping cannot be imported yet, as catalog keys (empty when it can). */
export function mappingIssues(draft: Pick<MappingDraft, 'targets'>): string[] {
  const issues: string[] = [];
  const existing = draft.targets.flatMap((target) => (target.type === 'existing' ? [target.fieldId] : []));
  if (new Set(existing).size !== existing.length) issues.push('import.mapping.duplicateTarget');
  if (draft.targets.every((target) => target.type === 'skip')) issues.push('import.mapping.nothingMapped');
  return issues;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

function failureKey(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return `import.failures.${typeof code === 'string' ? code : 'unknown'}`;
}

function failureParams(error: unknown): Readonly<Record<string, string | number>> {
  const params =
    typeof error === 'object' && error !== null ? (error as { params?: unknown }).params : undefined;
  return typeof params === 'object' && params !== null ? (params as Record<string, string | number>) : {};
}

function draftOf(state: ImportState): MappingDraft | undefined {
  if (state.status !== 'mapping' && state.status !== 'importing') return undefined;
  const { tableId, fileName, file, format, preview, targets, onBadValue } = state;
  return { tableId, fileName, file, format, preview, targets, onBadValue };
}

/** A store bound to `getService` (read at each action, so the service can be provided after creation). */
export function createImportStore(getService: () => ImportService | undefined): ImportStore {
  let controller: AbortController | undefined;
  /** Each chooseFile/start gets a ticket; answers to older ones (the dialog was reset meanwhile) are dropped. */
  let ticket = 0;

  const service = (): ImportService => {
    const current = getService();
    if (!current) throw new Error('No import service (call provideImportService in app/).');
    return current;
  };

  return createStore<ImportState & ImportActions>()((setState, get) => {
    // Each state replaces the previous one whole (no leftover file or preview), with the actions kept.
    const set = (state: ImportState): void => {
      setState({ ...state, ...actions }, true);
    };
    const updateDraft = (change: (draft: MappingDraft) => Partial<MappingDraft>): void => {
      const state = get();
      if (state.status !== 'mapping') return;
      const draft = draftOf(state);
      if (draft) set({ status: 'mapping', ...draft, ...change(draft) });
    };

    const actions: ImportActions = {
      async chooseFile(table, file) {
        const format = fileFormatOf(file);
        const mine = ++ticket;
        if (format === undefined) {
          set({ status: 'failed', messageKey: 'import.failures.unsupportedFile' });
          return;
        }
        set({ status: 'previewing', fileName: file.name });
        try {
          const preview = await service().preview(file, format);
          if (mine !== ticket) return;
          set({
            status: 'mapping',
            tableId: table.id,
            fileName: file.name,
            file,
            format,
            preview,
            targets: defaultTargets(table, preview),
            onBadValue: 'skipRow',
          });
        } catch (error) {
          if (mine !== ticket) return;
          set({ status: 'failed', messageKey: failureKey(error) });
        }
      },
      setTarget(column, target) {
        updateDraft((draft) => ({
          targets: draft.targets.map((current, index) => (index === column ? target : current)),
        }));
      },
      setNewKind(column, kind) {
        updateDraft((draft) => {
          const current = draft.targets[column];
          const name =
            current?.type === 'new' ? current.field.name : (draft.preview.fields[column]?.name ?? '');
          const inferred = draft.preview.fields[column];
          const field: FieldDraft =
            inferred?.kind === kind
              ? { ...inferred, name }
              : fieldDraftOfKind(
                  kind,
                  name,
                  draft.preview.rows.map((row) => row[column] ?? ''),
                );
          return {
            targets: draft.targets.map((target, index) =>
              index === column ? { type: 'new', field } : target,
            ),
          };
        });
      },
      setOnBadValue(policy) {
        updateDraft(() => ({ onBadValue: policy }));
      },
      async start() {
        const state = get();
        if (state.status !== 'mapping' || mappingIssues(state).length > 0) return;
        const draft = draftOf(state);
        if (!draft) return;
        const mine = ++ticket;
        controller = new AbortController();
        set({
          ...draft,
          status: 'importing',
          progress: { phase: 'reading', done: 0, total: 0 },
          cancelling: false,
        });
        const mapping: ImportMapping = {
          columns: draft.targets.map((target, source) => ({ source, target })),
          onBadValue: draft.onBadValue,
        };
        try {
          const result = await service().run(
            { tableId: draft.tableId, mapping, file: draft.file, format: draft.format },
            {
              signal: controller.signal,
              onProgress: (progress) => {
                const current = get();
                const currentDraft = draftOf(current);
                if (mine !== ticket || current.status !== 'importing' || !currentDraft) return;
                set({ ...currentDraft, status: 'importing', progress, cancelling: current.cancelling });
              },
            },
          );
          // The open grid and the query worker re-read the table, whatever this dialog does next.
          if (result.imported > 0) {
            tableStore.getState().notify(draft.tableId, { kind: 'reload' });
            void tableStore.getState().refreshHistory(draft.tableId); // the import is the newest undo step
          }
          if (mine !== ticket) return;
          set({ status: 'done', fileName: draft.fileName, result });
        } catch (error) {
          if (mine !== ticket) return;
          if (isAbort(error)) set({ status: 'cancelled', draft });
          else
            set({
              status: 'failed',
              messageKey: failureKey(error),
              messageParams: failureParams(error),
              draft,
            });
        } finally {
          controller = undefined;
        }
      },
      cancel() {
        const state = get();
        if (state.status !== 'importing' || state.cancelling) return;
        const draft = draftOf(state);
        if (!draft) return;
        set({ ...draft, status: 'importing', progress: state.progress, cancelling: true });
        controller?.abort();
      },
      backToMapping() {
        const state = get();
        const draft = state.status === 'failed' || state.status === 'cancelled' ? state.draft : undefined;
        if (draft) set({ status: 'mapping', ...draft });
      },
      reset() {
        ticket++;
        controller?.abort();
        controller = undefined;
        set({ status: 'idle' });
      },
    };
    return { status: 'idle', ...actions };
  });
}

let provided: ImportService | undefined;

/** Called once by app/ with the worker bridge (runtime/importer.ts). */
export function provideImportService(service: ImportService): void {
  provided = service;
}

export const importStore = createImportStore(() => provided);

export function useImportStore<T>(selector: (state: ImportState & ImportActions) => T): T {
  return useStore(importStore, selector);
}

/** Exports records of a table (in view order) with its visible fields; the file's bytes come back as a Blob. */
export function exportView(request: ExportServiceRequest): Promise<Blob> {
  if (!provided) return Promise.reject(new Error('No import service (call provideImportService in app/).'));
  return provided.exportView(request);
}
