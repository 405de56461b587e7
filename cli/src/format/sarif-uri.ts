import { pathToFileURL } from 'url';

/**
 * SARIF `artifactLocation` of a report path, as an RFC 3986 URI reference: each segment
 * percent-encoded, so `#`, `?`, `%`, spaces, `:` and non-ASCII characters stay part of the file
 * name (`encodeURI` left `hash#q?.yaml` to be read as the file `hash` and a fragment). A path
 * below the working directory is relative to `%SRCROOT%`; any other is a `file:` URI.
 */
export function artifactLocation(relPath: string): { uri: string; uriBaseId?: string } {
  const drive = /^([A-Za-z]):[\\/]/.exec(relPath);
  if (drive) return { uri: `file:///${drive[1]}:/${encodePath(relPath.slice(3).replace(/\\/g, '/'))}` };
  if (relPath.startsWith('//')) return { uri: `file://${encodePath(relPath.slice(2))}` }; // UNC: //server/share/...
  if (relPath.startsWith('/')) return { uri: `file:///${encodePath(relPath.slice(1))}` };
  return { uri: encodePath(relPath), uriBaseId: '%SRCROOT%' };
}

/** The `%SRCROOT%` base: the working directory as a `file:` URI ending in `/`. */
export function srcRootUri(cwd: string): string {
  const href = pathToFileURL(cwd).href;
  return href.endsWith('/') ? href : href + '/';
}

/** Segments split at `/`, each percent-encoded (`:` too, which would otherwise read as a scheme). */
function encodePath(p: string): string {
  return p
    .split('/')
    .map((segment) => encodeURIComponent(wellFormed(segment)))
    .join('/');
}

/** Lone surrogates (possible in Windows file names) as U+FFFD: encodeURIComponent throws on them. */
function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
