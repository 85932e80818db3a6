// Stylesheets are bundled by webpack's native CSS support (experiments.css);
// TypeScript only needs to know such side-effect imports exist.
declare module "*.css";
