// Design-system primitives. They take text as props: translation happens in features.
export * from './banner';
export * from './button';
export * from './confirm-dialog';
export * from './dialog';
export * from './empty-state';
export * from './file-button';
export * from './menu';
export * from './name-dialog';
export * from './page-header';
export * from './problem-list';
export * from './toasts';
export * from './use-entity-dialog';
export * from './entity-dialogs';
export * from './language-select';
export * from './use-dismiss';
