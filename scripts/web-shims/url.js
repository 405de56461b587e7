'use strict';
// `url` in the browser bundles: domainToASCII through the WHATWG URL parser (IDNA), '' when the
// name is not a valid host, as Node's; fileURLToPath for server/src/uri.ts. See README.md.
function domainToASCII(domain) {
  try {
    return new URL(`http://${domain}/`).hostname;
  } catch {
    return '';
  }
}

/** The path of a `file:` URL (POSIX); throws for any other, as Node's. */
function fileURLToPath(url) {
  const u = new URL(String(url));
  if (u.protocol !== 'file:') throw new TypeError('The URL must be of scheme file');
  return decodeURIComponent(u.pathname);
}

module.exports = { domainToASCII, fileURLToPath, URL };
