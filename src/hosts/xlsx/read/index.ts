/** The xlsx reader, for Node and the browser. */
export { readXlsx } from './read-xlsx';
export { XlsxReadError, readErrorMessage, type XlsxReadReason } from './errors';
export { DEFAULT_READ_LIMITS, type ReadLimits } from './limits';
export { JS_ZIP_CODEC, defaultZipCodec, setDefaultZipCodec, type ZipCodec } from './zip-codec';
