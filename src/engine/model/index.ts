// The definition model: types, schemas, validation, migrations and the published JSON Schema.
export * from './app';
export * from './automation';
export * from './clone';
export * from './common';
export * from './dashboard';
export * from './field-defaults';
export * from './fields';
export * from './form';
export * from './json-schema';
export * from './migrations';
export * from './problems';
export * from './record';
export * from './table';
export * from './validate';
export * from './view';
export * from './workspace';
