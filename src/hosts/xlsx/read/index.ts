/** The xlsx reader, for Node and the browser. */
export { readXlsx, type ReadOptions } from './read-xlsx';
export { ReadMemo } from './part-memo';
export { XlsxReadError, readErrorMessage, type XlsxReadReason } from './errors';
export { DEFAULT_READ_LIMITS, type ReadLimits } from './limits';
export { JS_ZIP_CODEC, defaultZipCodec, setDefaultZipCodec, type ZipCodec } from './zip-codec';
