// Unit-test setup: an in-memory IndexedDB for every test file (fake-indexeddb), reset between files by Vitest's isolation.
import 'fake-indexeddb/auto';
