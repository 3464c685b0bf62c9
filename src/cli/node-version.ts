// The oldest Node.js the command line runs on, checked by the entry point before it imports
// anything else: on an older Node a dependency fails to load with an error that names neither
// Node nor a fix (Node 20: "does not provide an export named 'glob'").

/** undici 8, which reads every web page, declares `node >= 22.19` (package.json `engines`). */
export const MINIMUM_NODE = { major: 22, minor: 19 } as const;

/** One line saying what to install when `version` (as in `process.versions.node`) is too old. */
export function nodeTooOld(version: string): string | undefined {
  const [major = 0, minor = 0] = version.split(".").map((part) => Number.parseInt(part, 10));
  const { major: needMajor, minor: needMinor } = MINIMUM_NODE;
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return undefined;
  return (
    `factually needs Node.js ${needMajor}.${needMinor} or newer (found ${version}); ` +
    "install Node 22 or 24 LTS: https://nodejs.org/en/download"
  );
}
