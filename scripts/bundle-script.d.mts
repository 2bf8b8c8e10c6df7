/** Types of bundle-script.mjs, for the TypeScript scripts that call it. */
export function bundleScript(entry: string, outfile: string): Promise<void>;
