// Public entry of the engine: pure TypeScript shared by storage, stores, workers and features.
export * from './model';
