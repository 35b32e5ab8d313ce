// The wire contract shared by the service and the UI: JSON Schemas (TypeBox) from which the types
// are derived. The UI imports from here with `import type` only.
export * from './create';
export * from './ssh';
export * from './jobs';
export * from './results';
export * from './session';
