// TS 6 checks side-effect imports: declare the stylesheet and asset modules webpack handles.
declare module '*.css';
declare module '*.svg' {
  const url: string;
  export default url;
}
declare module '*.png' {
  const url: string;
  export default url;
}
