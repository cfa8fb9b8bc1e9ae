// The wire protocol of docs/protocol.md, mirrored type for type.
export * from './version';
export * from './http';
export * from './elements';
export * from './hub';
export * from './errors';
export * from './limits';
export * from './sprint';
export * from './stats';
export * from './chat';
export * from './history';
export * from './people';
export * from './resources';
export * from './lobby';
export * from './roomLifecycle';
export * from './deletedUser';
export * from './account';
