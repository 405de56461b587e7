'use strict';
// `zlib` in the browser bundles: no Brotli (the packaged property docs stay unread). See README.md.
module.exports = {
  brotliDecompressSync() {
    throw new Error('Brotli is not available in the browser');
  },
};
